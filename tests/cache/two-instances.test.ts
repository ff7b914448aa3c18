import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidateTags } from '@/lib/cache/invalidate';
import { tags } from '@/lib/cache/manifest';
import { startCacheRuntime, stopCacheRuntime } from '@/lib/cache/runtime';
import { closeRedis } from '@/lib/redis/client';
import { syncPrices } from '@/sync/flows/prices/sync-prices';
import { startSyncWorld, type SyncWorld } from '../sync/support';
import { AppInstance } from './support/instances';
import { TWO_INSTANCES_DB, waitFor } from './support/fixtures';

/**
 * Two storefront instances (separate processes, separate memory) share Redis, with the sync engine, the NetSuite
 * emulator and the BigCommerce sandbox behind them. An ERP price change pushed by the sync must be served by both
 * within the freshness target, with no restart and no TTL running out; until then both serve from their cache.
 */
const FRESHNESS_TARGET_MS = 2_000;
const REDIS_URL = `redis://127.0.0.1:6379/${TWO_INSTANCES_DB}`;

let world: SyncWorld;
let instances: AppInstance[];
/** A buyer at a company priced by its level's list (no own contract), a SKU of that level, and its ids. */
let subject: { customerId: number; productId: number; variantId: number; sku: string; priceLevelId: number };

beforeAll(async () => {
  world = await startSyncWorld({ redisDb: TWO_INSTANCES_DB, products: 120 });
  await syncPrices(world.ctx, { full: true });
  const { dataset } = world.bc;
  const store = world.bc.bigcommerce.store;
  const company = dataset.companies.find((c) => !dataset.customerItemPrices.some((p) => p.companyId === c.id));
  const buyer = company && dataset.buyers.find((b) => b.companyId === company.id);
  const price = company && dataset.contractPrices.find((p) => p.priceLevelId === company.priceLevelId && p.currency === 'USD');
  const variantId = price && store.variantIdBySku.get(price.sku.toUpperCase());
  const variant = variantId === undefined ? undefined : store.variants.get(variantId);
  if (!company || !buyer || !price || !variant) throw new Error('the demo data has no level-priced buyer and SKU');
  subject = { customerId: buyer.id, productId: variant.product_id, variantId: variant.id, sku: price.sku, priceLevelId: company.priceLevelId };

  const env = { ...world.bc.env, REDIS_URL };
  instances = await Promise.all([AppInstance.start(env), AppInstance.start(env)]);
  await waitFor(async () => (await Promise.all(instances.map((i) => i.health()))).every((h) => h.followingInvalidations), 10_000, 'both instances to follow');
}, 120_000);

afterAll(async () => {
  await Promise.all((instances ?? []).map((instance) => instance.stop()));
  await stopCacheRuntime();
  await closeRedis();
  await world?.close();
});

const unitPrice = async (instance: AppInstance, customerId = subject.customerId) =>
  (await instance.offer(customerId, subject.productId, subject.variantId)).price?.unitPrice;
const loads = async (instance: AppInstance) => (await instance.health()).loads;

describe('two app instances sharing Redis', () => {
  it('the second instance serves what the first loaded, and neither loads again while nothing changes', async () => {
    const first = await unitPrice(instances[0]!);
    expect(first).toMatch(/^\$/);
    const before = await loads(instances[1]!);
    expect(await unitPrice(instances[1]!)).toBe(first);
    // Its own group lookup and stock come from Redis too; only what no one has asked for yet would be loaded.
    const afterFirstView = await loads(instances[1]!);
    for (let i = 0; i < 5; i++) expect(await unitPrice(instances[1]!)).toBe(first);
    expect(await loads(instances[1]!)).toBe(afterFirstView);
    expect(afterFirstView - before).toBeLessThanOrEqual(1);
  });

  it('an ERP price change pushed by the sync is served by both instances within the freshness target', async () => {
    const before = await unitPrice(instances[0]!);
    await unitPrice(instances[1]!);
    const newPrice = before === '$77.70' ? '78.80' : '77.70';

    await world.ns.admin.setItemPrice(subject.sku, { priceLevelId: subject.priceLevelId, unitPrice: newPrice });
    const stats = await syncPrices(world.ctx);
    expect(stats.changed).toBeGreaterThan(0);
    const landed = Date.now();

    const servedAfter = await Promise.all(
      instances.map(async (instance) => {
        await waitFor(async () => (await unitPrice(instance)) === `$${newPrice}`, FRESHNESS_TARGET_MS, 'the new price');
        return Date.now() - landed;
      }),
    );
    for (const ms of servedAfter) expect(ms).toBeLessThan(FRESHNESS_TARGET_MS);
  });

  it('a buyer the sync moves to another customer group is served that group’s price at once, by both instances', async () => {
    const store = world.bc.bigcommerce.store;
    const ownGroup = store.customers.get(subject.customerId)!.customer_group_id;
    // A buyer of another group whose price for this variant differs: what the moved buyer must see afterwards.
    let target: { customerId: number; price: string } | undefined;
    for (const other of world.bc.dataset.buyers) {
      const group = store.customers.get(other.id)?.customer_group_id;
      if (!group || group === ownGroup) continue;
      const price = await unitPrice(instances[0]!, other.id);
      if (price && price !== (await unitPrice(instances[0]!))) target = { customerId: other.id, price };
      if (target) break;
    }
    if (!target) throw new Error('no buyer of another group with another price for this variant');
    const targetGroup = store.customers.get(target.customerId)!.customer_group_id;
    await Promise.all(instances.map((instance) => unitPrice(instance))); // both hold the old group's price

    // What the price sync does when the ERP moves a customer: re-group it in BigCommerce, then announce it.
    const response = await fetch(`${world.bc.bigcommerce.url}/stores/${world.bc.env.BIGCOMMERCE_STORE_HASH}/v3/customers`, {
      method: 'PUT',
      headers: { 'x-auth-token': world.bc.env.BIGCOMMERCE_ACCESS_TOKEN!, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify([{ id: subject.customerId, customer_group_id: targetGroup }]),
    });
    expect(response.ok).toBe(true);
    await world.ctx.events.publish({ type: 'customer-group-changed', customerIds: [subject.customerId], customerGroupId: targetGroup });

    for (const instance of instances) {
      await waitFor(async () => (await unitPrice(instance)) === target.price, FRESHNESS_TARGET_MS, 'the new group’s price');
    }
  });

  it('a buyer moved without the event arriving is served their new group’s price, which is never kept for the old group', async () => {
    const store = world.bc.bigcommerce.store;
    const groupOf = (customerId: number) => store.customers.get(customerId)!.customer_group_id;
    // The live price straight from the store (no cache), as a buyer of that group sees it.
    const livePrice = async (customerId: number, productId: number, variantId: number) => {
      const response = await fetch(`${world.bc.bigcommerce.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${world.bc.env.BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN}`, 'x-bc-customer-id': String(customerId), 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ site { product(entityId: ${productId}) { variants(entityIds: [${variantId}], first: 1) { edges { node { prices { price { value } } } } } } } }` }),
      });
      const body = (await response.json()) as { data: { site: { product: { variants: { edges: { node: { prices: { price: { value: number } } | null } }[] } } | null } } };
      return body.data.site.product?.variants.edges[0]?.node.prices?.price.value;
    };
    // Two buyers of one group (the mover and a colleague), a buyer of another group, and a variant nobody has
    // viewed yet whose price differs between the two groups.
    const buyers = world.bc.dataset.buyers.filter((b) => groupOf(b.id) > 0);
    let found: { mover: number; colleague: number; target: number; productId: number; variantId: number } | undefined;
    for (const mover of buyers) {
      const colleague = buyers.find((b) => b.id !== mover.id && groupOf(b.id) === groupOf(mover.id));
      const target = buyers.find((b) => groupOf(b.id) !== groupOf(mover.id));
      if (!colleague || !target) continue;
      for (const variant of [...store.variants.values()].slice(-60)) {
        const [a, b] = [await livePrice(mover.id, variant.product_id, variant.id), await livePrice(target.id, variant.product_id, variant.id)];
        if (a !== undefined && b !== undefined && a !== b) {
          found = { mover: mover.id, colleague: colleague.id, target: target.id, productId: variant.product_id, variantId: variant.id };
          break;
        }
      }
      if (found) break;
    }
    if (!found) throw new Error('no two groups with different prices for one variant');
    const { mover, colleague, target, productId, variantId } = found;
    const oldGroupPrice = await livePrice(colleague, productId, variantId);
    await instances[0]!.offer(mover, subject.productId, subject.variantId); // the instance now remembers the mover's group

    // Moved in BigCommerce, and the event never comes.
    const response = await fetch(`${world.bc.bigcommerce.url}/stores/${world.bc.env.BIGCOMMERCE_STORE_HASH}/v3/customers`, {
      method: 'PUT',
      headers: { 'x-auth-token': world.bc.env.BIGCOMMERCE_ACCESS_TOKEN!, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify([{ id: mover, customer_group_id: groupOf(target) }]),
    });
    expect(response.ok).toBe(true);

    const moverOffer = await instances[0]!.offer(mover, productId, variantId);
    expect(Number(moverOffer.price?.unitPrice.replace(/[^0-9.]/g, ''))).toBe(await livePrice(target, productId, variantId));
    for (const instance of instances) {
      const seen = await instance.offer(colleague, productId, variantId);
      expect(Number(seen.price?.unitPrice.replace(/[^0-9.]/g, ''))).toBe(oldGroupPrice);
    }
  });

  it('an invalidation made in one place (a webhook) drops the memory copies of every instance', async () => {
    await Promise.all(instances.map((instance) => unitPrice(instance)));
    const before = await Promise.all(instances.map(loads));
    startCacheRuntime({ store: { storeHash: world.bc.env.BIGCOMMERCE_STORE_HASH!, channelId: 1 }, redisUrl: REDIS_URL, log: () => {} });
    await invalidateTags([tags.product(subject.productId)], 'test');
    await waitFor(
      async () => {
        await Promise.all(instances.map((instance) => unitPrice(instance)));
        const after = await Promise.all(instances.map(loads));
        return after.every((n, i) => n > before[i]!);
      },
      FRESHNESS_TARGET_MS,
      'both instances to load the product again',
    );
  });
});
