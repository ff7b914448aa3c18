import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileInventory } from '../../sync/flows/inventory/reconcile-inventory';
import { syncInventory } from '../../sync/flows/inventory/sync-inventory';
import { setFaults, startSyncWorld, type SyncWorld } from './support';

/**
 * ERP per-location inventory → BigCommerce inventory, against the NetSuite emulator, the BigCommerce sandbox and
 * real Redis. "Matches the ERP" compares the emulator's own tables (SQL) with what BigCommerce answers over REST
 * (`GET /v3/inventory/items`), never with the sync's hash store. Every adjustment request the sync sends is recorded
 * so request counts and shapes can be asserted.
 */
let world: SyncWorld;

interface AdjustmentItem {
  location_id: number;
  variant_id?: number;
  product_id?: number;
  quantity: number;
}
const ADJUST_PATH = '/v3/inventory/adjustments/absolute';
/** Every adjustment request the sync made, in order (recorded before it goes out). */
const adjustments: AdjustmentItem[][] = [];
/** When set, adjustment requests after this many are refused as if the process died on them. */
let killAfter: number | null = null;

beforeAll(async () => {
  world = await startSyncWorld({ redisDb: 9 });
  const originalPut = world.ctx.rest.put.bind(world.ctx.rest);
  world.ctx.rest.put = ((path: string, body: unknown, options?: never) => {
    if (path === ADJUST_PATH) {
      if (killAfter !== null && adjustments.length >= killAfter) return Promise.reject(new Error('process killed'));
      adjustments.push((body as { items: AdjustmentItem[] }).items);
    }
    return originalPut(path, body, options);
  }) as typeof world.ctx.rest.put;
});
afterAll(() => world.close());

/** SKUs a test changed, so later tests pick others and each assertion is about its own change. */
const used = new Set<string>();
/** The SKU the ERP discontinued (all its stock rows gone) in one test, reused by a later one. */
let discontinued: { sku: string; levels: BcLevel[] } | null = null;

interface BcLevel {
  locationId: number;
  variantId: number;
  productId: number;
  availableToSell: number;
}

/** What someone editing stock in the control panel does: an absolute adjustment, addressed as the product tracks it. */
async function setBcStock(levels: BcLevel[], quantity: number): Promise<void> {
  const items = levels.map((level) =>
    world.bc.bigcommerce.store.products.get(level.productId)?.inventory_tracking === 'product'
      ? { location_id: level.locationId, product_id: level.productId, quantity }
      : { location_id: level.locationId, variant_id: level.variantId, quantity },
  );
  const response = await bcFetch('/v3/inventory/adjustments/absolute', { method: 'PUT', body: JSON.stringify({ reason: 'manual count', items }) });
  expect(response.status).toBe(200);
}

async function bcFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${world.bc.env.BIGCOMMERCE_API_URL}/stores/${world.ctx.storeHash}${path}`, {
    ...init,
    headers: { 'x-auth-token': world.bc.env.BIGCOMMERCE_ACCESS_TOKEN ?? '', accept: 'application/json', 'content-type': 'application/json' },
  });
}

/** BigCommerce's stock, read over REST: `LOCATION-CODE|SKU` → level. */
async function bcLevels(): Promise<Map<string, BcLevel>> {
  const levels = new Map<string, BcLevel>();
  for (let page = 1; ; page++) {
    const response = await bcFetch(`/v3/inventory/items?limit=1000&page=${page}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { identity: { sku: string; variant_id: number; product_id: number }; locations: { location_id: number; location_code: string; available_to_sell: number }[] }[];
      meta: { pagination: { total_pages: number } };
    };
    for (const item of body.data) {
      for (const at of item.locations) {
        levels.set(`${at.location_code}|${item.identity.sku.toUpperCase()}`, {
          locationId: at.location_id,
          variantId: item.identity.variant_id,
          productId: item.identity.product_id,
          availableToSell: at.available_to_sell,
        });
      }
    }
    if (page >= body.meta.pagination.total_pages) return levels;
  }
}

interface ErpRow {
  sku: string;
  code: string;
  onhand: number;
  available: number;
}

/** The ERP's stock straight from the emulator's tables (not through the adapter the sync uses). */
async function erpRows(where = 'TRUE', params: unknown[] = []): Promise<ErpRow[]> {
  const rows = await world.ns.sql<{ sku: string; code: string; onhand: string; available: string }>(
    `SELECT UPPER(i.itemid) AS sku, l.externalid AS code, iil.quantityonhand AS onhand, iil.quantityavailable AS available
     FROM inventoryitemlocations iil JOIN item i ON i.id = iil.item JOIN location l ON l.id = iil.location
     WHERE ${where} ORDER BY i.id, l.id`,
    params,
  );
  return rows.map((r) => ({ sku: r.sku, code: r.code, onhand: Number(r.onhand), available: Math.max(0, Math.floor(Number(r.available))) }));
}

interface Mismatch {
  key: string;
  locationId: number;
  variantId: number;
  bigcommerce: number;
  erp: number;
}

/**
 * Every (location, SKU) both systems know where BigCommerce's available-to-sell differs from the ERP's available.
 * A SKU the ERP stocks elsewhere but not at a location should be 0 there.
 */
async function mismatches(): Promise<Mismatch[]> {
  const bc = await bcLevels();
  const erp = new Map((await erpRows()).map((r) => [`${r.code}|${r.sku}`, r.available]));
  const erpSkus = new Set([...erp.keys()].map((k) => k.split('|')[1]));
  const erpCodes = new Set([...erp.keys()].map((k) => k.split('|')[0]));
  const found: Mismatch[] = [];
  for (const [key, level] of bc) {
    const [code = '', sku = ''] = key.split('|');
    if (!erpSkus.has(sku) || !erpCodes.has(code)) continue;
    const wanted = erp.get(key) ?? 0;
    if (level.availableToSell !== wanted) found.push({ key, locationId: level.locationId, variantId: level.variantId, bigcommerce: level.availableToSell, erp: wanted });
  }
  return found;
}

/** Rows at a location with stock to move, none used by an earlier test. */
async function freshRows(code: string, count: number): Promise<ErpRow[]> {
  const rows = (await erpRows('l.externalid = $1 AND iil.quantityavailable > 0', [code])).filter((r) => !used.has(r.sku)).slice(0, count);
  if (rows.length < count) throw new Error(`only ${rows.length} stocked rows at ${code}`);
  for (const row of rows) used.add(row.sku);
  return rows;
}

async function inventoryEvents(): Promise<{ locationIds: number[]; variantIds: number[] }[]> {
  return (await world.ctx.events.recent(1000)).flatMap((e) => (e.type === 'inventory-changed' ? [e] : []));
}

describe('inventory sync', () => {
  it('a first full sync makes BigCommerce’s available-to-sell equal the ERP’s available, sending only the differences', async () => {
    const before = await mismatches();
    expect(before.length, 'the emulator must start out of step with BigCommerce').toBeGreaterThan(0);
    // The seeded drift raises on-hand, and on-hand is not what BigCommerce sells: only available counts.
    const erp = await erpRows();
    expect(erp.some((r) => r.onhand !== r.available)).toBe(true);

    adjustments.length = 0;
    const stats = await syncInventory(world.ctx, { full: true });

    expect(await mismatches()).toEqual([]);
    // BigCommerce was read back first, so exactly the differing levels went out.
    expect(stats.changed).toBe(before.length);
    expect(stats.deadLettered).toBe(0);
    expect(stats.examined).toBe(erp.length);
    // One request per location with differences (each well under 2,000 items), one location per request.
    const locations = new Set(before.map((m) => m.locationId));
    expect(adjustments.length).toBe(locations.size);
    expect(stats.batches).toBe(adjustments.length);
    for (const items of adjustments) {
      expect(items.length).toBeLessThanOrEqual(2_000);
      expect(new Set(items.map((i) => i.location_id)).size).toBe(1);
    }
    // The cache layer heard about every changed variant, per location.
    const events = await inventoryEvents();
    expect(new Set(events.flatMap((e) => e.locationIds))).toEqual(locations);
    expect(new Set(events.flatMap((e) => e.variantIds))).toEqual(new Set(before.map((m) => m.variantId)));
  });

  it('a second run finds nothing to send', async () => {
    adjustments.length = 0;
    const full = await syncInventory(world.ctx, { full: true });
    const delta = await syncInventory(world.ctx);
    expect(delta.mode).toBe('delta');
    for (const stats of [full, delta]) {
      expect(stats.changed).toBe(0);
      expect(stats.deleted).toBe(0);
      expect(stats.batches).toBe(0);
    }
    expect(adjustments).toEqual([]);
  });

  it('a stock change in the ERP reaches BigCommerce in a delta run with exactly one adjustment request', async () => {
    const [row] = await freshRows('DAL-BR', 1);
    if (!row) throw new Error('no row');
    await world.ns.admin.setStock({ sku: row.sku, location: row.code, onHand: row.onhand + 5 });
    const [after] = await erpRows('UPPER(i.itemid) = $1 AND l.externalid = $2', [row.sku, row.code]);
    expect(after?.available).not.toBe(row.available);
    const key = `${row.code}|${row.sku}`;

    // A dry run reports the change and sends nothing.
    adjustments.length = 0;
    const dry = await syncInventory(world.ctx, { dryRun: true });
    expect(dry.changed).toBe(1);
    expect(adjustments).toEqual([]);
    expect((await bcLevels()).get(key)?.availableToSell).toBe(row.available);

    const stats = await syncInventory(world.ctx);
    expect(stats.mode).toBe('delta');
    expect(stats.changed).toBe(1);
    expect(adjustments.length).toBe(1);
    const level = (await bcLevels()).get(key);
    expect(level?.availableToSell).toBe(after?.available);
    expect(adjustments[0]).toEqual([
      expect.objectContaining({ location_id: level?.locationId, quantity: after?.available }),
    ]);
    const last = (await inventoryEvents()).at(-1);
    expect(last?.locationIds).toEqual([level?.locationId]);
    expect(last?.variantIds).toEqual([level?.variantId]);
  });

  it('splits adjustments into batches of the configured size and resumes a killed run without resending what landed', async () => {
    await expect(syncInventory(world.ctx, { batchSize: 2_001 })).rejects.toThrow(RangeError);
    const batchSize = 3;
    const rows = await freshRows('CHI-DC', 8);
    for (const [index, row] of rows.entries()) await world.ns.admin.setStock({ sku: row.sku, location: row.code, onHand: row.onhand + 3 + index });
    const after = await erpRows(`l.externalid = 'CHI-DC' AND UPPER(i.itemid) = ANY($1)`, [rows.map((r) => r.sku)]);
    const changed = after.filter((a) => rows.find((r) => r.sku === a.sku)?.available !== a.available).length;
    expect(changed).toBeGreaterThan(batchSize);

    // The process dies on its second request: the first landed and was confirmed.
    adjustments.length = 0;
    killAfter = 1;
    try {
      await expect(syncInventory(world.ctx, { batchSize })).rejects.toThrow('process killed');
    } finally {
      killAfter = null;
    }
    expect(adjustments.length).toBe(1);
    expect(adjustments[0]?.length).toBe(batchSize);

    adjustments.length = 0;
    const resumed = await syncInventory(world.ctx, { batchSize });
    expect(resumed.changed).toBe(changed - batchSize);
    expect(adjustments.length).toBe(Math.ceil((changed - batchSize) / batchSize));
    expect(resumed.batches).toBe(adjustments.length);
    for (const items of adjustments) expect(items.length).toBeLessThanOrEqual(batchSize);
    expect(await mismatches()).toEqual([]);
  });

  it('an unknown location or SKU is dead-lettered with a reason and the rest syncs', async () => {
    // An ERP branch BigCommerce has no location for, and a SKU renamed in BigCommerce (common onboarding slips).
    await world.ns.sql(`INSERT INTO location (id, name, externalid) VALUES (99, 'Phoenix Branch', 'PHX-BR')`);
    const [atNewBranch, renamed, good] = await freshRows('TOR-BR', 3);
    if (!atNewBranch || !renamed || !good) throw new Error('no rows');
    await world.ns.admin.setStock({ sku: atNewBranch.sku, location: 'PHX-BR', onHand: 9 });
    const level = (await bcLevels()).get(`TOR-BR|${renamed.sku}`);
    const rename = await bcFetch(`/v3/catalog/products/${level?.productId}/variants/${level?.variantId}`, { method: 'PUT', body: JSON.stringify({ sku: `${renamed.sku}-OLD` }) });
    expect(rename.status).toBe(200);
    await world.ns.admin.setStock({ sku: renamed.sku, location: 'TOR-BR', onHand: renamed.onhand + 4 });
    await world.ns.admin.setStock({ sku: good.sku, location: 'TOR-BR', onHand: good.onhand + 4 });
    const before = await world.ctx.deadLetters.size();

    const stats = await syncInventory(world.ctx);
    expect(stats.deadLettered).toBe(2);
    const letters = (await world.ctx.deadLetters.list()).filter((l) => l.flow === 'inventory');
    expect(letters.length).toBe(before + 2);
    expect(letters.some((l) => l.reason.includes('"PHX-BR"') && l.reason.includes('no BigCommerce location'))).toBe(true);
    expect(letters.some((l) => l.reason.includes(`"${renamed.sku}"`) && l.reason.includes('no BigCommerce variant'))).toBe(true);
    const [goodAfter] = await erpRows(`UPPER(i.itemid) = $1 AND l.externalid = 'TOR-BR'`, [good.sku]);
    expect((await bcLevels()).get(`TOR-BR|${good.sku}`)?.availableToSell).toBe(goodAfter?.available);
    expect(await mismatches()).toEqual([]);
  });

  it('a full run zeroes stock the ERP no longer holds at a location', async () => {
    const [row] = await freshRows('RNO-DC', 1);
    if (!row) throw new Error('no row');
    const key = `RNO-DC|${row.sku}`;
    expect((await bcLevels()).get(key)?.availableToSell).toBeGreaterThan(0);
    await world.ns.sql(
      `DELETE FROM inventoryitemlocations WHERE item = (SELECT id FROM item WHERE UPPER(itemid) = $1) AND location = (SELECT id FROM location WHERE externalid = 'RNO-DC')`,
      [row.sku],
    );
    // A delta cannot know about a row that is gone; the full run does.
    expect((await syncInventory(world.ctx)).deleted).toBe(0);
    const stats = await syncInventory(world.ctx, { full: true });
    expect(stats.deleted).toBe(1);
    expect(stats.changed).toBe(0);
    expect((await bcLevels()).get(key)?.availableToSell).toBe(0);
    expect(await mismatches()).toEqual([]);
  });

  it('a full run zeroes a SKU the ERP discontinued everywhere, in batched absolute adjustments with an event', async () => {
    // A SKU with stock at every location: the ERP drops all of its rows (discontinued), so no row of this run
    // mentions it any more.
    const stocked = new Map<string, number>();
    for (const row of await erpRows('iil.quantityavailable > 0')) if (!used.has(row.sku)) stocked.set(row.sku, (stocked.get(row.sku) ?? 0) + 1);
    const sku = [...stocked].find(([, locations]) => locations === 4)?.[0];
    if (!sku) throw new Error('no SKU stocked at every location');
    used.add(sku);
    const before = [...(await bcLevels())].filter(([key, level]) => key.endsWith(`|${sku}`) && level.availableToSell > 0);
    expect(before.length).toBe(4);
    await world.ns.sql(`DELETE FROM inventoryitemlocations WHERE item = (SELECT id FROM item WHERE UPPER(itemid) = $1)`, [sku]);

    adjustments.length = 0;
    const stats = await syncInventory(world.ctx, { full: true });
    expect(stats.deleted).toBe(4);
    expect(stats.changed).toBe(0);
    const after = await bcLevels();
    for (const [key] of before) expect(after.get(key)?.availableToSell).toBe(0);
    // One request per location, each an absolute 0 for that variant.
    const variantId = before[0]?.[1].variantId;
    expect(adjustments.length).toBe(4);
    for (const items of adjustments) expect(items).toEqual([expect.objectContaining({ quantity: 0 })]);
    discontinued = { sku, levels: before.map(([, level]) => level) };
    const zeroed = (await inventoryEvents()).filter((e) => e.variantIds.includes(variantId ?? -1));
    expect(new Set(zeroed.flatMap((e) => e.locationIds))).toEqual(new Set(before.map(([, level]) => level.locationId)));
    // Nothing left to do, and a product only BigCommerce sells (the SKU renamed earlier) kept its stock.
    expect((await syncInventory(world.ctx, { full: true })).deleted).toBe(0);
  });

  async function changeStock(code: string, count: number): Promise<number> {
    const rows = await freshRows(code, count);
    for (const row of rows) await world.ns.admin.setStock({ sku: row.sku, location: code, onHand: row.onhand + 11 });
    return rows.length;
  }

  /** Drift as a fresh process would see it: BigCommerce read back, nothing taken from the hash store. */
  async function readBackDrift(): Promise<number> {
    const stats = await syncInventory(world.ctx, { full: true, dryRun: true, readBack: true });
    return stats.changed + stats.deleted;
  }

  it('a 429 storm is a pause, not a failure: the run completes and nothing drifts', async () => {
    const changed = await changeStock('CHI-DC', 6);
    // A 1 s quota window, so each storm 429 (which says "wait for the window reset") costs about a second.
    await fetch(`${world.bc.bigcommerce.url}/__sandbox/rate-limit`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enabled: true, quota: 10_000, windowMs: 1_000 }) });
    await setFaults(world, { pathPrefix: '/v3/inventory', storm429Requests: 8 });
    try {
      const stats = await syncInventory(world.ctx);
      expect(stats.changed).toBe(changed);
      expect(stats.rateLimited).toBeGreaterThanOrEqual(8);
    } finally {
      await setFaults(world, null);
    }
    expect(await mismatches()).toEqual([]);
    expect(await readBackDrift()).toBe(0);
  }, 60_000);

  it('a 20% rate of 5xx answers is retried through: nothing drifts', async () => {
    // What a run costs in reads when nothing fails and nothing changed: the baseline the retries show up against.
    const readCalls = (await syncInventory(world.ctx)).apiCalls;
    const changed = (await changeStock('DAL-BR', 6)) + (await changeStock('RNO-DC', 6));
    await setFaults(world, { pathPrefix: '/v3/inventory', error5xxRatio: 0.2, error5xxStatus: 503, seed: 9 });
    try {
      // Small batches, so the run makes enough requests for the failures to land on writes too.
      const stats = await syncInventory(world.ctx, { batchSize: 2 });
      expect(stats.changed).toBe(changed);
      expect(stats.apiCalls, 'some answers must have been 503s that were retried').toBeGreaterThan(readCalls + stats.batches);
    } finally {
      await setFaults(world, null);
    }
    expect(await mismatches()).toEqual([]);
    expect(await readBackDrift()).toBe(0);
  }, 60_000);

  it('reconcile reports drift made behind the sync’s back per location with sample levels, and --fix repairs it', async () => {
    expect((await reconcileInventory(world.ctx, { fix: true })).remaining).toBe(0);
    const [edited, other] = await freshRows('DAL-BR', 2);
    if (!edited || !other) throw new Error('no rows');
    const levels = await bcLevels();
    const target = levels.get(`DAL-BR|${edited.sku}`);
    const second = levels.get(`DAL-BR|${other.sku}`);
    if (!target || !second) throw new Error('levels missing');
    // Someone sets two levels by hand in the control panel.
    await setBcStock([target, second], 999);

    const report = await reconcileInventory(world.ctx);
    expect(report).toMatchObject({ found: 2, remaining: 2, fixed: false });
    const location = report.locations.find((l) => l.code === 'DAL-BR');
    expect(location).toMatchObject({ locationId: target?.locationId, toAdjust: 2, toZero: 0 });
    expect(location?.samples).toEqual(
      expect.arrayContaining([
        { sku: expect.stringMatching(new RegExp(`^${edited.sku}$`, 'i')), variantId: target?.variantId, bigcommerce: 999, erp: edited.available },
        { sku: expect.stringMatching(new RegExp(`^${other.sku}$`, 'i')), variantId: second?.variantId, bigcommerce: 999, erp: other.available },
      ]),
    );
    expect(report.locations.filter((l) => l.code !== 'DAL-BR').every((l) => l.toAdjust + l.toZero === 0)).toBe(true);

    const fixed = await reconcileInventory(world.ctx, { fix: true });
    expect(fixed).toMatchObject({ found: 2, remaining: 0, fixed: true });
    expect(await mismatches()).toEqual([]);
  });

  it('reconcile counts stock of a discontinued SKU as drift to zero', async () => {
    // The SKU discontinued above has no ERP rows left; someone puts stock back on it in BigCommerce.
    const level = discontinued?.levels[0];
    if (!level) throw new Error('the discontinued-SKU test did not run');
    await setBcStock([level], 5);
    const report = await reconcileInventory(world.ctx);
    expect(report.found).toBe(1);
    expect(report.locations.find((l) => l.locationId === level.locationId)).toMatchObject({ toAdjust: 0, toZero: 1, samples: [expect.objectContaining({ variantId: level.variantId, bigcommerce: 5, erp: 0 })] });
    expect(await reconcileInventory(world.ctx, { fix: true })).toMatchObject({ found: 1, remaining: 0 });
  });

  it('a full run zeroes what the sync put at a location the ERP no longer lists anything at', async () => {
    const before = [...(await bcLevels())].filter(([key, level]) => key.startsWith('TOR-BR|') && level.availableToSell > 0);
    expect(before.length).toBeGreaterThan(0);
    await world.ns.sql(`DELETE FROM inventoryitemlocations WHERE location = (SELECT id FROM location WHERE externalid = 'TOR-BR')`);
    const stats = await syncInventory(world.ctx, { full: true });
    // Everything at TOR-BR that is the ERP's goes to 0 (the renamed product, only BigCommerce's now, keeps its stock).
    const after = await bcLevels();
    const left = before.filter(([key]) => (after.get(key)?.availableToSell ?? 0) > 0).map(([key]) => key);
    expect(left.every((key) => key.endsWith('-OLD'))).toBe(true);
    expect(stats.deleted).toBe(before.length - left.length);
  });
});
