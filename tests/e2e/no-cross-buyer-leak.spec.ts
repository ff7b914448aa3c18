import { expect, test, type APIRequestContext } from '@playwright/test';
import { generateDemoData } from '../../sandbox/demo-data/generate';
import { signIn } from './support/sign-in';
import { priceListOfBuyer, priceRecord, priceRecords, productPath, usd, type PriceRecord } from './support/store-api';

/**
 * Buyers of different customer groups hammer the same products at the same time, interleaved in a seeded random
 * order, through both the product page HTML and the variant-offer API. Every answer must carry the asking buyer's
 * own price. This is the test that must keep passing once caching arrives: a cache key that forgets who asks
 * fails it.
 */
const dataset = generateDemoData();
const BUYERS = dataset.companies.slice(0, 4).map((company) => {
  const buyer = dataset.buyers.find((b) => b.companyId === company.id);
  if (!buyer) throw new Error(`no buyer at ${company.name}`);
  return buyer.email;
});
const VARIANTS = 8;
const ROUNDS = 3;
const CONCURRENCY = 8;

function seededShuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

test('interleaved requests from buyers of different customer groups never receive each other’s prices', async ({ browser }) => {
  test.setTimeout(180_000);
  const lists = await Promise.all(BUYERS.map(priceListOfBuyer));
  expect(new Set(lists).size).toBe(BUYERS.length);

  // Variants every buyer has a contract record for, priced differently between at least two of them.
  const candidates: { productId: number; variantId: number; expected: string[] }[] = [];
  for (const base of await priceRecords(lists[0] as number)) {
    if (candidates.length === VARIANTS) break;
    const records = await Promise.all(lists.map((list) => priceRecord(list, base.variant_id)));
    if (records.some((r) => r === null)) continue;
    const expected = (records as PriceRecord[]).map((r) => usd(r.calculated_price));
    if (new Set(expected).size > 1) candidates.push({ productId: base.product_id, variantId: base.variant_id, expected });
  }
  expect(candidates).toHaveLength(VARIANTS);
  const paths = new Map(await Promise.all(candidates.map(async (c) => [c.productId, await productPath(c.productId)] as const)));

  const sessions: APIRequestContext[] = [];
  for (const email of BUYERS) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, email);
    sessions.push(page.request);
  }

  const jobs = seededShuffle(
    Array.from({ length: ROUNDS }, () => BUYERS.flatMap((_, buyer) => candidates.flatMap((c) => [{ buyer, c, via: 'api' as const }, { buyer, c, via: 'html' as const }]))).flat(),
    20261121,
  );
  const leaks: string[] = [];
  let checked = 0;
  for (let start = 0; start < jobs.length; start += CONCURRENCY) {
    await Promise.all(
      jobs.slice(start, start + CONCURRENCY).map(async ({ buyer, c, via }) => {
        const session = sessions[buyer] as APIRequestContext;
        const want = c.expected[buyer];
        let got: string | undefined;
        if (via === 'api') {
          const body = (await (await session.get(`/api/products/${c.productId}/variants/${c.variantId}/offer`)).json()) as { price: { unitPrice: string } | null };
          got = body.price?.unitPrice;
        } else {
          const html = await (await session.get(`${paths.get(c.productId)}?variant=${c.variantId}`)).text();
          got = /data-testid="product-price"[^>]*>([^<]+)</.exec(html)?.[1];
        }
        checked++;
        if (got !== want) leaks.push(`${BUYERS[buyer]} via ${via} on variant ${c.variantId}: got ${got}, expected ${want}`);
      }),
    );
  }
  expect(checked).toBe(jobs.length);
  expect(leaks).toEqual([]);
});
