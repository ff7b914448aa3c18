import { z } from 'zod';
import { isBigCommerceApiError } from '../../../lib/bigcommerce/rest';
import type { SyncContext } from '../../context';
import { contentHash, hashOfStoredRecord, recordKey, toBatchRow, type DesiredRecord } from './price-record';

/** BigCommerce's documented maximum per batch upsert (price_lists.v3.yml). */
export const MAX_RECORDS_PER_UPSERT = 1_000;
/** Delete filters go in the query string; keep URLs well under common limits. */
const MAX_VARIANTS_PER_DELETE = 200;

export interface PushTotals {
  examined: number;
  changed: number;
  deleted: number;
  deadLettered: number;
  upserts: number;
}

/**
 * Sends one price list's changed records to BigCommerce, in batches of ≤ 1,000, and remembers what BigCommerce
 * confirmed. Comparison is by content hash against the hash store, so an unchanged record costs nothing; a
 * confirmed batch's hashes are written the moment it lands, which is what makes a killed run resumable: the next
 * run finds those rows unchanged and sends only the rest.
 */
export class PriceListPusher {
  private pendingCompare: DesiredRecord[] = [];
  private pendingSend: DesiredRecord[] = [];
  private readonly seen = new Set<string>();
  /** Currencies this list holds records in (from the hash store), loaded the first time a delta replaces a row. */
  private held: Set<string> | null = null;
  readonly totals: PushTotals = { examined: 0, changed: 0, deleted: 0, deadLettered: 0, upserts: 0 };

  constructor(
    private readonly ctx: SyncContext,
    readonly priceListId: number,
    readonly dryRun: boolean,
  ) {}

  private get hashKey(): string {
    return this.ctx.keys.priceRecordHashes(this.priceListId);
  }

  /**
   * If the hash store knows nothing about this list (first run, or Redis was flushed), read the list back from
   * BigCommerce so the first run sends only real differences instead of every record.
   */
  async bootstrapFromBigCommerce(force = false): Promise<number> {
    if (!force && (await this.ctx.redis.exists(this.hashKey)) === 1) return 0;
    const stored = z.looseObject({
      variant_id: z.number(),
      currency: z.string(),
      price: z.number(),
      bulk_pricing_tiers: z.array(z.looseObject({ quantity_min: z.number(), quantity_max: z.number().nullish(), type: z.string(), amount: z.number() })).nullish(),
    });
    const fields: string[] = [];
    for await (const record of this.ctx.rest.paginateV3(`/v3/pricelists/${this.priceListId}/records`, stored, { include: ['bulk_pricing_tiers'] })) {
      fields.push(recordKey(record.variant_id, record.currency), hashOfStoredRecord(record));
    }
    if (force) await this.ctx.redis.del(this.hashKey);
    if (fields.length > 0) await this.ctx.redis.hset(this.hashKey, ...fields);
    return fields.length / 2;
  }

  /** Counts a record as present without sending it, so a full run keeps BigCommerce's current value. */
  keep(variantId: number, currency: string): void {
    this.seen.add(recordKey(variantId, currency));
  }

  async add(record: DesiredRecord): Promise<void> {
    this.totals.examined++;
    this.seen.add(recordKey(record.variantId, record.currency));
    this.held?.add(record.currency);
    this.pendingCompare.push(record);
    if (this.pendingCompare.length >= MAX_RECORDS_PER_UPSERT) await this.compare();
  }

  /** Flushes everything buffered. With `deleteUnseen`, removes records BigCommerce has that the ERP no longer does. */
  async finish(deleteUnseen: boolean): Promise<void> {
    await this.compare();
    while (this.pendingSend.length > 0) await this.sendBatch();
    if (deleteUnseen) await this.deleteUnseen();
  }

  /**
   * A delta row is its SKU's complete matrix: removes the variant's records in every currency this list holds
   * except `keep` (lower-case), whichever currencies the rest of the run happens to mention.
   */
  async keepOnly(variant: { variantId: number; productId: number }, keep: ReadonlySet<string>): Promise<void> {
    const dropped = [...(await this.heldCurrencies())].filter((currency) => !keep.has(currency));
    const records = dropped.map((currency) => ({ ...variant, currency, key: recordKey(variant.variantId, currency) }));
    const known = await this.knownKeys(records.map((r) => r.key));
    await this.deleteKeys(records.filter((r) => known.has(r.key)));
  }

  /**
   * One pass over the hash store's field names per run (HSCAN: lists can hold a million records), so a removed
   * currency is found even when no other row of the run is priced in it.
   */
  private async heldCurrencies(): Promise<Set<string>> {
    if (this.held) return this.held;
    const held = new Set<string>();
    let cursor = '0';
    do {
      const [next, flat] = await this.ctx.redis.hscan(this.hashKey, cursor, 'COUNT', 1000);
      cursor = next;
      for (let i = 0; i < flat.length; i += 2) held.add((flat[i] ?? '').split(':')[1] ?? '');
    } while (cursor !== '0');
    held.delete('');
    this.held = held;
    return held;
  }

  private async compare(): Promise<void> {
    const batch = this.pendingCompare;
    this.pendingCompare = [];
    if (batch.length === 0) return;
    const stored = await this.ctx.redis.hmget(this.hashKey, ...batch.map((r) => recordKey(r.variantId, r.currency)));
    batch.forEach((record, index) => {
      if (stored[index] !== contentHash(record)) this.pendingSend.push(record);
    });
    while (this.pendingSend.length >= MAX_RECORDS_PER_UPSERT) await this.sendBatch();
  }

  private async sendBatch(): Promise<void> {
    const batch = this.pendingSend.splice(0, MAX_RECORDS_PER_UPSERT);
    if (batch.length === 0) return;
    this.totals.upserts++;
    if (this.dryRun) {
      this.totals.changed += batch.length;
      return;
    }
    let refused = new Map<DesiredRecord, unknown>();
    try {
      await this.ctx.rest.put(`/v3/pricelists/${this.priceListId}/records`, batch.map(toBatchRow));
    } catch (error) {
      // 422 in non-strict mode: the listed rows failed, every other row of the batch was applied.
      if (!isBigCommerceApiError(error) || error.body.shape !== 'price_list_batch') throw error;
      refused = refusedRows(batch, error.body.value.batch_errors);
    }
    const landed = batch.filter((r) => !refused.has(r));
    const failed = batch.filter((r) => refused.has(r));
    if (landed.length > 0) {
      await this.ctx.redis.hset(this.hashKey, ...landed.flatMap((r) => [recordKey(r.variantId, r.currency), contentHash(r)]));
      await this.ctx.events.publish({
        type: 'price-list-changed',
        priceListId: this.priceListId,
        productIds: [...new Set(landed.map((r) => r.productId))],
        variantIds: landed.map((r) => r.variantId),
      });
    }
    this.totals.changed += landed.length;
    if (failed.length > 0) {
      this.totals.deadLettered += failed.length;
      await this.ctx.deadLetters.add(
        failed.map((record) => ({
          flow: 'prices',
          reason: `BigCommerce refused the price of ${record.sku} (${record.currency.toUpperCase()}) in price list ${this.priceListId}: see details for the field errors`,
          payload: { priceListId: this.priceListId, record },
          details: refused.get(record),
        })),
      );
    }
  }

  private async knownKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const hashes = await this.ctx.redis.hmget(this.hashKey, ...keys);
    return new Set(keys.filter((_, index) => hashes[index] !== null));
  }

  private async deleteUnseen(): Promise<void> {
    const unseen: { key: string; variantId: number; productId: number; currency: string }[] = [];
    for (const key of await this.ctx.redis.hkeys(this.hashKey)) {
      if (this.seen.has(key)) continue;
      const [variant, currency = ''] = key.split(':');
      unseen.push({ key, variantId: Number(variant), productId: 0, currency });
    }
    await this.deleteKeys(unseen);
  }

  private async deleteKeys(records: { key: string; variantId: number; productId: number; currency: string }[]): Promise<void> {
    const byCurrency = new Map<string, typeof records>();
    for (const record of records) byCurrency.set(record.currency, [...(byCurrency.get(record.currency) ?? []), record]);
    for (const [currency, group] of byCurrency) {
      for (let start = 0; start < group.length; start += MAX_VARIANTS_PER_DELETE) {
        const chunk = group.slice(start, start + MAX_VARIANTS_PER_DELETE);
        this.totals.deleted += chunk.length;
        if (this.dryRun) continue;
        await this.ctx.rest.del(`/v3/pricelists/${this.priceListId}/records`, {
          query: { 'variant_id:in': chunk.map((r) => r.variantId), currency },
        });
        await this.ctx.redis.hdel(this.hashKey, ...chunk.map((r) => r.key));
        await this.ctx.events.publish({
          type: 'price-list-changed',
          priceListId: this.priceListId,
          productIds: [...new Set(chunk.map((r) => r.productId).filter((id) => id > 0))],
          variantIds: chunk.map((r) => r.variantId),
        });
      }
    }
  }
}

type BatchError = { data?: { variant_id?: number; sku?: string; currency?: string }; field_errors?: Record<string, unknown> };

/**
 * Which rows of a batch a 422 names. BigCommerce identifies a row by variant id or by SKU, with or without the
 * currency. An error that matches no row makes the whole batch unconfirmed (all rows dead-lettered with the
 * errors), because treating an unidentified refusal as "landed" would record a price BigCommerce never took.
 */
export function refusedRows(batch: DesiredRecord[], errors: BatchError[]): Map<DesiredRecord, unknown> {
  const refused = new Map<DesiredRecord, unknown>();
  for (const error of errors) {
    const { variant_id: variantId, sku, currency } = error.data ?? {};
    const matches = batch.filter(
      (r) =>
        (variantId !== undefined ? r.variantId === variantId : sku !== undefined && r.sku.toUpperCase() === sku.toUpperCase()) &&
        (currency === undefined || r.currency === currency.toLowerCase()),
    );
    if (matches.length === 0) return new Map(batch.map((r) => [r, { unidentifiedBatchErrors: errors }]));
    for (const row of matches) refused.set(row, error.field_errors ?? error);
  }
  return refused;
}
