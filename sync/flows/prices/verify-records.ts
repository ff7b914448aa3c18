import { z } from 'zod';
import type { SyncContext } from '../../context';
import { hashOfStoredRecord, recordKey } from './price-record';

const storedRecord = z.looseObject({
  variant_id: z.number(),
  currency: z.string(),
  price: z.number(),
  bulk_pricing_tiers: z.array(z.looseObject({ quantity_min: z.number(), quantity_max: z.number().nullish(), type: z.string(), amount: z.number() })).nullish(),
});

export interface RecordCheck {
  /** Lists the sync owns that were checked (others, e.g. a list someone else maintains, are not ours to repair). */
  checkedLists: number[];
  /** Records whose content in BigCommerce differs from what the sync last confirmed (edited, added or deleted). */
  drifted: { priceListId: number; key: string }[];
}

/**
 * The cheap answer to a price-list webhook: are the named records still what the sync last confirmed? Reads just
 * those records (one page per list) and compares content hashes. An echo of the sync's own write compares equal
 * and costs nothing more. A drifted record's confirmed hash is forgotten, so the next full run sends it again.
 */
export async function verifyPriceRecords(ctx: SyncContext, priceListIds: readonly number[], variantIds: readonly number[]): Promise<RecordCheck> {
  const owned = new Set(
    Object.values(await ctx.redis.hgetall(ctx.keys.pricingTargets)).map((text) => (JSON.parse(text) as { priceListId: number }).priceListId),
  );
  const check: RecordCheck = { checkedLists: [], drifted: [] };
  const wanted = new Set(variantIds);
  for (const priceListId of priceListIds.filter((id) => owned.has(id))) {
    check.checkedLists.push(priceListId);
    const hashKey = ctx.keys.priceRecordHashes(priceListId);
    const live = new Map<string, string>();
    const query = { 'variant_id:in': [...wanted].join(','), include: 'bulk_pricing_tiers', limit: 250 };
    for await (const record of ctx.rest.paginateV3(`/v3/pricelists/${priceListId}/records`, storedRecord, query)) {
      live.set(recordKey(record.variant_id, record.currency), hashOfStoredRecord(record));
    }
    // Confirmed records of these variants in any currency: the hash is keyed `variant:currency` and the store's
    // currencies are not known here, so scan it (server-side work, on webhooks for our own lists only).
    const confirmed = await confirmedRecordsOf(ctx, hashKey, wanted);
    // Gone or changed since the sync confirmed them, or present though the sync never wrote them.
    const drifted = new Set<string>();
    for (const [key, hash] of confirmed) if (live.get(key) !== hash) drifted.add(key);
    const confirmedKeys = new Set(confirmed.map(([key]) => key));
    for (const key of live.keys()) if (!confirmedKeys.has(key)) drifted.add(key);
    if (drifted.size > 0) await ctx.redis.hdel(hashKey, ...drifted);
    for (const key of drifted) check.drifted.push({ priceListId, key });
  }
  return check;
}

async function confirmedRecordsOf(ctx: SyncContext, hashKey: string, variantIds: ReadonlySet<number>): Promise<[string, string][]> {
  const found: [string, string][] = [];
  let cursor = '0';
  do {
    const [next, flat] = await ctx.redis.hscan(hashKey, cursor, 'COUNT', 10_000);
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const key = flat[i] as string;
      if (variantIds.has(Number(key.split(':')[0]))) found.push([key, flat[i + 1] as string]);
    }
    cursor = next;
  } while (cursor !== '0');
  return found;
}
