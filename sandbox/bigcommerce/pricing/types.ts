import type { BcStore } from '../store/store';

/**
 * Shapes of the sandbox's storefront price resolution. Amounts are integer ten-thousandths ("units4", see
 * ../store/money.ts) so no float ever takes part in arithmetic; the GraphQL layer converts at the boundary.
 */

/** The store state price resolution reads; a BcStore satisfies it, and unit tests build small ones by hand. */
export type PricingData = Pick<BcStore, 'priceLists' | 'priceRecords' | 'priceListAssignments' | 'customerGroups' | 'defaultCurrency'>;

export interface PricingContext {
  /** The shopper's customer group; null for a guest when the store has no guest group. */
  customerGroupId: number | null;
  channelId: number;
  /** ISO-4217, any case. */
  currency: string;
  /** Quantity the unit price is wanted for (bulk tiers); defaults to 1. */
  quantity?: number;
}

export interface BulkTier {
  minimumQuantity: number;
  /** null = no upper bound. */
  maximumQuantity: number | null;
  /** fixed = absolute unit price; price = amount off per unit; percent = percent off. */
  type: 'fixed' | 'price' | 'percent';
  /** units4 for fixed/price; the percentage in units4 for percent (15% → 150000). */
  amount: number;
}

/** Which rule of BigCommerce's order of operations produced the price. */
export type PriceSource =
  | { kind: 'price_list'; level: 'group_and_channel' | 'group' | 'channel_default'; priceListId: number }
  | { kind: 'group_discount'; rule: 'product' | 'category' | 'all' }
  | { kind: 'catalog' };

export interface ResolvedPrices {
  source: PriceSource;
  /** Upper-case ISO-4217 of every amount below. */
  currency: string;
  /** Record `price`, else the catalog price (variant price, else product price). */
  basePrice: number;
  /** Record `sale_price`, else the catalog sale price; null when not set. */
  salePrice: number | null;
  retailPrice: number | null;
  mapPrice: number | null;
  /** The calculated unit price before bulk pricing: sale price if set, else base; group discount applied. */
  price: number;
  bulkTiers: BulkTier[];
  /** `price` with the bulk tier for `quantity` applied. */
  priceAtQuantity: number;
}
