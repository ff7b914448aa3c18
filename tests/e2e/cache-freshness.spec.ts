import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Redis } from 'ioredis';
import { generateDemoData } from '../../sandbox/demo-data/generate';
import { loadSyncConfig, syncContextFromConfig } from '../../sync/config';
import { FlowBusyError } from '../../sync/flows/flow-lock';
import { runFlows } from '../../sync/run-flows';
import { E2E_ENV_FILE, E2E_ERP_PORT } from './support/ports';
import { signIn } from './support/sign-in';
import { customerIdOf, priceListOfBuyer, priceRecord, productPath, usd } from './support/store-api';

/**
 * Caching on, end to end: a buyer has a product page open and cached (the whole page kept for their session, the
 * price cached for their pricing context). The price changes in the ERP and the price sync runs, as it would on
 * its schedule. The buyer's next view shows the new price within the freshness target; a buyer of another price
 * list keeps seeing theirs. The price is put back at the end, so later specs see the seeded store.
 */
const FRESHNESS_TARGET_MS = 2_000;
const dataset = generateDemoData();
const env = () => JSON.parse(readFileSync(E2E_ENV_FILE, 'utf8')) as Record<string, string>;

/** A buyer priced by their level's list (no contract of their own), another company's buyer, and a SKU of that level. */
function subjects() {
  const owned = new Set(dataset.customerItemPrices.map((p) => p.companyId));
  const company = dataset.companies.find((c) => !owned.has(c.id))!;
  const other = dataset.companies.find((c) => c.priceLevelId !== company.priceLevelId && !owned.has(c.id))!;
  const price = dataset.contractPrices.filter((p) => p.priceLevelId === company.priceLevelId && p.currency === 'USD')[7]!;
  return {
    buyer: dataset.buyers.find((b) => b.companyId === company.id)!,
    otherBuyer: dataset.buyers.find((b) => b.companyId === other.id)!,
    levelId: company.priceLevelId,
    sku: price.sku,
  };
}

/**
 * Sets the SKU's level price in the NetSuite emulator and runs the price sync's delta. The app's sync worker may
 * start one too (it reacts to the emulator's change events); then that run lands the change.
 */
async function changeErpPrice(sku: string, levelId: number, unitPrice: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_ERP_PORT}/__sandbox/items/${encodeURIComponent(sku)}/prices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ priceLevelId: levelId, unitPrice }),
  });
  expect(response.ok).toBe(true);
  const syncEnv = { ...env(), REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
  const config = loadSyncConfig(syncEnv);
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    await runFlows(syncContextFromConfig(config, redis, { env: syncEnv }), ['prices'], {}).catch((error: unknown) => {
      if (!(error instanceof FlowBusyError)) throw error;
    });
  } finally {
    redis.disconnect();
  }
}

async function shownPrice(page: Page, path: string): Promise<string | undefined> {
  const html = await (await page.request.get(path)).text();
  return /data-testid="product-price"[^>]*>([^<]+)</.exec(html)?.[1];
}

test('an ERP price change reaches a buyer’s cached product page within the freshness target, and no other price list', async ({ browser }) => {
  test.setTimeout(120_000);
  const { buyer, otherBuyer, levelId, sku } = subjects();
  const list = await priceListOfBuyer(buyer.email);
  const otherList = await priceListOfBuyer(otherBuyer.email);
  expect(otherList).not.toBe(list);

  const variant = dataset.products.flatMap((p) => p.variants.map((v) => ({ product: p, variant: v }))).find(({ variant }) => variant.sku.toUpperCase() === sku.toUpperCase())!;
  const path = `${await productPath(variant.product.id)}?variant=${variant.variant.id}`;
  const original = await priceRecord(list, variant.variant.id);
  const otherRecord = await priceRecord(otherList, variant.variant.id);
  expect(original).not.toBeNull();
  expect(await customerIdOf(buyer.email)).toBe(buyer.id);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, buyer.email);
  const otherPage = await (await browser.newContext()).newPage();
  await signIn(otherPage, otherBuyer.email);

  // Warm: viewed, kept, served from the cache.
  for (let i = 0; i < 3; i++) {
    expect(await shownPrice(page, path)).toBe(usd(original!.calculated_price));
    await page.waitForTimeout(300);
  }
  const otherBefore = await shownPrice(otherPage, path);
  if (otherRecord) expect(otherBefore).toBe(usd(otherRecord.calculated_price));

  const cents = Math.round(original!.price * 100);
  const changed = ((cents + 123) / 100).toFixed(2);
  try {
    await changeErpPrice(sku, levelId, changed);
    // The cache's part starts when BigCommerce has the new price (whichever sync run put it there).
    await expect.poll(async () => (await priceRecord(list, variant.variant.id))?.price, { timeout: 30_000, intervals: [20] }).toBe(Number(changed));
    const landed = Date.now();
    await expect.poll(() => shownPrice(page, path), { timeout: FRESHNESS_TARGET_MS, intervals: [50] }).toBe(usd(Number(changed)));
    expect(Date.now() - landed).toBeLessThan(FRESHNESS_TARGET_MS);
    // The other list's buyers keep their price (and the change did not leak into their context).
    expect(await shownPrice(otherPage, path)).toBe(otherBefore);
  } finally {
    await changeErpPrice(sku, levelId, (cents / 100).toFixed(2));
  }
  // Put back (whichever run lands it): later specs and runs see the seeded price.
  await expect.poll(() => shownPrice(page, path), { timeout: 30_000, intervals: [100] }).toBe(usd(original!.calculated_price));
});
