import { v3Error, v3NotFound } from '../../http/errors';
import type { Router } from '../../http/router';
import type { SandboxContext, SandboxRequest, SandboxResponse } from '../../http/types';
import { BcStore } from '../../store/store';
import { PRICE_LIST_EVENTS, recordEventData, type RecordEventData } from './events';
import { writeRecord } from './record-model';
import { CAPS, findPriceList, isPriceList, sleep, withSlot } from './shared';
import { isBatchError, parentSkus, validateRow, type BatchError, type ValidRow } from './validate';

export const UPSERT_BATCH_LIMIT = 1000;
export const CREATE_BATCH_LIMIT = 100;

/**
 * Batch record writes: `PUT` upserts ≤ 1,000 rows (the ERP sync path), `POST` creates ≤ 100.
 *
 * Outcome of a batch (BigCommerce's documented "non-strict mode"):
 * - every row valid → 200 `{data:{}, meta:{}}`;
 * - some rows invalid → **422** `{batch_errors:[{data:{price_list_id, variant_id, sku, currency}, field_errors}]}`
 *   listing only the bad rows, while the good rows of the same request **are written** (the spec: "May include
 *   errors during partial update in non-strict mode"). A client must therefore treat a 422 batch as partially
 *   applied and resend only the rows named in `batch_errors`.
 * - whole-request problems (unknown list → 404, body not an array or over the size limit → 422 with the v3
 *   error body) write nothing.
 */
export function registerBatchRoutes(router: Router): void {
  router.put('/v3/pricelists/:price_list_id/records', (req, ctx) =>
    // The slot is taken before anything else (BigCommerce rejects the excess at once) and held for the whole
    // simulated processing time, so a second upsert sent meanwhile gets 429.
    withSlot(ctx, 'pricelist-records-upsert', ctx.settings.priceListUpsertConcurrency, () => batchWrite(req, ctx, 'upsert')),
  );
  router.post('/v3/pricelists/:price_list_id/records', (req, ctx) =>
    withSlot(ctx, 'pricelist-records-create', CAPS.recordsCreate, () => batchWrite(req, ctx, 'create')),
  );
}

async function batchWrite(req: SandboxRequest, ctx: SandboxContext, mode: 'upsert' | 'create'): Promise<SandboxResponse> {
  const list = findPriceList(ctx, req.params.price_list_id);
  if (!isPriceList(list)) return list;
  const rows = req.body;
  if (!Array.isArray(rows)) return v3Error(422, 'JSON data is missing or invalid', { body: 'the request body must be an array of price records' });
  const limit = mode === 'upsert' ? UPSERT_BATCH_LIMIT : CREATE_BATCH_LIMIT;
  if (rows.length > limit) {
    // The spec documents no 413 for this operation; its error status is 422 (see the report).
    return v3Error(422, `Batch size exceeded: at most ${limit} price records per request, got ${rows.length}.`, { body: `maximum ${limit} items` });
  }
  if (rows.length === 0) return v3Error(422, 'JSON data is missing or invalid', { body: 'at least one price record is required' });

  await sleep(ctx.settings.priceListUpsertMsPerRecord * rows.length);
  // The list may have been deleted while this batch was "processing".
  if (!ctx.store.priceLists.has(list.id)) return v3NotFound(`Price list with id ${list.id} was not found.`);

  const records = ctx.store.recordsOf(list.id);
  const rc = {
    store: ctx.store,
    priceListId: list.id,
    parents: parentSkus(ctx.store),
    exists: (variantId: number, currency: string) => records.has(BcStore.recordKey(variantId, currency)),
    createOnly: mode === 'create',
  };
  const errors: BatchError[] = [];
  const created: RecordEventData[] = [];
  const updated: RecordEventData[] = [];
  for (const raw of rows) {
    const row: ValidRow | BatchError = validateRow(raw, rc);
    if (isBatchError(row)) {
      errors.push(row);
      continue;
    }
    const outcome = writeRecord(ctx.store, list.id, row.variant, row.currency, row.values);
    const event = recordEventData({ price_list_id: list.id, variant_id: row.variant.id, currency: row.currency });
    (outcome === 'created' ? created : updated).push(event);
  }
  // Batch events carry an array of identifiers, one event per kind of change.
  if (created.length > 0) ctx.store.emit(PRICE_LIST_EVENTS.recordsCreated, created);
  if (updated.length > 0) ctx.store.emit(PRICE_LIST_EVENTS.recordsUpdated, updated);
  if (errors.length > 0) return { status: 422, body: { batch_errors: errors } };
  return { status: 200, body: { data: {}, meta: {} } };
}
