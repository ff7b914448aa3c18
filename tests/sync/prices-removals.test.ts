import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BcStore } from '../../sandbox/bigcommerce/store/store';
import { reconcilePrices } from '../../sync/flows/prices/reconcile-prices';
import { customerTargetKey, levelTargetKey } from '../../sync/flows/prices/pricing-targets';
import { syncPrices } from '../../sync/flows/prices/sync-prices';
import type { ChangeEvent } from '../../sync/state/change-events';
import { startSyncWorld, type SyncWorld } from './support';

/**
 * What the ERP takes away must leave BigCommerce in a delta run too, not only in the nightly full run: a currency
 * dropped for a SKU, a SKU dropped from every level, a company's last own price, a company's price level, an
 * inactivated company. Checked against the sandbox store's own records and customers, and the change events.
 */
let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ redisDb: 8 });
  await syncPrices(world.ctx, { full: true });
});
afterAll(() => world.close());

const store = (): BcStore => world.bc.bigcommerce.store;

async function listOf(key: string): Promise<{ priceListId: number; customerGroupId: number } | undefined> {
  const stored = await world.redis.hget(world.ctx.keys.pricingTargets, key);
  return stored ? (JSON.parse(stored) as { priceListId: number; customerGroupId: number }) : undefined;
}

/** Currencies (lower case) a price list holds a record in for a SKU, read from the store itself. */
async function currenciesIn(key: string, sku: string): Promise<string[]> {
  const target = await listOf(key);
  const variantId = store().variantIdBySku.get(sku);
  if (!target || variantId === undefined) throw new Error(`no list ${key} or no SKU ${sku}`);
  return ['usd', 'cad'].filter((currency) => store().recordsOf(target.priceListId).has(BcStore.recordKey(variantId, currency)));
}

function company(erpCustomerNumber: string) {
  const found = world.bc.dataset.companies.find((c) => c.erpCustomerNumber === erpCustomerNumber);
  if (!found) throw new Error(`no company ${erpCustomerNumber}`);
  const buyers = world.bc.dataset.buyers.filter((b) => b.companyId === found.id).map((b) => b.id);
  const overrides = world.bc.dataset.customerItemPrices.filter((p) => p.companyId === found.id);
  return { ...found, buyers, overrides };
}

/** A company with its own prices, and a SKU its level prices in `currency` that it has no own price for. */
function companyWithOwnPricesAnd(currency: 'USD' | 'CAD') {
  for (const c of world.bc.dataset.companies) {
    const { overrides } = company(c.erpCustomerNumber);
    if (overrides.length === 0) continue;
    const overridden = new Set(overrides.map((o) => o.sku.toUpperCase()));
    const price = world.bc.dataset.contractPrices.find((p) => p.priceLevelId === c.priceLevelId && p.currency === currency && !overridden.has(p.sku.toUpperCase()));
    if (price) return { company: company(c.erpCustomerNumber), sku: price.sku };
  }
  throw new Error(`no company with its own prices at a level priced in ${currency}`);
}

function groupsOf(buyers: number[]): number[] {
  return buyers.map((id) => store().customers.get(id)?.customer_group_id ?? -1);
}

async function eventsSince(count: number): Promise<ChangeEvent[]> {
  return (await world.ctx.events.recent(10_000)).slice(count);
}

async function eventCount(): Promise<number> {
  return (await world.ctx.events.recent(10_000)).length;
}

describe('price sync: removals reach BigCommerce in a delta run', () => {
  it('a currency the ERP stopped carrying for a SKU is removed from its level’s list and from company lists at that level', async () => {
    const { company: owner, sku } = companyWithOwnPricesAnd('CAD');
    const level = levelTargetKey(String(owner.priceLevelId));
    const own = customerTargetKey(owner.erpCustomerNumber);
    expect(await currenciesIn(level, sku)).toEqual(['usd', 'cad']);
    expect(await currenciesIn(own, sku)).toEqual(['usd', 'cad']);

    // Only this SKU changes, and only its CAD price goes: nothing else in the run mentions CAD.
    await world.ns.admin.removeItemPrices(sku, { priceLevelId: owner.priceLevelId, currency: 'CAD' });
    const before = await eventCount();
    const stats = await syncPrices(world.ctx);

    expect(stats.mode).toBe('delta');
    expect(await currenciesIn(level, sku)).toEqual(['usd']);
    expect(await currenciesIn(own, sku)).toEqual(['usd']);
    expect(stats.deleted).toBe(2);
    const variantId = store().variantIdBySku.get(sku);
    const changedLists = (await eventsSince(before)).flatMap((e) => (e.type === 'price-list-changed' && e.variantIds.includes(variantId ?? -1) ? [e.priceListId] : []));
    expect(new Set(changedLists)).toEqual(new Set([(await listOf(level))?.priceListId, (await listOf(own))?.priceListId]));
  });

  it('a SKU the ERP dropped from its price matrix leaves its level’s list and the company lists at that level', async () => {
    const { company: owner, sku } = companyWithOwnPricesAnd('USD');
    const level = levelTargetKey(String(owner.priceLevelId));
    const own = customerTargetKey(owner.erpCustomerNumber);
    expect(await currenciesIn(own, sku)).not.toEqual([]);

    await world.ns.admin.removeItemPrices(sku, {});
    const stats = await syncPrices(world.ctx);

    expect(stats.mode).toBe('delta');
    expect(await currenciesIn(level, sku)).toEqual([]);
    expect(await currenciesIn(own, sku)).toEqual([]);
  });

  it('a company whose last own price the ERP dropped goes back to its level’s group, and its own list and group are retired', async () => {
    const owner = company(world.bc.dataset.companies.find((c) => company(c.erpCustomerNumber).overrides.length > 0)?.erpCustomerNumber ?? '');
    const own = await listOf(customerTargetKey(owner.erpCustomerNumber));
    const level = await listOf(levelTargetKey(String(owner.priceLevelId)));
    if (!own || !level) throw new Error('lists missing after the first full sync');
    expect(groupsOf(owner.buyers).every((g) => g === own.customerGroupId)).toBe(true);
    const records = store().recordsOf(own.priceListId).size;
    expect(records).toBeGreaterThan(0);

    for (const o of owner.overrides) await world.ns.admin.removeCustomerItemPrice(owner.erpCustomerNumber, o.sku, o.currency);
    const before = await eventCount();
    const stats = await syncPrices(world.ctx);

    // No own prices left: nothing to rebuild, so the run stays a delta.
    expect(stats.mode).toBe('delta');
    expect(groupsOf(owner.buyers)).toEqual(owner.buyers.map(() => level.customerGroupId));
    const moved = (await eventsSince(before)).flatMap((e) => (e.type === 'customer-group-changed' && e.customerGroupId === level.customerGroupId ? e.customerIds : []));
    expect(new Set(moved)).toEqual(new Set(owner.buyers));
    expect(store().priceLists.has(own.priceListId)).toBe(false);
    expect(store().customerGroups.has(own.customerGroupId)).toBe(false);
    expect(await listOf(customerTargetKey(owner.erpCustomerNumber))).toBeUndefined();
    expect(stats.deleted).toBe(records);
  });

  it('buyers of a company the ERP moved to no price level leave their group, with an event', async () => {
    const plain = company(world.bc.dataset.companies.find((c) => company(c.erpCustomerNumber).overrides.length === 0)?.erpCustomerNumber ?? '');
    const level = await listOf(levelTargetKey(String(plain.priceLevelId)));
    expect(groupsOf(plain.buyers).every((g) => g === level?.customerGroupId)).toBe(true);

    await world.ns.admin.setCustomerPricing(plain.erpCustomerNumber, { priceLevelId: null });
    const before = await eventCount();
    expect((await syncPrices(world.ctx)).mode).toBe('delta');

    // Group 0 is BigCommerce's "no group": no price list applies, so they see catalog prices.
    expect(groupsOf(plain.buyers)).toEqual(plain.buyers.map(() => 0));
    const moved = (await eventsSince(before)).flatMap((e) => (e.type === 'customer-group-changed' && e.customerGroupId === 0 ? e.customerIds : []));
    expect(new Set(moved)).toEqual(new Set(plain.buyers));
  });

  it('buyers of an inactivated company leave their group, its own list is retired, and reactivating it brings both back', async () => {
    const owner = company(world.bc.dataset.companies.filter((c) => company(c.erpCustomerNumber).overrides.length > 0).at(-1)?.erpCustomerNumber ?? '');
    const own = await listOf(customerTargetKey(owner.erpCustomerNumber));
    if (!own) throw new Error('no own list');
    expect(groupsOf(owner.buyers).every((g) => g === own.customerGroupId)).toBe(true);

    await world.ns.admin.setCustomerPricing(owner.erpCustomerNumber, { isInactive: true });
    const before = await eventCount();
    await syncPrices(world.ctx);

    expect(groupsOf(owner.buyers)).toEqual(owner.buyers.map(() => 0));
    const moved = (await eventsSince(before)).flatMap((e) => (e.type === 'customer-group-changed' && e.customerGroupId === 0 ? e.customerIds : []));
    expect(new Set(moved)).toEqual(new Set(owner.buyers));
    expect(store().priceLists.has(own.priceListId)).toBe(false);
    expect(store().customerGroups.has(own.customerGroupId)).toBe(false);

    await world.ns.admin.setCustomerPricing(owner.erpCustomerNumber, { isInactive: false });
    await syncPrices(world.ctx);
    const again = await listOf(customerTargetKey(owner.erpCustomerNumber));
    expect(again).toBeDefined();
    expect(groupsOf(owner.buyers)).toEqual(owner.buyers.map(() => again?.customerGroupId));
    expect(store().recordsOf(again?.priceListId ?? -1).size).toBeGreaterThan(0);
  });

  it('after all of it, BigCommerce read back equals the ERP (no drift)', async () => {
    expect((await reconcilePrices(world.ctx)).remaining).toBe(0);
  });
});
