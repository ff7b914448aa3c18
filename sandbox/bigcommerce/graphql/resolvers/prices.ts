import { fromUnits4 } from '../../store/money';
import type { BcProduct, BcVariant } from '../../store/types';
import { resolveVariantPrices, type BulkTier, type ResolvedPrices } from '../../pricing';
import type { GraphqlContext } from '../context';
import { stringArg, type Args } from './args';

/**
 * `prices` on Product and Variant: the pricing module's answer for the request's customer group, channel and
 * currency, mapped as FACTS §7 describes — basePrice ← record price, salePrice ← record sale_price, price ←
 * calculated price, bulkPricing ← record tiers (else product bulk pricing). `includeTax` is accepted but the
 * sandbox has no tax, so prices are the same either way. A Product's prices are its first (base) variant's;
 * its priceRange spans all variants.
 */
export function productPrices(ctx: GraphqlContext, product: BcProduct, variants: readonly BcVariant[], args: Args): unknown {
  const currency = stringArg(args, 'currencyCode') ?? ctx.store.defaultCurrency;
  const resolved = variants.map((v) => resolve(ctx, product, v, currency)).filter((r): r is ResolvedPrices => r !== undefined);
  const head = resolved[0];
  if (!head) return null;
  return toPrices(head, resolved);
}

function resolve(ctx: GraphqlContext, product: BcProduct, variant: BcVariant, currency: string): ResolvedPrices | undefined {
  return resolveVariantPrices(ctx.store, product, variant, { customerGroupId: ctx.customerGroupId, channelId: ctx.channelId, currency });
}

interface MoneyValue {
  currencyCode: string;
  value: number;
  formattedV2: string;
}

export function money(units4: number, currency: string): MoneyValue {
  const value = fromUnits4(units4);
  // Display formatting only; the value itself never went through float arithmetic.
  const formattedV2 = new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value);
  return { currencyCode: currency, value, formattedV2 };
}

function range(values: number[], currency: string): { min: MoneyValue; max: MoneyValue } | null {
  if (values.length === 0) return null;
  return { min: money(Math.min(...values), currency), max: money(Math.max(...values), currency) };
}

function toPrices(head: ResolvedPrices, all: readonly ResolvedPrices[]): unknown {
  const c = head.currency;
  const retail = all.map((r) => r.retailPrice).filter((v): v is number => v !== null);
  return {
    price: money(head.price, c),
    salePrice: head.salePrice === null ? null : money(head.salePrice, c),
    basePrice: money(head.basePrice, c),
    retailPrice: head.retailPrice === null ? null : money(head.retailPrice, c),
    mapPrice: head.mapPrice === null ? null : money(head.mapPrice, c),
    priceRange: range(all.map((r) => r.price), c),
    retailPriceRange: range(retail, c),
    saved: head.retailPrice !== null && head.retailPrice > head.price ? money(head.retailPrice - head.price, c) : null,
    bulkPricing: head.bulkTiers.map((tier) => bulkTier(tier)),
  };
}

function bulkTier(tier: BulkTier): unknown {
  const bounds = { minimumQuantity: tier.minimumQuantity, maximumQuantity: tier.maximumQuantity };
  const amount = fromUnits4(tier.amount);
  switch (tier.type) {
    case 'fixed':
      return { __typename: 'BulkPricingFixedPriceDiscount', price: amount, ...bounds };
    case 'percent':
      return { __typename: 'BulkPricingPercentageDiscount', percentOff: amount, ...bounds };
    case 'price':
      return { __typename: 'BulkPricingRelativePriceDiscount', priceAdjustment: amount, ...bounds };
  }
}
