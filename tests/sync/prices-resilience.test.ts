import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcilePrices } from '../../sync/flows/prices/reconcile-prices';
import { syncPrices } from '../../sync/flows/prices/sync-prices';
import { setFaults, startSyncWorld, type SyncWorld } from './support';

/**
 * The ways price syncs fail in production: a run dying half-way, 429 storms, 5xx and slow answers, a bad ERP row.
 * Each must end with BigCommerce equal to the ERP ("drift 0": a forced read-back full run finds nothing to send)
 * and nothing lost.
 */
let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ redisDb: 12, products: 400 });
});
afterAll(() => world.close());

/** Drift as a fresh process would see it: every list read back from BigCommerce and compared with the ERP. */
async function drift(): Promise<number> {
  return (await reconcilePrices(world.ctx)).remaining;
}

describe('price sync under failure', () => {
  it('a run that dies half-way resumes without resending confirmed batches and ends equal to the ERP', async () => {
    const total = (await syncPrices(world.ctx, { full: true, dryRun: true })).batches;
    expect(total).toBeGreaterThan(3);

    // The process "dies" on its 3rd batch write: the first two landed and were confirmed, nothing after runs.
    let failures = 0;
    const originalPut = world.ctx.rest.put.bind(world.ctx.rest);
    let puts = 0;
    world.ctx.rest.put = ((path: string, body: unknown, options?: never) => {
      if (path.endsWith('/records') && ++puts > 2) {
        failures++;
        return Promise.reject(new Error('process killed'));
      }
      return originalPut(path, body, options);
    }) as typeof world.ctx.rest.put;
    await expect(syncPrices(world.ctx, { full: true })).rejects.toThrow('process killed');
    world.ctx.rest.put = originalPut;
    expect(failures).toBe(1);
    // What is left to send is everything but the two confirmed batches.
    expect((await syncPrices(world.ctx, { full: true, dryRun: true })).batches).toBe(total - 2);

    // The lock of the killed run is gone (its finally ran); a kill -9 would leave it to expire.
    const resumed = await syncPrices(world.ctx, { full: true });
    expect(resumed.batches).toBe(total - 2);
    expect(await drift()).toBe(0);
  });

  async function changePrices(from: number, count: number, unitPrice: string): Promise<void> {
    for (const sku of [...world.bc.bigcommerce.store.variantIdBySku.keys()].slice(from, from + count)) {
      await world.ns.admin.setItemPrice(sku, { priceLevelId: 1, unitPrice });
    }
  }

  it('a 429 storm is a pause, not a failure: the run completes and drift is 0', async () => {
    await changePrices(0, 40, '19.99');
    // A 1 s quota window, so each storm 429 (which says "wait for the window reset") costs about a second.
    await fetch(`${world.bc.bigcommerce.url}/__sandbox/rate-limit`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enabled: true, quota: 10_000, windowMs: 1_000 }) });
    await setFaults(world, { pathPrefix: '/v3/pricelists', storm429Requests: 8 });
    try {
      const stats = await syncPrices(world.ctx);
      expect(stats.changed).toBeGreaterThanOrEqual(40);
      expect(stats.rateLimited).toBeGreaterThanOrEqual(8);
    } finally {
      await setFaults(world, null);
    }
    expect(await drift()).toBe(0);
  }, 60_000);

  it('a 20% rate of 503s is retried through: drift is 0', async () => {
    await changePrices(40, 40, '29.99');
    await setFaults(world, { pathPrefix: '/v3/pricelists', error5xxRatio: 0.2, error5xxStatus: 503, seed: 5 });
    try {
      expect((await syncPrices(world.ctx)).changed).toBeGreaterThanOrEqual(40);
    } finally {
      await setFaults(world, null);
    }
    expect(await drift()).toBe(0);
  }, 60_000);

  it('2 s latency on every price-list call slows the run but does not break it: drift is 0', async () => {
    await changePrices(80, 10, '39.99');
    await setFaults(world, { pathPrefix: '/v3/pricelists', latencyMs: 2_000 });
    try {
      expect((await syncPrices(world.ctx)).changed).toBeGreaterThanOrEqual(10);
    } finally {
      await setFaults(world, null);
    }
    expect(await drift()).toBe(0);
  }, 90_000);

  it('an ERP price BigCommerce cannot take lands in the dead-letter queue with a reason, and the rest syncs', async () => {
    const skus = [...world.bc.bigcommerce.store.variantIdBySku.keys()].slice(50, 53);
    const [bad, ...good] = skus;
    if (!bad) throw new Error('no SKUs');
    // BigCommerce's variant is renamed, so the ERP's SKU no longer exists there (a common onboarding slip).
    const store = world.bc.bigcommerce.store;
    const variant = store.variants.get(store.variantIdBySku.get(bad) ?? -1);
    if (!variant) throw new Error(`no variant ${bad}`);
    const renamed = await fetch(`${world.bc.env.BIGCOMMERCE_API_URL}/stores/${world.ctx.storeHash}/v3/catalog/products/${variant.product_id}/variants/${variant.id}`, {
      method: 'PUT',
      headers: { 'x-auth-token': world.bc.env.BIGCOMMERCE_ACCESS_TOKEN ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({ sku: `${bad}-OLD` }),
    });
    expect(renamed.status).toBe(200);
    await world.ns.admin.setItemPrice(bad, { priceLevelId: 3, unitPrice: '5.55' });
    for (const sku of good) await world.ns.admin.setItemPrice(sku, { priceLevelId: 3, unitPrice: '5.55' });
    const before = await world.ctx.deadLetters.size();

    const stats = await syncPrices(world.ctx);
    expect(stats.deadLettered).toBeGreaterThanOrEqual(1);
    const letters = await world.ctx.deadLetters.list();
    expect(letters.length).toBeGreaterThan(before);
    expect(letters.some((l) => l.reason.includes(`"${bad}"`) && l.reason.includes('no BigCommerce variant'))).toBe(true);
    expect(stats.changed).toBeGreaterThanOrEqual(good.length);
  });

  it('reconcile reports drift made behind the sync’s back, per list, and --fix repairs it', async () => {
    // Start from no drift (earlier tests renamed a SKU, leaving records the ERP no longer has).
    expect((await reconcilePrices(world.ctx, { fix: true })).remaining).toBe(0);
    const target = JSON.parse((await world.redis.hget(world.ctx.keys.pricingTargets, 'level:4')) ?? '{}') as { priceListId: number };
    const records = (await (
      await fetch(`${world.bc.env.BIGCOMMERCE_API_URL}/stores/${world.ctx.storeHash}/v3/pricelists/${target.priceListId}/records?limit=2`, {
        headers: { 'x-auth-token': world.bc.env.BIGCOMMERCE_ACCESS_TOKEN ?? '' },
      })
    ).json()) as { data: { variant_id: number; currency: string }[] };
    // Someone edits two prices in the control panel.
    const edited = await fetch(`${world.bc.env.BIGCOMMERCE_API_URL}/stores/${world.ctx.storeHash}/v3/pricelists/${target.priceListId}/records`, {
      method: 'PUT',
      headers: { 'x-auth-token': world.bc.env.BIGCOMMERCE_ACCESS_TOKEN ?? '', 'content-type': 'application/json' },
      body: JSON.stringify(records.data.map((r) => ({ variant_id: r.variant_id, currency: r.currency, price: 0.01 }))),
    });
    expect(edited.status).toBe(200);

    const report = await reconcilePrices(world.ctx);
    expect(report.found).toBe(2);
    expect(report.lists.find((l) => l.priceListId === target.priceListId)?.toUpsert).toBe(2);
    const fixed = await reconcilePrices(world.ctx, { fix: true });
    expect(fixed).toMatchObject({ found: 2, remaining: 0, fixed: true });
  });
});
