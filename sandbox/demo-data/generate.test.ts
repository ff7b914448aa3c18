import { describe, expect, it } from 'vitest';
import {
  CAD_PER_USD,
  DEFAULT_SEED,
  DEMO_BUYER_PASSWORD,
  DEMO_REP_PASSWORD,
  describeDemoLogins,
  generateDemoData,
} from './generate';
import type { DemoContractPrice, DemoDataset, DemoProduct } from './types';

// One default dataset shared by the read-only checks below (generation takes ~0.5 s).
const data = generateDemoData();

const sellableSkus = (d: DemoDataset): string[] => d.products.flatMap((p) => p.variants.map((v) => v.sku));
const share = (part: number, whole: number): number => part / whole;
const catalogPriceBySku = (d: DemoDataset): Map<string, number> =>
  new Map(d.products.flatMap((p) => p.variants.map((v) => [v.sku, v.price ?? p.price] as const)));

function expectSequentialIds(ids: number[], first: number): void {
  expect(ids).toEqual(ids.map((_, i) => first + i));
}

describe('determinism', () => {
  it('the same seed and options produce a deep-equal dataset', () => {
    expect(generateDemoData({ seed: 99, products: 500 })).toEqual(generateDemoData({ seed: 99, products: 500 }));
    expect(generateDemoData()).toEqual(data);
  });

  it('uses seed 20261121 by default', () => {
    expect(data.seed).toBe(20261121);
    expect(DEFAULT_SEED).toBe(20261121);
  });

  it('a different seed produces different products, stock and contract prices', () => {
    const other = generateDemoData({ seed: DEFAULT_SEED + 1 });
    expect(other.products.map((p) => p.sku)).not.toEqual(data.products.map((p) => p.sku));
    expect(other.stock.map((s) => s.onHand)).not.toEqual(data.stock.map((s) => s.onHand));
    expect(other.companies.map((c) => c.balance)).not.toEqual(data.companies.map((c) => c.balance));
  });

  it('changing the product count leaves companies and demo logins untouched', () => {
    const small = generateDemoData({ products: 200 });
    expect(small.companies).toEqual(data.companies);
    expect(describeDemoLogins(small)).toEqual(describeDemoLogins(data));
  });

  it('rejects product counts and seeds it cannot honour', () => {
    expect(() => generateDemoData({ products: 0 })).toThrow(RangeError);
    expect(() => generateDemoData({ products: 100_001 })).toThrow(RangeError);
    expect(() => generateDemoData({ products: 10.5 })).toThrow(RangeError);
    expect(() => generateDemoData({ seed: -1 })).toThrow(RangeError);
  });
});

describe('store, brands and categories', () => {
  it('describes the sandbox store', () => {
    expect(data.store).toEqual({
      hash: 'sandbox1',
      name: 'Northwind Industrial Supply (sandbox)',
      defaultCurrency: 'USD',
      channelId: 1,
    });
  });

  it('has about 25 brands with sequential ids and unique names and slugs', () => {
    expect(data.brands.length).toBeGreaterThanOrEqual(20);
    expect(data.brands.length).toBeLessThanOrEqual(30);
    expectSequentialIds(
      data.brands.map((b) => b.id),
      1,
    );
    expect(new Set(data.brands.map((b) => b.name)).size).toBe(data.brands.length);
    expect(new Set(data.brands.map((b) => b.slug)).size).toBe(data.brands.length);
  });

  it('is a tree of ~10 roots with 3–6 children each, some three levels deep', () => {
    expectSequentialIds(
      data.categories.map((c) => c.id),
      1,
    );
    const ids = new Set(data.categories.map((c) => c.id));
    const roots = data.categories.filter((c) => c.parentId === null);
    expect(roots.length).toBeGreaterThanOrEqual(8);
    expect(roots.length).toBeLessThanOrEqual(12);
    for (const root of roots) {
      const children = data.categories.filter((c) => c.parentId === root.id);
      expect(children.length, root.name).toBeGreaterThanOrEqual(3);
      expect(children.length, root.name).toBeLessThanOrEqual(6);
    }
    for (const c of data.categories) if (c.parentId !== null) expect(ids.has(c.parentId)).toBe(true);
    const depth = (id: number): number => {
      const parentId = data.categories.find((c) => c.id === id)?.parentId ?? null;
      return parentId === null ? 1 : 1 + depth(parentId);
    };
    expect(data.categories.some((c) => depth(c.id) === 3)).toBe(true);
    expect(data.categories.every((c) => /^[a-z0-9-]+$/.test(c.slug))).toBe(true);
  });

  it('puts every product in one or two leaf categories', () => {
    const parents = new Set(data.categories.map((c) => c.parentId));
    const ids = new Set(data.categories.map((c) => c.id));
    for (const p of data.products) {
      expect(p.categoryIds.length).toBeGreaterThanOrEqual(1);
      expect(p.categoryIds.length).toBeLessThanOrEqual(2);
      for (const id of p.categoryIds) {
        expect(ids.has(id)).toBe(true);
        expect(parents.has(id), `category ${id} of product ${p.id} is not a leaf`).toBe(false);
      }
    }
    expect(data.products.some((p) => p.categoryIds.length === 2)).toBe(true);
  });
});

describe('products and variants', () => {
  it('has 2,400 products by default with ids from 100 and variant ids from 1000, both sequential', () => {
    expect(data.products).toHaveLength(2_400);
    expectSequentialIds(
      data.products.map((p) => p.id),
      100,
    );
    expectSequentialIds(
      data.products.flatMap((p) => p.variants.map((v) => v.id)),
      1000,
    );
  });

  it('has unique, upper-case SKUs across products and variants', () => {
    const skus = sellableSkus(data);
    expect(new Set(skus).size).toBe(skus.length);
    expect(new Set(data.products.map((p) => p.sku)).size).toBe(data.products.length);
    const variantSkus = new Set(skus);
    for (const p of data.products) {
      expect(p.sku).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)+$/);
      // An optioned product's parent SKU is not itself sellable, so it must not collide with a variant SKU.
      if (p.options.length > 0) expect(variantSkus.has(p.sku)).toBe(false);
    }
  });

  it('has unique lower-case "/slug/" paths', () => {
    const paths = data.products.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path).toMatch(/^\/[a-z0-9]+(-[a-z0-9]+)*\/$/);
  });

  it('names products like a distributor does', () => {
    const screw = data.products.find((p) => p.name.startsWith('Hex Cap Screw, '));
    expect(screw?.name).toMatch(/^Hex Cap Screw, Grade \d, [\d/-]+ x [\d/ -]+ in, [A-Za-z -]+, Box of 50$/);
    expect(screw?.sku).toMatch(/^FAS-HCS-/);
  });

  it('gives each product 1–3 images with exactly one thumbnail, 2–6 specs and a short HTML description', () => {
    for (const p of data.products) {
      expect(p.images.length).toBeGreaterThanOrEqual(1);
      expect(p.images.length).toBeLessThanOrEqual(3);
      expect(p.images.filter((i) => i.isThumbnail)).toHaveLength(1);
      p.images.forEach((image, n) => expect(image.url).toBe(`/images/products/${p.id}-${n + 1}.svg`));
      expect(p.specs.length).toBeGreaterThanOrEqual(2);
      expect(p.specs.length).toBeLessThanOrEqual(6);
      expect(p.description).toMatch(/^<p>.+<\/p>/);
      expect(p.weightGrams).toBeGreaterThan(0);
      expect(p.unitOfMeasure).not.toBe('');
      expect(data.brands.some((b) => b.id === p.brandId)).toBe(true);
    }
  });

  it('sells about 15% of products with 2–6 option variants whose SKUs extend the parent SKU', () => {
    const optioned = data.products.filter((p) => p.options.length > 0);
    expect(share(optioned.length, data.products.length)).toBeGreaterThan(0.1);
    expect(share(optioned.length, data.products.length)).toBeLessThan(0.2);
    for (const p of optioned) {
      expect(p.inventoryTracking).toBe('variant');
      expect(p.variants.length).toBeGreaterThanOrEqual(2);
      expect(p.variants.length).toBeLessThanOrEqual(6);
      expect(p.variants.length).toBe(p.options.reduce((n, o) => n * o.values.length, 1));
      for (const v of p.variants) {
        expect(v.sku.startsWith(`${p.sku}-`)).toBe(true);
        expect(v.optionValues.map((o) => o.optionName)).toEqual(p.options.map((o) => o.name));
        v.optionValues.forEach((ov, i) => expect(p.options[i]?.values).toContain(ov.label));
      }
    }
    expect(optioned.some((p) => p.options.length === 2)).toBe(true);
  });

  it('gives products without options exactly one base variant carrying the product SKU', () => {
    for (const p of data.products.filter((x) => x.options.length === 0)) {
      expect(p.inventoryTracking).toBe('product');
      expect(p.variants).toHaveLength(1);
      expect(p.variants[0]?.sku).toBe(p.sku);
      expect(p.variants[0]?.optionValues).toEqual([]);
      expect(p.variants[0]?.price).toBeNull();
    }
  });

  it('lets most variants inherit the product price while some carry their own', () => {
    const variants = data.products.filter((p) => p.options.length > 0).flatMap((p) => p.variants);
    const priced = variants.filter((v) => v.price !== null).length;
    expect(priced).toBeGreaterThan(0);
    expect(share(priced, variants.length)).toBeLessThan(0.5);
  });

  it('gives every variant a valid, unique 12-digit UPC', () => {
    const upcs = data.products.flatMap((p) => p.variants.map((v) => v.upc));
    expect(new Set(upcs).size).toBe(upcs.length);
    for (const upc of upcs) {
      expect(upc).toMatch(/^\d{12}$/);
      const digits = [...upc].map(Number);
      const sum = digits.slice(0, 11).reduce((n, d, i) => n + d * (i % 2 === 0 ? 3 : 1), 0);
      expect((10 - (sum % 10)) % 10).toBe(digits[11]);
    }
  });
});

describe('catalog prices', () => {
  it('keeps every money amount a non-negative safe integer', () => {
    const amounts: number[] = [];
    for (const p of data.products) {
      amounts.push(p.price, p.cost, p.salePrice ?? 0, p.retailPrice ?? 0);
      for (const v of p.variants) amounts.push(v.price ?? 0);
      for (const r of p.bulkPricingRules) {
        if (r.type === 'price') amounts.push(r.amountOff);
        if (r.type === 'fixed') amounts.push(r.unitPrice);
      }
    }
    for (const c of data.contractPrices) for (const b of c.breaks) amounts.push(b.unitPrice);
    for (const c of data.customerItemPrices) amounts.push(c.unitPrice);
    for (const c of data.companies) amounts.push(c.creditLimit, c.balance, c.unbilledOrders, c.overdueBalance);
    expect(amounts.length).toBeGreaterThan(10_000);
    const bad = amounts.filter((a) => !Number.isSafeInteger(a) || a < 0);
    expect(bad).toEqual([]);
  });

  it('prices products between $0.89 and $2,400.00 with cost below price', () => {
    for (const p of data.products) {
      expect(p.price).toBeGreaterThanOrEqual(89);
      expect(p.price).toBeLessThanOrEqual(240_000);
      expect(p.cost).toBeGreaterThan(0);
      expect(p.cost).toBeLessThan(p.price);
      if (p.salePrice !== null) {
        expect(p.salePrice).toBeLessThan(p.price);
        expect(p.salePrice).toBeGreaterThan(p.cost);
      }
      if (p.retailPrice !== null) expect(p.retailPrice).toBeGreaterThanOrEqual(p.price);
    }
    const onSale = data.products.filter((p) => p.salePrice !== null).length;
    expect(share(onSale, data.products.length)).toBeGreaterThan(0.02);
    expect(share(onSale, data.products.length)).toBeLessThan(0.09);
    expect(data.products.some((p) => p.retailPrice !== null)).toBe(true);
    const prices = data.products.map((p) => p.price);
    expect(Math.min(...prices)).toBeLessThan(500);
    expect(Math.max(...prices)).toBeGreaterThan(100_000);
  });

  it('gives about 10% of products contiguous, ascending, open-ended bulk pricing tiers of every type', () => {
    const withRules = data.products.filter((p) => p.bulkPricingRules.length > 0);
    expect(share(withRules.length, data.products.length)).toBeGreaterThan(0.06);
    expect(share(withRules.length, data.products.length)).toBeLessThan(0.14);
    expect(new Set(withRules.flatMap((p) => p.bulkPricingRules.map((r) => r.type)))).toEqual(
      new Set(['percent', 'price', 'fixed']),
    );
    for (const p of withRules) {
      const rules = p.bulkPricingRules;
      expect(rules[0]?.quantityMin).toBeGreaterThanOrEqual(2);
      expect(rules[rules.length - 1]?.quantityMax).toBeNull();
      rules.forEach((rule, i) => {
        const next = rules[i + 1];
        if (next !== undefined) expect(rule.quantityMax).toBe(next.quantityMin - 1);
        if (rule.quantityMax !== null) expect(rule.quantityMax).toBeGreaterThanOrEqual(rule.quantityMin);
        const previous = rules[i - 1];
        if (rule.type === 'percent') {
          expect(rule.percentOff).toBeGreaterThan(0);
          expect(rule.percentOff).toBeLessThan(100);
          if (previous?.type === 'percent') expect(rule.percentOff).toBeGreaterThan(previous.percentOff);
        } else if (rule.type === 'price') {
          expect(rule.amountOff).toBeGreaterThan(0);
          expect(rule.amountOff).toBeLessThan(p.price);
          if (previous?.type === 'price') expect(rule.amountOff).toBeGreaterThan(previous.amountOff);
        } else {
          expect(rule.unitPrice).toBeGreaterThan(0);
          expect(rule.unitPrice).toBeLessThan(p.price);
          if (previous?.type === 'fixed') expect(rule.unitPrice).toBeLessThan(previous.unitPrice);
        }
      });
    }
  });
});

describe('locations and stock', () => {
  it('has at least 3 locations with unique codes', () => {
    expect(data.locations.length).toBeGreaterThanOrEqual(3);
    expectSequentialIds(
      data.locations.map((l) => l.id),
      1,
    );
    expect(new Set(data.locations.map((l) => l.code)).size).toBe(data.locations.length);
    expect(data.locations.map((l) => l.code)).toContain('CHI-DC');
  });

  it('has exactly one stock row per sellable SKU per location', () => {
    const keys = data.stock.map((s) => `${s.sku}@${s.locationId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(sellableSkus(data).length * data.locations.length);
    const skus = new Set(sellableSkus(data));
    const locationIds = new Set(data.locations.map((l) => l.id));
    for (const s of data.stock) {
      expect(skus.has(s.sku)).toBe(true);
      expect(locationIds.has(s.locationId)).toBe(true);
    }
  });

  it('computes available as max(0, onHand − committed) from non-negative integers', () => {
    for (const s of data.stock) {
      for (const n of [s.onHand, s.committed, s.backordered, s.available])
        expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
      expect(s.available).toBe(Math.max(0, s.onHand - s.committed));
    }
  });

  it('has SKUs out of stock everywhere (~5%), SKUs stocked at one location only, and backorders', () => {
    const availableAt = new Map<string, number[]>();
    for (const s of data.stock) availableAt.set(s.sku, [...(availableAt.get(s.sku) ?? []), s.available]);
    const rows = [...availableAt.values()];
    const outEverywhere = rows.filter((r) => r.every((a) => a === 0)).length;
    expect(share(outEverywhere, rows.length)).toBeGreaterThan(0.03);
    expect(share(outEverywhere, rows.length)).toBeLessThan(0.08);
    expect(rows.filter((r) => r.filter((a) => a > 0).length === 1).length).toBeGreaterThan(rows.length * 0.03);
    expect(data.stock.some((s) => s.backordered > 0)).toBe(true);
    expect(data.stock.some((s) => s.committed > s.onHand)).toBe(true);
  });
});

describe('price levels and contract prices', () => {
  const levelIds = data.priceLevels.map((l) => l.id);
  const catalogPrice = catalogPriceBySku(data);
  const usdRows = data.contractPrices.filter((c) => c.currency === 'USD');

  it('has 5–7 price levels, exactly one of which also carries CAD', () => {
    expect(data.priceLevels.length).toBeGreaterThanOrEqual(5);
    expect(data.priceLevels.length).toBeLessThanOrEqual(7);
    expectSequentialIds(levelIds, 1);
    expect(data.priceLevels.filter((l) => l.currencies.includes('CAD'))).toHaveLength(1);
    for (const l of data.priceLevels) expect(l.currencies[0]).toBe('USD');
  });

  it("prices only existing SKUs, once per level and currency, in that level's currencies", () => {
    const skus = new Set(sellableSkus(data));
    const keys = new Set<string>();
    for (const c of data.contractPrices) {
      expect(skus.has(c.sku), c.sku).toBe(true);
      const level = data.priceLevels.find((l) => l.id === c.priceLevelId);
      expect(level?.currencies).toContain(c.currency);
      keys.add(`${c.priceLevelId}|${c.sku}|${c.currency}`);
    }
    expect(keys.size).toBe(data.contractPrices.length);
  });

  it('covers 60–90% of sellable SKUs per level', () => {
    const total = sellableSkus(data).length;
    for (const id of levelIds) {
      const covered = usdRows.filter((c) => c.priceLevelId === id).length;
      expect(share(covered, total), `level ${id}`).toBeGreaterThanOrEqual(0.6);
      expect(share(covered, total), `level ${id}`).toBeLessThanOrEqual(0.9);
    }
  });

  it('starts at quantity 1 with 5–35% off the catalog price (the variant price when set)', () => {
    for (const c of usdRows) {
      const base = c.breaks[0];
      const list = catalogPrice.get(c.sku) ?? Number.NaN;
      expect(base?.minQuantity).toBe(1);
      expect(base?.unitPrice).toBeGreaterThanOrEqual(Math.floor(list * 0.65));
      expect(base?.unitPrice).toBeLessThanOrEqual(Math.ceil(list * 0.95));
    }
  });

  it('has ascending quantity breaks with strictly falling unit prices on about a third of rows', () => {
    const assertBreaks = (c: DemoContractPrice): void => {
      c.breaks.forEach((b, i) => {
        const previous = c.breaks[i - 1];
        if (previous === undefined) return;
        expect(b.minQuantity).toBeGreaterThan(previous.minQuantity);
        expect(b.unitPrice).toBeLessThan(previous.unitPrice);
        expect(b.unitPrice).toBeGreaterThan(0);
      });
      expect(c.breaks.length).toBeLessThanOrEqual(4);
    };
    data.contractPrices.forEach(assertBreaks);
    const withBreaks = usdRows.filter((c) => c.breaks.length > 1).length;
    expect(share(withBreaks, usdRows.length)).toBeGreaterThan(0.25);
    expect(share(withBreaks, usdRows.length)).toBeLessThan(0.42);
  });

  it('gives two levels different prices for every SKU they share', () => {
    const byLevel = new Map<number, Map<string, number>>();
    for (const c of usdRows) {
      const m = byLevel.get(c.priceLevelId) ?? new Map<string, number>();
      m.set(c.sku, c.breaks[0]?.unitPrice ?? -1);
      byLevel.set(c.priceLevelId, m);
    }
    let compared = 0;
    for (const a of levelIds) {
      for (const b of levelIds) {
        if (a >= b) continue;
        for (const [sku, price] of byLevel.get(a) ?? []) {
          const other = byLevel.get(b)?.get(sku);
          if (other === undefined) continue;
          compared++;
          if (other === price) expect.fail(`levels ${a} and ${b} both price ${sku} at ${price}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(1_000);
  });

  it('prices the CAD level in CAD at ×1.36 of its USD prices, for every SKU it carries', () => {
    const cadLevel = data.priceLevels.find((l) => l.currencies.includes('CAD'));
    const usd = new Map(usdRows.filter((c) => c.priceLevelId === cadLevel?.id).map((c) => [c.sku, c]));
    const cad = data.contractPrices.filter((c) => c.currency === 'CAD');
    expect(cad.length).toBe(usd.size);
    for (const c of cad) {
      const u = usd.get(c.sku);
      expect(u, c.sku).toBeDefined();
      expect(c.breaks.map((b) => b.minQuantity)).toEqual(u?.breaks.map((b) => b.minQuantity));
      c.breaks.forEach((b, i) => {
        const usdPrice = u?.breaks[i]?.unitPrice ?? Number.NaN;
        expect(b.unitPrice).toBe(Math.round((usdPrice * CAD_PER_USD.numerator) / CAD_PER_USD.denominator));
      });
    }
  });
});

describe('companies and customer prices', () => {
  const exposure = (c: { balance: number; unbilledOrders: number }): number => c.balance + c.unbilledOrders;

  it('has at least 6 companies on valid price levels with unique ERP numbers and plausible terms', () => {
    expect(data.companies.length).toBeGreaterThanOrEqual(6);
    expectSequentialIds(
      data.companies.map((c) => c.id),
      1,
    );
    expect(new Set(data.companies.map((c) => c.erpCustomerNumber)).size).toBe(data.companies.length);
    for (const c of data.companies) {
      expect(c.erpCustomerNumber).toMatch(/^C\d{5}$/);
      expect(data.priceLevels.some((l) => l.id === c.priceLevelId)).toBe(true);
      expect([30, 45, 60]).toContain(c.termsDays);
      expect(c.creditLimit).toBeGreaterThanOrEqual(1_000_000);
      expect(c.overdueBalance).toBeLessThanOrEqual(c.balance);
      expect(c.address.street1).not.toBe('');
    }
  });

  it('shares a price level between two companies, so pricing-context caching can be tested', () => {
    const levels = data.companies.map((c) => c.priceLevelId);
    expect(new Set(levels).size).toBeLessThan(levels.length);
  });

  it('bills in USD except one Canadian company on the CAD-capable level', () => {
    const cad = data.companies.filter((c) => c.currency === 'CAD');
    expect(cad).toHaveLength(1);
    expect(data.priceLevels.find((l) => l.id === cad[0]?.priceLevelId)?.currencies).toContain('CAD');
    expect(cad[0]?.address.countryCode).toBe('CA');
    expect(data.companies.filter((c) => c.currency === 'USD')).toHaveLength(data.companies.length - 1);
  });

  it('has exactly one company within 3% of its credit limit (and still under it)', () => {
    const near = data.companies.filter((c) => exposure(c) < c.creditLimit && exposure(c) >= c.creditLimit * 0.97);
    expect(near).toHaveLength(1);
    expect(data.companies.filter((c) => exposure(c) >= c.creditLimit)).toEqual([]);
  });

  it('has exactly one company on credit hold; the rest AUTO except at most one OFF', () => {
    expect(data.companies.filter((c) => c.creditHoldOverride === 'ON')).toHaveLength(1);
    expect(data.companies.filter((c) => c.creditHoldOverride === 'OFF').length).toBeLessThanOrEqual(1);
    expect(data.companies.filter((c) => c.creditHoldOverride === 'AUTO').length).toBeGreaterThanOrEqual(
      data.companies.length - 2,
    );
  });

  it('gives one or two companies 5–20 customer prices below their level price, in their currency', () => {
    const byCompany = new Map<number, number>();
    for (const item of data.customerItemPrices) byCompany.set(item.companyId, (byCompany.get(item.companyId) ?? 0) + 1);
    expect(byCompany.size).toBeGreaterThanOrEqual(1);
    expect(byCompany.size).toBeLessThanOrEqual(2);
    for (const count of byCompany.values()) {
      expect(count).toBeGreaterThanOrEqual(5);
      expect(count).toBeLessThanOrEqual(20);
    }
    const levelPrice = new Map(
      data.contractPrices.map((c) => [`${c.priceLevelId}|${c.sku}|${c.currency}`, c.breaks[0]?.unitPrice]),
    );
    const keys = new Set<string>();
    for (const item of data.customerItemPrices) {
      const company = data.companies.find((c) => c.id === item.companyId);
      expect(item.currency).toBe(company?.currency);
      const base = levelPrice.get(`${company?.priceLevelId}|${item.sku}|${item.currency}`);
      expect(base, item.sku).toBeDefined();
      expect(item.unitPrice).toBeLessThan(base ?? 0);
      expect(item.unitPrice).toBeGreaterThan(0);
      keys.add(`${item.companyId}|${item.sku}`);
    }
    expect(keys.size).toBe(data.customerItemPrices.length);
  });
});

describe('buyers, sales reps and demo logins', () => {
  const domainOf = (email: string): string => email.slice(email.indexOf('@') + 1);

  it('has at least 20 buyers with unique lower-case emails at their company domain and the demo password', () => {
    expect(data.buyers.length).toBeGreaterThanOrEqual(20);
    expectSequentialIds(
      data.buyers.map((b) => b.id),
      1,
    );
    const emails = [...data.buyers, ...data.salesReps].map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const b of data.buyers) {
      expect(b.email).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.example$/);
      expect(b.password).toBe(DEMO_BUYER_PASSWORD);
    }
    for (const company of data.companies) {
      const buyers = data.buyers.filter((b) => b.companyId === company.id);
      expect(buyers.length, company.name).toBeGreaterThanOrEqual(2);
      expect(new Set(buyers.map((b) => domainOf(b.email))).size).toBe(1);
      expect(buyers[0]?.role).toBe('admin');
      expect(buyers.filter((b) => b.role === 'admin')).toHaveLength(1);
    }
    const domains = data.companies.map((c) => domainOf(data.buyers.find((b) => b.companyId === c.id)?.email ?? ''));
    expect(new Set(domains).size).toBe(data.companies.length);
  });

  it('has exactly two sales reps whose ids continue after the buyers', () => {
    expect(data.salesReps).toHaveLength(2);
    expectSequentialIds(
      data.salesReps.map((r) => r.id),
      data.buyers.length + 1,
    );
    for (const r of data.salesReps) {
      expect(r.email).toMatch(/^[a-z0-9.]+@northwind-industrial\.example$/);
      expect(r.password).toBe(DEMO_REP_PASSWORD);
    }
  });

  it('assigns each rep a strict subset of companies, together covering most but not all, none shared', () => {
    const all = data.companies.map((c) => c.id);
    const assigned = data.salesReps.flatMap((r) => r.companyIds);
    for (const r of data.salesReps) {
      expect(r.companyIds.length).toBeGreaterThan(0);
      expect(r.companyIds.length).toBeLessThan(all.length);
      for (const id of r.companyIds) expect(all).toContain(id);
    }
    expect(new Set(assigned).size).toBe(assigned.length);
    expect(assigned.length).toBeLessThan(all.length);
    expect(assigned.length).toBeGreaterThan(all.length / 2);
  });

  it('points each company at the rep that lists it, and house accounts at no rep', () => {
    for (const c of data.companies) {
      const reps = data.salesReps.filter((r) => r.companyIds.includes(c.id));
      expect(c.salesRepId).toBe(reps[0]?.id ?? null);
    }
  });

  it('lists every login with its password, role and companies', () => {
    const logins = describeDemoLogins(data);
    expect(logins).toHaveLength(data.buyers.length + data.salesReps.length);
    const acmeAdmin = logins.find(
      (l) => l.role === 'buyer' && l.isCompanyAdmin && l.companies[0] === data.companies[0]?.name,
    );
    expect(acmeAdmin?.email).toBe(data.buyers[0]?.email);
    expect(acmeAdmin?.password).toBe('Buyer-Demo-2026!');
    const reps = logins.filter((l) => l.role === 'rep');
    expect(reps).toHaveLength(2);
    for (const rep of reps) {
      expect(rep.password).toBe('Rep-Demo-2026!');
      const source = data.salesReps.find((r) => r.email === rep.email);
      expect(rep.companies).toEqual(source?.companyIds.map((id) => data.companies.find((c) => c.id === id)?.name));
    }
  });
});

describe('small catalogs', () => {
  it('still produces a consistent dataset for a handful of products', () => {
    const tiny: DemoDataset = generateDemoData({ seed: 3, products: 5 });
    expect(tiny.products).toHaveLength(5);
    const skus = new Set(tiny.products.flatMap((p: DemoProduct) => p.variants.map((v) => v.sku)));
    expect(tiny.stock).toHaveLength(skus.size * tiny.locations.length);
    for (const c of tiny.contractPrices) expect(skus.has(c.sku)).toBe(true);
    for (const c of tiny.customerItemPrices) expect(skus.has(c.sku)).toBe(true);
  });
});

describe('sale prices and variant prices', () => {
  it('never puts a product-level sale on a product whose variants carry their own prices', () => {
    for (const p of data.products) {
      if (p.variants.some((v) => v.price !== null)) expect(p.salePrice, p.sku).toBeNull();
    }
  });
});

describe('demo people', () => {
  it('gives every buyer and rep a different first name, so demo scripts can name them', () => {
    const firstNames = [...data.buyers, ...data.salesReps].map((p) => p.firstName);
    expect(new Set(firstNames).size).toBe(firstNames.length);
  });
});
