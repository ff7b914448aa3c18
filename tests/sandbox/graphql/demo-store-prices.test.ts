import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDevImpersonationToken } from '../../../sandbox/bigcommerce/auth/storefront-tokens';
import type { DemoDataset } from '../../../sandbox/demo-data/types';
import { smallDataset, startTestSandbox, type TestSandbox } from '../../support/sandbox';

/** The seeded demo store through GraphQL: contract pricing differs per company, guests see the catalog. */
let sandbox: TestSandbox;
let dataset: DemoDataset;
let token: string;
beforeAll(async () => {
  dataset = await smallDataset();
  sandbox = await startTestSandbox({ dataset });
  token = await issueDevImpersonationToken(sandbox.settings);
});
afterAll(() => sandbox.close());

async function priceOf(sku: string, customerId?: number): Promise<number> {
  const response = await fetch(`${sandbox.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(customerId ? { 'x-bc-customer-id': String(customerId) } : {}) },
    body: JSON.stringify({ query: 'query($sku: String!) { site { product(sku: $sku) { variants(skus: [$sku]) { edges { node { prices { price { value } } } } } } } }', variables: { sku } }),
  });
  const json: unknown = await response.json();
  if (response.status !== 200 || (json as { errors?: unknown }).errors) throw new Error(`GraphQL ${response.status}: ${JSON.stringify(json)}`);
  const body = json as { data: { site: { product: { variants: { edges: { node: { prices: { price: { value: number } } } }[] } } } } };
  const value = body.data.site.product.variants.edges[0]?.node.prices.price.value;
  if (value === undefined) throw new Error(`no price for ${sku}`);
  return value;
}

describe('demo store prices', () => {
  it('two buyers on different price levels see their own contract price for the same SKU; a guest sees the catalog', async () => {
    // Levels that have a buyer whose company has no per-customer overrides, then a USD SKU priced
    // differently on two of them.
    const buyerOn = (levelId: number) => {
      const companies = dataset.companies.filter((c) => c.priceLevelId === levelId && !dataset.customerItemPrices.some((o) => o.companyId === c.id));
      return dataset.buyers.find((b) => companies.some((c) => c.id === b.companyId));
    };
    const usd = dataset.contractPrices.filter((p) => p.currency === 'USD' && buyerOn(p.priceLevelId));
    const pair = usd.flatMap((a) => usd.filter((b) => b.sku === a.sku && b.priceLevelId !== a.priceLevelId && b.breaks[0]?.unitPrice !== a.breaks[0]?.unitPrice).map((b) => [a, b] as const))[0];
    if (!pair) throw new Error('demo data has no SKU priced differently on two levels with buyers');
    const [a, b] = pair;
    const buyerA = buyerOn(a.priceLevelId);
    const buyerB = buyerOn(b.priceLevelId);
    if (!buyerA || !buyerB) throw new Error('no buyers on those levels');

    expect(await priceOf(a.sku, buyerA.id)).toBe((a.breaks[0]?.unitPrice ?? 0) / 100);
    expect(await priceOf(a.sku, buyerB.id)).toBe((b.breaks[0]?.unitPrice ?? 0) / 100);
    const product = dataset.products.find((p) => p.variants.some((v) => v.sku === a.sku));
    const variant = product?.variants.find((v) => v.sku === a.sku);
    const catalog = product?.salePrice ?? variant?.price ?? product?.price;
    expect(await priceOf(a.sku)).toBe((catalog ?? 0) / 100);
  });
});
