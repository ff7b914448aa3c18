import { fromUnits4, percentOff, toUnits4 } from '../store/money';
import type { BcCustomerGroup } from '../store/types';

type DiscountRule = BcCustomerGroup['discount_rules'][number];

export interface MatchedDiscount {
  rule: 'product' | 'category' | 'all';
  method: 'percent' | 'fixed' | 'price';
  /** units4 (for percent: the percentage in units4). */
  amount: number;
}

/**
 * Step 3 of the order of operations: the customer group's own discount rules. The most specific rule wins —
 * a product rule over a category rule over a store-wide ('all') rule — as the control panel describes; among
 * several category rules the first listed that contains the product applies [inferred]. Category matching is
 * by the product's direct category membership. `price_list` rules are not discounts and are ignored here.
 */
export function matchGroupDiscount(
  group: BcCustomerGroup | undefined,
  product: { id: number; categories: readonly number[] },
): MatchedDiscount | undefined {
  if (!group) return undefined;
  const rules = group.discount_rules;
  const byProduct = rules.find((r) => r.type === 'product' && r.product_id === product.id);
  const byCategory = rules.find((r) => r.type === 'category' && r.category_id !== undefined && product.categories.includes(r.category_id));
  const storeWide = rules.find((r) => r.type === 'all');
  const chosen = byProduct ?? byCategory ?? storeWide;
  return chosen ? toMatched(chosen) : undefined;
}

function toMatched(rule: DiscountRule): MatchedDiscount | undefined {
  if (rule.type === 'price_list' || rule.method === undefined || rule.amount === undefined) return undefined;
  const amount = Number(rule.amount);
  if (!Number.isFinite(amount)) return undefined;
  return { rule: rule.type, method: rule.method, amount: toUnits4(amount) };
}

/** percent = percent off, price = amount off per unit, fixed = the unit price itself; never below zero. */
export function applyGroupDiscount(units4: number, discount: MatchedDiscount): number {
  switch (discount.method) {
    case 'percent':
      return Math.max(0, percentOff(units4, fromUnits4(discount.amount)));
    case 'price':
      return Math.max(0, units4 - discount.amount);
    case 'fixed':
      return discount.amount;
  }
}
