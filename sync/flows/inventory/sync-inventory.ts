import { z } from 'zod';
import type { SyncContext } from '../../context';
import type { InventoryLevel, Watermark } from '../../erp/erp';
import { formatIssue } from '../../erp/errors';
import type { DeadLetter } from '../../state/dead-letters';
import type { RunStats } from '../../state/flow-stats';
import { loadCatalogIndex, normaliseSku, type VariantRef } from '../catalog-index';
import { withFlowLock } from '../flow-lock';
import { startRun, total } from '../run-recorder';
import { ErpStockedSkus } from './erp-stocked';
import { FLOW, LocationPusher, MAX_ITEMS_PER_ADJUSTMENT, type LevelDiff, type LocationTotals, type ZeroCandidates } from './location-pusher';

export interface InventorySyncOptions {
  /** Re-read every ERP level (not only changes since the watermark) and zero what the ERP no longer stocks. */
  full?: boolean;
  /** Compute and report, write nothing to BigCommerce. */
  dryRun?: boolean;
  /** Re-read every location from BigCommerce before comparing (reconciliation: trust nothing remembered). */
  readBack?: boolean;
  /** Items per adjustment request, 1 … 2,000 (default 2,000). Smaller only to bound a request's blast radius. */
  batchSize?: number;
  /** How many differing levels per location to keep as examples for `onLocationTotals` (default 0). */
  samplesPerLocation?: number;
  /** Called with each location's totals when the run ends (reconciliation reports per location). */
  onLocationTotals?: (locationId: number, locationCode: string, totals: LocationTotals, samples: LevelDiff[]) => void;
}

/** BigCommerce rejects more than this per item and location (inventory-adjustments.mdx). */
const MAX_UNITS = 2_147_483_647;
/** How many SKUs a dead letter for an unmapped location lists as examples. */
const SAMPLE_SKUS = 20;

const locationSchema = z.looseObject({ id: z.number(), code: z.string() });
const productTrackingSchema = z.looseObject({ id: z.number(), inventory_tracking: z.string() });

/**
 * ERP per-location inventory → BigCommerce inventory. What a buyer may buy is the ERP's `available` (on hand minus
 * what is committed to orders), never its on-hand, so BigCommerce's on-hand at the location is set to `available`
 * by absolute adjustment (BigCommerce subtracts a safety stock, if a merchant configured one, on top). ERP location
 * codes map to BigCommerce locations by `code`, SKUs to variants. Delta by content: a level is sent only when it
 * differs from what BigCommerce last confirmed (one Redis hash per location).
 */
export async function syncInventory(ctx: SyncContext, options: InventorySyncOptions = {}): Promise<RunStats> {
  return withFlowLock(ctx, FLOW, () => run(ctx, options));
}

async function run(ctx: SyncContext, options: InventorySyncOptions): Promise<RunStats> {
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? MAX_ITEMS_PER_ADJUSTMENT;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_ITEMS_PER_ADJUSTMENT) {
    throw new RangeError(`inventory batchSize must be an integer from 1 to ${MAX_ITEMS_PER_ADJUSTMENT}; got ${batchSize}`);
  }
  const recorder = startRun(ctx, FLOW, dryRun);
  const since = options.full ? null : await ctx.redis.hget(ctx.keys.watermarks, FLOW);
  const full = !since;
  const read = await ctx.erp.readInventory(since ? { since: since as Watermark } : {});
  const letters = new DeadLetterBuffer();
  for (const issue of read.rejected ?? []) letters.add({ flow: FLOW, reason: `ERP stock row refused: ${formatIssue(issue)}`, payload: issue });

  const locations = await loadLocations(ctx);
  const catalog = await loadCatalogIndex(ctx);
  const tracking = await loadTracking(ctx);
  const variantsPerProduct = new Map<number, number>();
  const byVariantId = new Map<number, VariantRef>();
  for (const variant of catalog.values()) {
    variantsPerProduct.set(variant.productId, (variantsPerProduct.get(variant.productId) ?? 0) + 1);
    byVariantId.set(variant.variantId, variant);
  }
  /** How stock of a variant is addressed in an adjustment, or why it cannot be. */
  const stockTarget = (variant: VariantRef): { byProduct: boolean } | { refused: string } => {
    const mode = tracking.get(variant.productId);
    if (mode === 'none') {
      return { refused: `BigCommerce product ${variant.productId} (SKU ${variant.sku}) does not track inventory: set its inventory tracking to "product" or "variant" so the storefront shows ERP stock` };
    }
    if (mode !== 'product') return { byProduct: false };
    if ((variantsPerProduct.get(variant.productId) ?? 0) > 1) {
      return { refused: `BigCommerce product ${variant.productId} tracks stock for the whole product, but the ERP stocks its variant ${variant.sku} separately: switch the product to variant tracking` };
    }
    return { byProduct: true };
  };

  const pushers = new Map<number, LocationPusher>();
  const pusherFor = async (location: { id: number; code: string }): Promise<LocationPusher> => {
    let pusher = pushers.get(location.id);
    if (!pusher) {
      pusher = new LocationPusher(ctx, location.id, location.code, dryRun, batchSize, options.samplesPerLocation);
      await pusher.bootstrapFromBigCommerce(options.readBack ?? false);
      pushers.set(location.id, pusher);
    }
    return pusher;
  };
  /** SKUs (normalised) the ERP lists somewhere in this read. */
  const erpSkus = new Set<string>();
  const erpStocked = new ErpStockedSkus(ctx);

  let examined = 0;
  for await (const row of read.rows) {
    examined++;
    const location = locations.get(row.locationCode);
    if (!location) {
      letters.unknownLocation(row);
      continue;
    }
    const variant = catalog.get(normaliseSku(row.sku));
    if (!variant) {
      letters.unknownSku(row);
      continue;
    }
    const target = stockTarget(variant);
    if ('refused' in target) {
      letters.add({ flow: FLOW, reason: `ERP stock for ${row.sku} at ${row.locationCode} cannot be applied: ${target.refused}`, payload: row });
      continue;
    }
    // A fractional ERP quantity (a unit-of-measure mismatch) sells only the whole units: never oversell.
    const quantity = Math.floor(Math.max(0, row.available));
    if (!Number.isSafeInteger(quantity) || quantity > MAX_UNITS) {
      letters.add({ flow: FLOW, reason: `ERP available ${row.available} for ${row.sku} at ${row.locationCode} is beyond BigCommerce's ${MAX_UNITS} units per item and location: correct it in the ERP`, payload: row });
      continue;
    }
    erpSkus.add(normaliseSku(row.sku));
    const pusher = await pusherFor(location);
    if (pusher.seen.has(variant.variantId)) {
      letters.add({
        flow: FLOW,
        reason: `ERP lists SKU ${variant.sku} twice at ${row.locationCode} (SKUs differing only in case or spaces map to one BigCommerce variant): merge or rename the ERP items; the first row was kept`,
        payload: row,
      });
      continue;
    }
    await pusher.add({ variantId: variant.variantId, productId: variant.productId, sku: variant.sku, quantity, byProduct: target.byProduct });
  }

  if (!dryRun) await erpStocked.add(erpSkus);

  // Only a full read says what the ERP no longer stocks at a location; a delta lists changes only. The ERP's stock
  // is what it lists now or has ever listed (a discontinued SKU has no rows anywhere any more); stock of products
  // only BigCommerce knows is not the ERP's to zero.
  const zeroable: ZeroCandidates = async (variantIds) => {
    const variants = variantIds.flatMap((id) => byVariantId.get(id) ?? []);
    const earlier = await erpStocked.filter(variants.map((v) => normaliseSku(v.sku)).filter((sku) => !erpSkus.has(sku)));
    const zero = new Map<number, { productId: number; sku: string; byProduct: boolean }>();
    for (const variant of variants) {
      const sku = normaliseSku(variant.sku);
      if (!erpSkus.has(sku) && !earlier.has(sku)) continue;
      const target = stockTarget(variant);
      if (!('refused' in target)) zero.set(variant.variantId, { productId: variant.productId, sku: variant.sku, byProduct: target.byProduct });
    }
    return zero;
  };
  if (full) {
    // A location the ERP lists nothing at any more still holds what the sync put there.
    for (const location of locations.values()) {
      if (!pushers.has(location.id) && (await ctx.redis.exists(ctx.keys.inventoryHashes(location.id))) === 1) await pusherFor(location);
    }
  }
  for (const pusher of pushers.values()) {
    await pusher.finish(full ? zeroable : undefined);
    options.onLocationTotals?.(pusher.locationId, pusher.locationCode, pusher.totals, pusher.samples);
  }
  const deadLettered = await letters.flush(ctx, dryRun);
  // Dead-lettered rows don't hold the watermark back: they wait in the DLQ, and the nightly full run re-reads them.
  if (!dryRun) await ctx.redis.hset(ctx.keys.watermarks, FLOW, read.watermark);

  const totals = [...pushers.values()].map((p) => p.totals);
  return recorder.finish(full ? 'full' : 'delta', {
    examined,
    changed: total(totals, (t) => t.changed),
    deleted: total(totals, (t) => t.deleted),
    deadLettered: deadLettered + total(totals, (t) => t.deadLettered),
    batches: total(totals, (t) => t.requests),
  });
}

/** BigCommerce location code → location. */
async function loadLocations(ctx: SyncContext): Promise<Map<string, { id: number; code: string }>> {
  const locations = new Map<string, { id: number; code: string }>();
  for await (const location of ctx.rest.paginateV3('/v3/inventory/locations', locationSchema)) locations.set(location.code, { id: location.id, code: location.code });
  return locations;
}

/** Product id → inventory_tracking (none | product | variant): it decides how an adjustment addresses the stock. */
async function loadTracking(ctx: SyncContext): Promise<Map<number, string>> {
  const tracking = new Map<number, string>();
  for await (const product of ctx.rest.paginateV3('/v3/catalog/products', productTrackingSchema, { include_fields: 'inventory_tracking' })) {
    tracking.set(product.id, product.inventory_tracking);
  }
  return tracking;
}

type Letter = Omit<DeadLetter, 'id' | 'at'>;

/**
 * Dead letters of one run. An unmapped location or SKU is one problem however many rows it has, so it becomes one
 * entry (with the row count and the rows, or a sample for a whole location) instead of flooding the queue.
 */
class DeadLetterBuffer {
  private readonly letters: Letter[] = [];
  private readonly locations = new Map<string, { rows: number; skus: string[] }>();
  private readonly skus = new Map<string, InventoryLevel[]>();

  add(letter: Letter): void {
    this.letters.push(letter);
  }

  unknownLocation(row: InventoryLevel): void {
    const entry = this.locations.get(row.locationCode) ?? { rows: 0, skus: [] };
    entry.rows++;
    if (entry.skus.length < SAMPLE_SKUS) entry.skus.push(row.sku);
    this.locations.set(row.locationCode, entry);
  }

  unknownSku(row: InventoryLevel): void {
    this.skus.set(row.sku, [...(this.skus.get(row.sku) ?? []), row]);
  }

  /** Writes the letters (a dry run only counts them) and returns how many there are. */
  async flush(ctx: SyncContext, dryRun: boolean): Promise<number> {
    for (const [code, { rows, skus }] of this.locations) {
      this.letters.push({
        flow: FLOW,
        reason: `ERP location "${code}" has ${rows} stock row(s) but no BigCommerce location has code "${code}": create the location in BigCommerce with that code (or correct the code), then run a full inventory sync`,
        payload: { locationCode: code, rows, sampleSkus: skus },
      });
    }
    for (const [sku, rows] of this.skus) {
      this.letters.push({
        flow: FLOW,
        reason: `ERP SKU "${sku}" has stock at ${rows.map((r) => r.locationCode).join(', ')} but no BigCommerce variant has that SKU: create the product or fix the SKU, then run a full inventory sync`,
        payload: rows,
      });
    }
    if (!dryRun) await ctx.deadLetters.add(this.letters);
    return this.letters.length;
  }
}
