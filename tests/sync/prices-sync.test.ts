import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveVariantPrices } from '../../sandbox/bigcommerce/pricing';
import { syncPrices } from '../../sync/flows/prices/sync-prices';
import { levelTargetKey } from '../../sync/flows/prices/pricing-targets';
import { startSyncWorld, type SyncWorld } from './support';

/**
 * ERP contract prices → BigCommerce price lists, against the NetSuite emulator, the BigCommerce sandbox and real
 * Redis. "Matches the ERP" is checked by reading BigCommerce's own state back and by the price BigCommerce would
 * charge a buyer of each group, not by trusting the sync's own bookkeeping.
 */
let world: SyncWorld;
beforeAll(async () => {
  world = await startSyncWorld({ redisDb: 11 });
});
afterAll(() => world.close());

/** Every (level, sku, currency) → base unit price in minor units, as the ERP says (read through the adapter). */
async function erpBasePrices(): Promise<Map<string, number>> {
  const read = await world.ctx.erp.readContractPricing();
  const prices = new Map<string, number>();
  for await (const item of read.items) {
    for (const price of item.prices) {
      const base = price.tiers.find((t) => t.minQuantity === 1);
      if (base) prices.set(`${price.priceLevelId}|${item.sku.toUpperCase()}|${price.currency}`, base.unitPrice);
    }
  }
  for await (const _ of read.customers) void _;
  for await (const _ of read.priceLevels) void _;
  return prices;
}

/** What the BigCommerce store charges a group for a SKU at quantity 1 (the storefront's own price resolution). */
function storefrontPrice(groupId: number, sku: string, currency: string): number | undefined {
  const store = world.bc.bigcommerce.store;
  const variantId = store.variantIdBySku.get(sku);
  const variant = variantId === undefined ? undefined : store.variants.get(variantId);
  const product = variant ? store.products.get(variant.product_id) : undefined;
  if (!variant || !product) return undefined;
  const resolved = resolveVariantPrices(store, product, variant, { customerGroupId: groupId, channelId: 1, currency });
  // units4 (ten-thousandths) → cents
  return resolved ? Math.round(resolved.price / 100) : undefined;
}

async function groupOfLevel(levelId: string): Promise<number> {
  const stored = await world.redis.hget(world.ctx.keys.pricingTargets, levelTargetKey(levelId));
  return (JSON.parse(stored ?? '{}') as { customerGroupId: number }).customerGroupId;
}

describe('price sync', () => {
  it('a first full sync makes every group’s storefront price equal the ERP contract price', async () => {
    const drift = world.ns.drift;
    expect(drift, 'the emulator must start out of step with BigCommerce').not.toBeNull();

    const stats = await syncPrices(world.ctx, { full: true });
    expect(stats.changed).toBeGreaterThan(0);

    const mismatches: string[] = [];
    const erp = await erpBasePrices();
    expect(erp.size).toBeGreaterThan(100);
    for (const [key, unitPrice] of erp) {
      const [levelId = '', sku = '', currency = ''] = key.split('|');
      const groupId = await groupOfLevel(levelId);
      const charged = storefrontPrice(groupId, sku, currency);
      if (charged !== unitPrice) mismatches.push(`${key}: storefront ${charged}, ERP ${unitPrice}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('a buyer whose company has its own item prices is moved to its own group and pays those prices', async () => {
    const store = world.bc.bigcommerce.store;
    const override = world.bc.dataset.customerItemPrices[0];
    if (!override) throw new Error('demo data has no customer-specific prices');
    const company = world.bc.dataset.companies.find((c) => c.id === override.companyId);
    const buyer = world.bc.dataset.buyers.find((b) => b.companyId === override.companyId);
    if (!company || !buyer) throw new Error('override without company or buyer');
    // What the ERP says this customer pays for that SKU (its own price, after the emulator's drift).
    const read = await world.ctx.erp.readContractPricing();
    let erpPrice: number | undefined;
    for await (const customer of read.customers) {
      if (customer.customerNumber !== company.erpCustomerNumber) continue;
      const own = customer.itemPrices.find((p) => p.sku.toUpperCase() === override.sku.toUpperCase() && p.currency === override.currency && p.kind === 'fixed');
      if (own?.kind === 'fixed') erpPrice = own.unitPrice;
    }
    for await (const _ of read.items) void _;
    for await (const _ of read.priceLevels) void _;
    expect(erpPrice).toBeDefined();

    const groupId = store.customers.get(buyer.id)?.customer_group_id ?? -1;
    expect(store.customerGroups.get(groupId)?.name).toBe(`Customer ${company.erpCustomerNumber} contract`);
    expect(storefrontPrice(groupId, override.sku, override.currency)).toBe(erpPrice);
  });

  it('a second run finds nothing to send', async () => {
    const stats = await syncPrices(world.ctx, { full: true });
    expect(stats.changed).toBe(0);
    expect(stats.deleted).toBe(0);
    expect(stats.batches).toBe(0);
  });

  it('a delta after a few ERP price changes sends exactly those records, in one upsert per list', async () => {
    const skus = [...world.bc.bigcommerce.store.variantIdBySku.keys()].slice(0, 3);
    for (const sku of skus) await world.ns.admin.setItemPrice(sku, { priceLevelId: 2, unitPrice: '12.34' });
    const stats = await syncPrices(world.ctx);
    expect(stats.mode).toBe('delta');
    const groupId = await groupOfLevel('2');
    for (const sku of skus) expect(storefrontPrice(groupId, sku, 'USD')).toBe(1234);
    // Level 2's list, plus any customer-specific list of a level-2 company: one upsert each, nothing else.
    const level2Lists = 1 + world.bc.dataset.companies.filter((c) => c.priceLevelId === 2 && world.bc.dataset.customerItemPrices.some((p) => p.companyId === c.id)).length;
    expect(stats.batches).toBe(level2Lists);
    expect(stats.changed).toBe(skus.length * level2Lists);
  });

  it('a delta that changes a level price also reaches the own list of a company at that level', async () => {
    const { dataset } = world.bc;
    const company = dataset.companies.find((c) => dataset.customerItemPrices.some((p) => p.companyId === c.id));
    const buyer = company && dataset.buyers.find((b) => b.companyId === company.id);
    if (!company || !buyer) throw new Error('no company with its own prices');
    const overridden = new Set(dataset.customerItemPrices.filter((p) => p.companyId === company.id).map((p) => p.sku.toUpperCase()));
    const sku = dataset.contractPrices.find((p) => p.priceLevelId === company.priceLevelId && !overridden.has(p.sku.toUpperCase()))?.sku;
    if (!sku) throw new Error('no SKU at that level without an override');

    await world.ns.admin.setItemPrice(sku, { priceLevelId: company.priceLevelId, unitPrice: '77.70' });
    await syncPrices(world.ctx);
    const store = world.bc.bigcommerce.store;
    const ownGroup = store.customers.get(buyer.id)?.customer_group_id ?? -1;
    expect(storefrontPrice(ownGroup, sku.toUpperCase(), 'USD')).toBe(7770);
    expect(storefrontPrice(await groupOfLevel(String(company.priceLevelId)), sku.toUpperCase(), 'USD')).toBe(7770);
  });
});
