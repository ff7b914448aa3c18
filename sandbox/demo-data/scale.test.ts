import { describe, expect, it } from 'vitest';
import { generateDemoData } from './generate';

// The benchmark size. Generation takes a few seconds; the budget is generous for slow CI machines, and the test
// asserts what the benchmark relies on (counts, unique SKUs and paths), not timing.
describe('generating 100,000 products', () => {
  it('produces 100,000 products with unique SKUs and paths and consistent stock', { timeout: 20_000 }, () => {
    const data = generateDemoData({ products: 100_000, seed: 7 });
    expect(data.products).toHaveLength(100_000);
    expect(data.products[0]?.id).toBe(100);
    expect(data.products[99_999]?.id).toBe(100_099);

    const skus = new Set<string>();
    let variantCount = 0;
    let expectedVariantId = 1000;
    for (const p of data.products) {
      for (const v of p.variants) {
        skus.add(v.sku);
        variantCount++;
        if (v.id !== expectedVariantId) expect.fail(`variant id ${v.id} where ${expectedVariantId} was expected`);
        expectedVariantId++;
      }
    }
    expect(skus.size).toBe(variantCount);
    expect(new Set(data.products.map((p) => p.sku)).size).toBe(100_000);
    expect(new Set(data.products.map((p) => p.path)).size).toBe(100_000);
    expect(data.stock).toHaveLength(variantCount * data.locations.length);
    expect(data.contractPrices.every((c) => skus.has(c.sku))).toBe(true);
  });
});
