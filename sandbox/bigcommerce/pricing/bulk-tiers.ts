import { fromUnits4, percentOff, toUnits4 } from '../store/money';
import type { BcBulkPricingRule, BcBulkPricingTier } from '../store/types';
import type { BulkTier } from './types';

/** A price record's tiers (quantity_max null = open-ended) in the resolver's shape. */
export function tiersFromRecord(tiers: readonly BcBulkPricingTier[]): BulkTier[] {
  return tiers.map((t) => ({ minimumQuantity: t.quantity_min, maximumQuantity: t.quantity_max, type: t.type, amount: toUnits4(t.amount) }));
}

/** Catalog bulk pricing rules; the catalog API writes "no maximum" as quantity_max 0. */
export function tiersFromCatalog(rules: readonly BcBulkPricingRule[]): BulkTier[] {
  return rules.map((r) => ({
    minimumQuantity: r.quantity_min,
    maximumQuantity: r.quantity_max === 0 ? null : r.quantity_max,
    type: r.type,
    amount: toUnits4(r.amount),
  }));
}

/** The unit price at `quantity`: the matching tier applied to `unitPrice`, or `unitPrice` when none matches. */
export function priceAtQuantity(unitPrice: number, tiers: readonly BulkTier[], quantity: number): number {
  const tier = tiers.find((t) => quantity >= t.minimumQuantity && (t.maximumQuantity === null || quantity <= t.maximumQuantity));
  if (!tier) return unitPrice;
  switch (tier.type) {
    case 'fixed':
      return tier.amount;
    case 'price':
      return Math.max(0, unitPrice - tier.amount);
    case 'percent':
      return Math.max(0, percentOff(unitPrice, fromUnits4(tier.amount)));
  }
}
