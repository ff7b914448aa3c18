/**
 * Catalog (list) prices: what a shopper without a contract sees. List, cost, sale and MSRP per product, the price
 * steps of variants that cost more (bigger sizes), and the product-level bulk pricing tiers. Contract prices are
 * derived from these in `contracts.ts`.
 */
import { charmPrice, discountByBasisPoints, scaleByRatio } from './money';
import type { Rng } from './random';
import type { DemoBulkPricingRule, MinorUnits } from './types';

/** The catalog's price floor and ceiling ($0.89 … $2,399.99): keeps every amount plausible for an MRO distributor. */
export const MIN_LIST_PRICE: MinorUnits = 89;
export const MAX_LIST_PRICE: MinorUnits = 239_999;

export interface CatalogPrices {
  price: MinorUnits;
  salePrice: MinorUnits | null;
  retailPrice: MinorUnits | null;
  cost: MinorUnits;
}

/**
 * List price for one product: log-uniform inside the family's range (so cheap and expensive members are equally
 * common), raised by `sizeMultiplierBp` (basis points ≥ 10000) for larger sizes, snapped to a shelf price.
 */
export function catalogPrices(rng: Rng, range: readonly [number, number], sizeMultiplierBp: number): CatalogPrices {
  const [min, max] = range;
  const raw = Math.round(min * Math.pow(max / min, rng.next()));
  const scaled = scaleByRatio(raw, sizeMultiplierBp, 10_000);
  const price = clampList(charmPrice(scaled));
  // Distributor gross margins on MRO run ~22–45%.
  const cost = discountByBasisPoints(price, rng.int(2_200, 4_500));
  // A sale of 5–20 % off never dips below cost (cost is at most 78 % of price, a sale at least 80 %).
  const salePrice = rng.chance(0.05) ? discountByBasisPoints(price, rng.int(500, 2_000)) : null;
  const retailPrice = rng.chance(0.35)
    ? Math.max(price, charmPrice(scaleByRatio(price, rng.int(110, 145), 100)))
    : null;
  return { price, salePrice, retailPrice, cost };
}

/**
 * Variant prices for an optioned product. Most products let every variant inherit (all null); about 30 % price
 * later variants (larger sizes, longer lengths) in steps above the product price, while the first variant
 * still inherits — so the dataset has both inherited and overridden variant prices.
 */
export function variantPrices(rng: Rng, productPrice: MinorUnits, variantCount: number): (MinorUnits | null)[] {
  const prices: (MinorUnits | null)[] = new Array<MinorUnits | null>(variantCount).fill(null);
  if (!rng.chance(0.3)) return prices;
  const stepBp = rng.int(500, 1_500);
  for (let i = 1; i < variantCount; i++) {
    prices[i] = clampList(charmPrice(scaleByRatio(productPrice, 10_000 + stepBp * i, 10_000)));
  }
  return prices;
}

/** Quantity ladders distributors actually use; the first rung is never 1 (that is the list price itself). */
const QUANTITY_LADDERS: readonly (readonly number[])[] = [
  [10, 25, 50],
  [5, 10, 25],
  [12, 24, 48],
  [25, 100, 250],
  [2, 5, 10],
  [6, 12],
  [50, 100],
];

/**
 * Product-level bulk pricing tiers (about 10 % of products carry them). One rule type per product, as the
 * BigCommerce control panel allows; tiers are contiguous, ascending and the last is open-ended (quantityMax null).
 */
export function bulkPricingRules(rng: Rng, price: MinorUnits): DemoBulkPricingRule[] {
  if (!rng.chance(0.1)) return [];
  const ladder = rng.pick(QUANTITY_LADDERS);
  const type = rng.pick(['percent', 'price', 'fixed'] as const);
  // Whole-percent steps (2–5 % per tier) so percent rules read like a price sheet: 3 %, 6 %, 9 %.
  const stepBp = rng.int(2, 5) * 100;
  const rules: DemoBulkPricingRule[] = [];
  let previousAmountOff = 0;
  let previousUnitPrice = price;
  for (let i = 0; i < ladder.length; i++) {
    const quantityMin = ladder[i] ?? 1;
    const next = ladder[i + 1];
    const quantityMax = next === undefined ? null : next - 1;
    const discountBp = stepBp * (i + 1);
    if (type === 'percent') {
      rules.push({ quantityMin, quantityMax, type, percentOff: discountBp / 100 });
    } else if (type === 'price') {
      // Each tier takes strictly more off than the last, and never the whole price.
      const amountOff = Math.min(
        price - 1,
        Math.max(previousAmountOff + 1, price - discountByBasisPoints(price, discountBp)),
      );
      previousAmountOff = amountOff;
      rules.push({ quantityMin, quantityMax, type, amountOff });
    } else {
      const unitPrice = Math.max(1, Math.min(previousUnitPrice - 1, discountByBasisPoints(price, discountBp)));
      previousUnitPrice = unitPrice;
      rules.push({ quantityMin, quantityMax, type, unitPrice });
    }
  }
  return rules;
}

function clampList(amount: MinorUnits): MinorUnits {
  return Math.min(MAX_LIST_PRICE, Math.max(MIN_LIST_PRICE, amount));
}
