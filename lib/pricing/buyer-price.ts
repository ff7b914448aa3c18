import type { PriceFieldsFragment } from '@/graphql/generated/graphql';
import { formatMoney, moneyFromDecimal, type Money } from '@/lib/money/money';
import { volumeBreaks, type VolumeBreakRule } from '@/lib/money/volume-breaks';

/**
 * A buyer's price for one product or variant, read from the Storefront API's `prices` (which BigCommerce has
 * already resolved for the buyer's customer group and price list) and turned into integer money plus the
 * volume-break table. Pure: no fetching, so it is unit-tested directly.
 */
export interface BuyerPrice {
  unitPrice: Money;
  /** The catalog/list price when the buyer pays less, to show the saving; null otherwise. */
  listPrice: Money | null;
  volumeBreaks: { minimumQuantity: number; maximumQuantity: number | null; unitPrice: Money }[];
}

export function buyerPriceFrom(prices: PriceFieldsFragment): BuyerPrice {
  const currency = prices.price.currencyCode;
  const unitPrice = moneyFromDecimal(prices.price.value, currency);
  const reference = prices.retailPrice ?? prices.basePrice;
  const referenceMoney = reference ? moneyFromDecimal(reference.value, reference.currencyCode) : null;
  return {
    unitPrice,
    listPrice: referenceMoney && referenceMoney.currency === currency && referenceMoney.minor > unitPrice.minor ? referenceMoney : null,
    volumeBreaks: volumeBreaks(unitPrice, prices.bulkPricing.flatMap(toRule)),
  };
}

/**
 * The unit price at `quantity`: the volume break whose range holds it, else the price before breaks. The same
 * tiers BigCommerce applies to a cart line of that quantity, so what a buyer is quoted here is what the cart charges.
 */
export function unitPriceAtQuantity(price: BuyerPrice, quantity: number): Money {
  const tier = price.volumeBreaks.find((t) => quantity >= t.minimumQuantity && (t.maximumQuantity === null || quantity <= t.maximumQuantity));
  return tier?.unitPrice ?? price.unitPrice;
}

function toRule(tier: PriceFieldsFragment['bulkPricing'][number]): VolumeBreakRule[] {
  const bounds = { minimumQuantity: tier.minimumQuantity, maximumQuantity: tier.maximumQuantity ?? null };
  switch (tier.__typename) {
    case 'BulkPricingFixedPriceDiscount':
      return [{ ...bounds, kind: 'fixed', price: tier.price }];
    case 'BulkPricingPercentageDiscount':
      return [{ ...bounds, kind: 'percent', percentOff: tier.percentOff }];
    case 'BulkPricingRelativePriceDiscount':
      return [{ ...bounds, kind: 'relative', priceAdjustment: tier.priceAdjustment }];
    default:
      // A tier type this storefront does not know yet: leaving it out shows fewer breaks, never a wrong price.
      return [];
  }
}

/** What a presentational price component receives: formatted text only, so components hold no money logic. */
export interface PriceLabels {
  unitPrice: string;
  listPrice: string | null;
  volumeBreaks: { quantityLabel: string; unitPrice: string; minimumQuantity: number }[];
}

export function priceLabels(price: BuyerPrice): PriceLabels {
  return {
    unitPrice: formatMoney(price.unitPrice),
    listPrice: price.listPrice ? formatMoney(price.listPrice) : null,
    volumeBreaks: price.volumeBreaks.map((tier) => ({
      minimumQuantity: tier.minimumQuantity,
      quantityLabel: tier.maximumQuantity === null ? `${tier.minimumQuantity}+` : `${tier.minimumQuantity}–${tier.maximumQuantity}`,
      unitPrice: formatMoney(tier.unitPrice),
    })),
  };
}
