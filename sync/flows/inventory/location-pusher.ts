import { z } from 'zod';
import { isBigCommerceApiError } from '../../../lib/bigcommerce/rest';
import type { SyncContext } from '../../context';

/** BigCommerce's documented maximum per inventory adjustment request (inventory.v3.yml, inventory-adjustments.mdx). */
export const MAX_ITEMS_PER_ADJUSTMENT = 2_000;

export const FLOW = 'inventory';

/** One variant's wanted on-hand at one BigCommerce location. */
export interface DesiredLevel {
  variantId: number;
  productId: number;
  sku: string;
  quantity: number;
  /**
   * BigCommerce refuses a variant_id adjustment for a product tracked "by product" (its stock lives on the
   * product), so such rows go out with product_id.
   */
  byProduct: boolean;
  /** Set to 0 because the ERP no longer stocks the SKU here (counted as a deletion, not a change). */
  removal?: boolean;
}

/** One level BigCommerce holds differently from the ERP, as a reconciliation reports it. */
export interface LevelDiff {
  sku: string;
  variantId: number;
  /** On hand BigCommerce holds at the location; null when it holds no stock record for the variant there. */
  bigcommerce: number | null;
  /** What the ERP says may be sold there (0: the ERP no longer stocks it there). */
  erp: number;
}

/** For variants BigCommerce holds stock of here but the ERP did not list: those whose stock must go to 0. */
export type ZeroCandidates = (variantIds: number[]) => Promise<Map<number, { productId: number; sku: string; byProduct: boolean }>>;

export interface LocationTotals {
  examined: number;
  changed: number;
  deleted: number;
  deadLettered: number;
  /** Adjustment requests sent (including the halves of a refused request). */
  requests: number;
}

const locationItemSchema = z.looseObject({
  identity: z.looseObject({ variant_id: z.number() }),
  total_inventory_onhand: z.number(),
});

/**
 * Sends one BigCommerce location's changed stock levels as absolute adjustments and remembers what BigCommerce
 * confirmed (variant id → on-hand quantity in the location's hash). A request holds one location only (the
 * documented rule: group bulk payloads by location) and at most `batchSize` ≤ 2,000 items, and requests go one at a
 * time (the rule: wait for the 200 before sending the next). A landed request's quantities are recorded at once, so
 * a run killed half-way resumes with only the rest.
 */
export class LocationPusher {
  private pendingCompare: DesiredLevel[] = [];
  private pendingSend: DesiredLevel[] = [];
  /** Variants the ERP listed at this location in this run (full runs zero the ones it no longer lists). */
  readonly seen = new Set<number>();
  readonly totals: LocationTotals = { examined: 0, changed: 0, deleted: 0, deadLettered: 0, requests: 0 };
  /** The first `sampleSize` differences found, for a drift report. */
  readonly samples: LevelDiff[] = [];

  constructor(
    private readonly ctx: SyncContext,
    readonly locationId: number,
    readonly locationCode: string,
    private readonly dryRun: boolean,
    private readonly batchSize: number,
    private readonly sampleSize = 0,
  ) {}

  private get hashKey(): string {
    return this.ctx.keys.inventoryHashes(this.locationId);
  }

  /**
   * With an empty hash store for this location (first run, flushed Redis) or `force`, read BigCommerce's on-hand
   * back so the run sends only real differences instead of every level.
   */
  async bootstrapFromBigCommerce(force = false): Promise<number> {
    if (!force && (await this.ctx.redis.exists(this.hashKey)) === 1) return 0;
    const fields: string[] = [];
    for await (const item of this.ctx.rest.paginateV3(`/v3/inventory/locations/${this.locationId}/items`, locationItemSchema)) {
      fields.push(String(item.identity.variant_id), String(item.total_inventory_onhand));
    }
    if (force) await this.ctx.redis.del(this.hashKey);
    if (fields.length > 0) await this.ctx.redis.hset(this.hashKey, ...fields);
    return fields.length / 2;
  }

  async add(level: DesiredLevel): Promise<void> {
    this.totals.examined++;
    this.seen.add(level.variantId);
    this.pendingCompare.push(level);
    if (this.pendingCompare.length >= this.batchSize) await this.compare();
  }

  /**
   * Flushes what is buffered. `zeroable` decides, for the variants BigCommerce holds stock of here that the ERP did
   * not list at this location, which must go to 0 (full runs only; see sync-inventory.ts).
   */
  async finish(zeroable?: ZeroCandidates): Promise<void> {
    await this.compare();
    if (zeroable) {
      // HSCAN, not HGETALL: a location of a large catalog holds one field per variant.
      let cursor = '0';
      do {
        const [next, flat] = await this.ctx.redis.hscan(this.hashKey, cursor, 'COUNT', 1000);
        cursor = next;
        const stocked = new Map<number, number>();
        for (let i = 0; i + 1 < flat.length; i += 2) {
          const variantId = Number(flat[i]);
          const onHand = Number(flat[i + 1]);
          if (!this.seen.has(variantId) && onHand !== 0) stocked.set(variantId, onHand);
        }
        if (stocked.size === 0) continue;
        for (const [variantId, variant] of await zeroable([...stocked.keys()])) {
          // HSCAN may return a field twice; `seen` keeps it from being queued twice.
          if (this.seen.has(variantId)) continue;
          this.seen.add(variantId);
          const level: DesiredLevel = { variantId, ...variant, quantity: 0, removal: true };
          this.sample(level, String(stocked.get(variantId)));
          this.pendingSend.push(level);
        }
      } while (cursor !== '0');
    }
    while (this.pendingSend.length > 0) await this.sendBatch(this.pendingSend.splice(0, this.batchSize));
  }

  private async compare(): Promise<void> {
    const batch = this.pendingCompare;
    this.pendingCompare = [];
    if (batch.length === 0) return;
    const stored = await this.ctx.redis.hmget(this.hashKey, ...batch.map((l) => String(l.variantId)));
    batch.forEach((level, index) => {
      const before = stored[index] ?? null;
      if (before === String(level.quantity)) return;
      this.sample(level, before);
      this.pendingSend.push(level);
    });
    while (this.pendingSend.length >= this.batchSize) await this.sendBatch(this.pendingSend.splice(0, this.batchSize));
  }

  private async sendBatch(batch: DesiredLevel[]): Promise<void> {
    if (batch.length === 0) return;
    this.totals.requests++;
    if (this.dryRun) {
      this.count(batch);
      return;
    }
    try {
      await this.ctx.rest.put('/v3/inventory/adjustments/absolute', {
        reason: 'ERP inventory sync',
        items: batch.map((l) =>
          l.byProduct
            ? { location_id: this.locationId, product_id: l.productId, quantity: l.quantity }
            : { location_id: this.locationId, variant_id: l.variantId, quantity: l.quantity },
        ),
      });
    } catch (error) {
      if (!isBigCommerceApiError(error) || error.status !== 422) throw error;
      // BigCommerce applies an adjustment all-or-nothing and names the refused items only in prose, so halve the
      // request until the refused items stand alone: the good ones land, each bad one is dead-lettered with
      // BigCommerce's own message. Costs about 2·log2(n) extra requests per bad item.
      if (batch.length === 1) return this.deadLetter(batch[0], error.message, error.body);
      const middle = Math.ceil(batch.length / 2);
      await this.sendBatch(batch.slice(0, middle));
      await this.sendBatch(batch.slice(middle));
      return;
    }
    await this.ctx.redis.hset(this.hashKey, ...batch.flatMap((l) => [String(l.variantId), String(l.quantity)]));
    await this.ctx.events.publish({
      type: 'inventory-changed',
      locationIds: [this.locationId],
      productIds: [...new Set(batch.map((l) => l.productId))],
      variantIds: batch.map((l) => l.variantId),
    });
    this.count(batch);
  }

  private sample(level: DesiredLevel, stored: string | null): void {
    if (this.samples.length >= this.sampleSize) return;
    this.samples.push({ sku: level.sku, variantId: level.variantId, bigcommerce: stored === null ? null : Number(stored), erp: level.quantity });
  }

  private count(batch: DesiredLevel[]): void {
    for (const level of batch) {
      if (level.removal) this.totals.deleted++;
      else this.totals.changed++;
    }
  }

  private async deadLetter(level: DesiredLevel | undefined, message: string, details: unknown): Promise<void> {
    if (!level) return;
    this.totals.deadLettered++;
    await this.ctx.deadLetters.add([
      {
        flow: FLOW,
        reason: `BigCommerce refused stock ${level.quantity} for ${level.sku} at location ${this.locationCode} (${this.locationId}): ${message}`,
        payload: { locationId: this.locationId, locationCode: this.locationCode, level },
        details,
      },
    ]);
  }
}
