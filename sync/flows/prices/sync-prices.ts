import type { SyncContext } from '../../context';
import type { CustomerPricing, LevelPrice } from '../../erp/erp';
import { formatIssue } from '../../erp/errors';
import type { RunStats } from '../../state/flow-stats';
import { loadCatalogIndex, normaliseSku } from '../catalog-index';
import { withFlowLock } from '../flow-lock';
import { startRun, total } from '../run-recorder';
import { assignCustomerGroups, groupFor, hasOwnPrices } from './customer-groups';
import { customerTargetKey, customerTargetName, levelTargetKey, NO_GROUP, PLANNED, PricingTargets, type PricingTarget } from './pricing-targets';
import { recordFromTiers } from './price-record';
import { PriceListPusher, type PushTotals } from './record-pusher';
import { retireCustomerLists } from './retire-lists';

export interface SyncOptions {
  /** Re-read everything from the ERP and remove BigCommerce records the ERP no longer has. */
  full?: boolean;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /** Re-read every list from BigCommerce before comparing (reconciliation: trust nothing remembered). */
  readBack?: boolean;
  /** Called with each list's totals when the run ends (reconciliation reports per list). */
  onListTotals?: (priceListId: number, name: string, totals: PushTotals) => void;
}

const FLOW = 'prices';

/**
 * ERP contract pricing → BigCommerce customer groups, price lists and price records (mapping in
 * pricing-targets.ts). Delta by content: only records whose content hash differs from what BigCommerce last
 * confirmed are sent. A delta run reads only ERP changes; if a customer's own prices changed, the run widens to
 * full, because that customer's list holds every SKU of its level. What the ERP takes away leaves in a delta too:
 * a changed SKU's row is its complete matrix in every list it reaches, and a changed customer is placed in its
 * group (or none) and loses its own list once it has no prices of its own (retire-lists.ts).
 */
export async function syncPrices(ctx: SyncContext, options: SyncOptions = {}): Promise<RunStats> {
  return withFlowLock(ctx, FLOW, () => run(ctx, options));
}

async function run(ctx: SyncContext, options: SyncOptions): Promise<RunStats> {
  const dryRun = options.dryRun ?? false;
  const recorder = startRun(ctx, FLOW, dryRun);
  const since = options.full ? null : await ctx.redis.hget(ctx.keys.watermarks, FLOW);
  let read = await ctx.erp.readContractPricing(since ? { since: since as never } : {});

  // Customers first: they are few, and a changed customer decides whether this delta must widen to a full run.
  let customers = await collect(read.customers);
  let full = !since;
  if (since && customers.some(hasOwnPrices)) {
    ctx.log('a customer with its own prices changed: running in full', { customers: customers.length });
    read = await ctx.erp.readContractPricing({});
    customers = await collect(read.customers);
    full = true;
  }
  // Customer lists hold every SKU of the customer's level, so a delta that changes a level price must reach them
  // too: the complete set of customers comes from the last full read, updated with this read's changes.
  const allCustomers = await customerPricingSnapshot(ctx, customers, full, dryRun);
  const levels = (await collect(read.priceLevels)).filter((level) => !level.isInactive);
  let deadLettered = 0;
  if (read.rejected?.length) {
    deadLettered += read.rejected.length;
    if (!dryRun) await ctx.deadLetters.add(read.rejected.map((issue) => ({ flow: FLOW, reason: `ERP row refused: ${formatIssue(issue)}`, payload: issue })));
  }

  const catalog = await loadCatalogIndex(ctx);
  const targets = await PricingTargets.load(ctx);
  const levelPushers = new Map<string, PriceListPusher>();
  const levelTargets = new Map<string, PricingTarget>();
  for (const level of levels) {
    const target = await targets.ensure(levelTargetKey(level.id), level.name, dryRun);
    levelTargets.set(level.id, target);
    levelPushers.set(level.id, await pusherFor(ctx, target, dryRun, options.readBack));
  }
  const customerLists = await customerListsFor(ctx, targets, allCustomers.filter(hasOwnPrices), dryRun, options.readBack);

  let examined = 0;
  for await (const item of read.items) {
    examined++;
    const variant = catalog.get(normaliseSku(item.sku));
    if (!variant) {
      deadLettered++;
      if (!dryRun) await ctx.deadLetters.add([
        { flow: FLOW, reason: `ERP SKU "${item.sku}" has contract prices but no BigCommerce variant has that SKU: create the product or fix the SKU`, payload: item },
      ]);
      continue;
    }
    const byLevel = new Map<string, LevelPrice[]>();
    for (const price of item.prices) byLevel.set(price.priceLevelId, [...(byLevel.get(price.priceLevelId) ?? []), price]);
    const wanted = [
      ...[...levelPushers].map(([levelId, pusher]) => ({ pusher, prices: new Map((byLevel.get(levelId) ?? []).map((p) => [p.currency, p.tiers])) })),
      ...customerLists.map((list) => ({ pusher: list.pusher, prices: customerPrices(list.customer, byLevel, item.sku) })),
    ];
    for (const { pusher, prices } of wanted) {
      for (const [currency, tiers] of prices) deadLettered += await addRecord(ctx, pusher, variant, currency, tiers, item);
      // A delta row is the SKU's complete matrix: whatever it no longer prices in a list goes (a full run's
      // end-of-run sweep does the same for every list).
      if (!full) await pusher.keepOnly(variant, new Set([...prices.keys()].map((c) => c.toLowerCase())));
    }
  }

  const pushers = [...levelPushers.values(), ...customerLists.map((l) => l.pusher)];
  for (const pusher of pushers) await pusher.finish(full);
  for (const [levelId, pusher] of levelPushers) options.onListTotals?.(pusher.priceListId, levelTargets.get(levelId)?.name ?? levelId, pusher.totals);
  for (const list of customerLists) options.onListTotals?.(list.pusher.priceListId, list.target.name, list.pusher.totals);

  // The customers this read says something about (every one in a full run): their buyers go to the group their
  // prices now live in, and the own list of any that no longer has prices of its own is retired after them.
  const ownTargets = new Map(customerLists.map((l) => [l.customer.customerNumber, l.target]));
  const placement = new Map(customers.map((c) => [c.customerNumber, groupFor(c, levelTargets, ownTargets)]));
  if (!dryRun) await assignCustomerGroups(ctx, placement);
  const retired = await retireCustomerLists(
    ctx,
    targets,
    customers.filter((c) => !hasOwnPrices(c)).map((c) => ({ customerNumber: c.customerNumber, destinationGroupId: placement.get(c.customerNumber) ?? NO_GROUP })),
    { dryRun, readBack: options.readBack ?? false },
  );
  for (const list of retired) {
    if (list.priceListId !== undefined) options.onListTotals?.(list.priceListId, list.name, { examined: 0, changed: 0, deleted: list.records, deadLettered: 0, upserts: 0 });
  }
  if (!dryRun) await ctx.redis.hset(ctx.keys.watermarks, FLOW, read.watermark);

  const totals = pushers.map((p) => p.totals);
  return recorder.finish(full ? 'full' : 'delta', {
    examined,
    changed: total(totals, (t) => t.changed),
    deleted: total(totals, (t) => t.deleted) + total(retired, (l) => l.records),
    deadLettered: deadLettered + total(totals, (t) => t.deadLettered),
    batches: total(totals, (t) => t.upserts),
  });
}

async function pusherFor(ctx: SyncContext, target: PricingTarget, dryRun: boolean, readBack = false): Promise<PriceListPusher> {
  const pusher = new PriceListPusher(ctx, target.priceListId, dryRun);
  // A list a dry run would create holds nothing yet: every record counts as a change.
  if (target.priceListId !== PLANNED) await pusher.bootstrapFromBigCommerce(readBack);
  return pusher;
}

interface CustomerList {
  customer: CustomerPricing;
  target: PricingTarget;
  pusher: PriceListPusher;
}

async function customerListsFor(
  ctx: SyncContext,
  targets: PricingTargets,
  customers: CustomerPricing[],
  dryRun: boolean,
  readBack?: boolean,
): Promise<CustomerList[]> {
  const lists: CustomerList[] = [];
  for (const customer of customers) {
    const target = await targets.ensure(customerTargetKey(customer.customerNumber), customerTargetName(customer.customerNumber), dryRun);
    lists.push({ customer, target, pusher: await pusherFor(ctx, target, dryRun, readBack) });
  }
  return lists;
}

/** A customer's prices for one SKU: its level's tiers per currency, with its own item prices applied on top. */
function customerPrices(customer: CustomerPricing, byLevel: Map<string, LevelPrice[]>, sku: string): Map<string, LevelPrice['tiers']> {
  const result = new Map<string, LevelPrice['tiers']>();
  for (const price of customer.priceLevelId ? (byLevel.get(customer.priceLevelId) ?? []) : []) result.set(price.currency, price.tiers);
  for (const override of customer.itemPrices) {
    if (normaliseSku(override.sku) !== normaliseSku(sku)) continue;
    if (override.kind === 'fixed') result.set(override.currency, [{ minQuantity: 1, unitPrice: override.unitPrice }]);
    else {
      const level = byLevel.get(override.priceLevelId)?.find((p) => p.currency === override.currency);
      if (level) result.set(override.currency, level.tiers);
    }
  }
  return result;
}

async function addRecord(
  ctx: SyncContext,
  pusher: PriceListPusher,
  variant: { variantId: number; productId: number; sku: string },
  currency: string,
  tiers: LevelPrice['tiers'],
  source: unknown,
): Promise<number> {
  const record = recordFromTiers(variant, currency, tiers);
  if ('error' in record) {
    // Keep the last good price in BigCommerce: a full run must not delete it because this row is bad.
    pusher.keep(variant.variantId, currency);
    if (!pusher.dryRun) {
      await ctx.deadLetters.add([{ flow: FLOW, reason: `ERP price for ${variant.sku} (${currency}) is unusable: ${record.error}`, payload: source }]);
    }
    return 1;
  }
  await pusher.add(record);
  return 0;
}

async function customerPricingSnapshot(ctx: SyncContext, read: CustomerPricing[], full: boolean, dryRun: boolean): Promise<CustomerPricing[]> {
  const key = ctx.keys.customerPricing;
  const fields = read.flatMap((c) => [c.customerNumber, JSON.stringify(c)]);
  if (dryRun) {
    if (full) return read;
    const stored = (await ctx.redis.hvals(key)).map((text) => JSON.parse(text) as CustomerPricing);
    const changed = new Map(read.map((c) => [c.customerNumber, c]));
    return [...stored.filter((c) => !changed.has(c.customerNumber)), ...read];
  }
  if (full) {
    const replace = ctx.redis.multi().del(key);
    if (fields.length > 0) replace.hset(key, ...fields);
    await replace.exec();
    return read;
  }
  if (fields.length > 0) await ctx.redis.hset(key, ...fields);
  return (await ctx.redis.hvals(key)).map((text) => JSON.parse(text) as CustomerPricing);
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

