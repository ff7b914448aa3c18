/**
 * ERP contract pricing: price levels, their per-SKU contract prices with quantity breaks, and customer-specific
 * item prices. This is the data the storefront's pricing must reproduce exactly, so the rules are strict:
 * integer cents, breaks ascending with strictly falling unit prices, and each level's discount band kept at least
 * two percentage points away from every other band so that two levels never price a SKU the same.
 */
import { discountByBasisPoints, scaleByRatio } from './money';
import type { Rng } from './random';
import type {
  CurrencyCode,
  DemoCompany,
  DemoContractPrice,
  DemoCustomerItemPrice,
  DemoPriceLevel,
  DemoProduct,
  DemoQuantityBreak,
  MinorUnits,
} from './types';

/** USD → CAD as an integer ratio (1 USD = 1.36 CAD), applied to cents and rounded once. */
export const CAD_PER_USD = { numerator: 136, denominator: 100 } as const;

interface PriceLevelSpec extends DemoPriceLevel {
  /** Base contract discount off the catalog price, in basis points, inclusive. */
  discountBandBp: readonly [number, number];
  /** Share of sellable SKUs the level carries a contract price for. */
  coverage: number;
}

/*
 * Bands: E 5–8 %, F 10–13 %, B 15–18 %, A 20–23 %, C 25–28 %, D 30–35 %. A gap of ≥ 2 points between bands on a
 * catalog price of at least $0.89 separates two levels by ≥ 1.78 cents before rounding, so rounded prices differ.
 */
const PRICE_LEVEL_SPECS: readonly PriceLevelSpec[] = [
  { id: 1, name: 'Contract A – OEM', currencies: ['USD'], discountBandBp: [2_000, 2_300], coverage: 0.84 },
  { id: 2, name: 'Contract B – MRO Preferred', currencies: ['USD'], discountBandBp: [1_500, 1_800], coverage: 0.78 },
  { id: 3, name: 'Contract C – Government', currencies: ['USD'], discountBandBp: [2_500, 2_800], coverage: 0.68 },
  { id: 4, name: 'Contract D – Distributor', currencies: ['USD'], discountBandBp: [3_000, 3_500], coverage: 0.86 },
  { id: 5, name: 'Contract E – Contractor Standard', currencies: ['USD'], discountBandBp: [500, 800], coverage: 0.65 },
  { id: 6, name: 'Contract F – Canada', currencies: ['USD', 'CAD'], discountBandBp: [1_000, 1_300], coverage: 0.72 },
];

/** Quantity-break ladders; the storefront shows these as "10+ / 50+ / 250+". */
const BREAK_LADDERS: readonly (readonly number[])[] = [
  [10, 50, 250],
  [12, 48, 144],
  [5, 25, 100],
  [10, 25, 100],
  [6, 24, 96],
];

export function buildPriceLevels(): DemoPriceLevel[] {
  return PRICE_LEVEL_SPECS.map(({ id, name, currencies }) => ({ id, name, currencies: [...currencies] }));
}

/** The catalog price a contract discounts from: the variant's own price if it has one, else the product's. */
export function catalogPriceOf(product: DemoProduct, variantPrice: MinorUnits | null): MinorUnits {
  return variantPrice ?? product.price;
}

export function buildContractPrices(rng: Rng, products: readonly DemoProduct[]): DemoContractPrice[] {
  const rows: DemoContractPrice[] = [];
  // Level-major order keeps each level's rows together, the way an ERP exports a price level.
  for (const level of PRICE_LEVEL_SPECS) {
    for (const product of products) {
      for (const variant of product.variants) {
        if (!rng.chance(level.coverage)) continue;
        const catalogPrice = catalogPriceOf(product, variant.price);
        const base = discountByBasisPoints(catalogPrice, rng.int(level.discountBandBp[0], level.discountBandBp[1]));
        const breaks: DemoQuantityBreak[] = [{ minQuantity: 1, unitPrice: base }];
        if (rng.chance(1 / 3)) {
          const ladder = rng.pick(BREAK_LADDERS);
          const count = rng.int(1, ladder.length);
          let previous = base;
          for (const minQuantity of ladder.slice(0, count)) {
            // Each break takes another 2–6 % off the previous one, and always at least a cent.
            const unitPrice = Math.min(previous - 1, discountByBasisPoints(previous, rng.int(200, 600)));
            if (unitPrice < 1) break;
            breaks.push({ minQuantity, unitPrice });
            previous = unitPrice;
          }
        }
        for (const currency of level.currencies) {
          rows.push({ priceLevelId: level.id, sku: variant.sku, currency, breaks: inCurrency(breaks, currency) });
        }
      }
    }
  }
  return rows;
}

/** Convert USD breaks to the level's currency. ×1.36 keeps strictly falling prices strictly falling. */
function inCurrency(breaks: readonly DemoQuantityBreak[], currency: CurrencyCode): DemoQuantityBreak[] {
  if (currency === 'USD') return breaks.map((b) => ({ ...b }));
  return breaks.map((b) => ({
    minQuantity: b.minQuantity,
    unitPrice: scaleByRatio(b.unitPrice, CAD_PER_USD.numerator, CAD_PER_USD.denominator),
  }));
}

/**
 * Customer-specific item prices: a few SKUs a company negotiated below its level's base price. Chosen only among
 * SKUs the company's level already prices in the company's currency, so the override is always a real discount.
 */
export function buildCustomerItemPrices(
  rng: Rng,
  contractPrices: readonly DemoContractPrice[],
  requests: readonly { company: DemoCompany; count: number }[],
): DemoCustomerItemPrice[] {
  const out: DemoCustomerItemPrice[] = [];
  for (const { company, count } of requests) {
    const candidates = contractPrices.filter(
      (row) =>
        row.priceLevelId === company.priceLevelId &&
        row.currency === company.currency &&
        (row.breaks[0]?.unitPrice ?? 0) >= 2,
    );
    const chosen = rng.sample(candidates, count).sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    for (const row of chosen) {
      const base = row.breaks[0]?.unitPrice ?? 0;
      const unitPrice = Math.max(1, Math.min(base - 1, discountByBasisPoints(base, rng.int(300, 1_200))));
      out.push({ companyId: company.id, sku: row.sku, currency: company.currency, unitPrice });
    }
  }
  return out;
}
