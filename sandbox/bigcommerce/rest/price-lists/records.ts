import { readIncludes, readInList, readIntList } from '../../http/filters';
import { isResponse } from '../../http/pagination';
import { v3Error, v3NotFound } from '../../http/errors';
import type { Router } from '../../http/router';
import type { Handler, SandboxRequest } from '../../http/types';
import { BcStore } from '../../store/store';
import type { BcPriceRecord } from '../../store/types';
import { PRICE_LIST_EVENTS, recordEventData } from './events';
import { pagedList, readPaging } from './paging';
import { recordSortKey, serializeRecord, writeRecord } from './record-model';
import { CAPS, findPriceList, isCurrency, isPriceList, isRecordObject, pathId, withSlot } from './shared';
import { readValues } from './validate';

/** Record reads, filtered deletes and the single-record endpoints (batch writes live in ./batch). */
export function registerRecordRoutes(router: Router): void {
  router.get('/v3/pricelists/:price_list_id/records', (req, ctx) => withSlot(ctx, 'pricelist-records-get', CAPS.recordsGet, () => getRecords(req, ctx)));
  router.delete('/v3/pricelists/:price_list_id/records', deleteRecords);
  router.get('/v3/pricelists/:price_list_id/records/:variant_id', (req, ctx) =>
    withSlot(ctx, 'pricelist-record-variant-get', CAPS.recordByVariantGet, () => getByVariant(req, ctx)),
  );
  router.get('/v3/pricelists/:price_list_id/records/:variant_id/:currency_code', getOne);
  router.put('/v3/pricelists/:price_list_id/records/:variant_id/:currency_code', (req, ctx) =>
    withSlot(ctx, 'pricelist-record-set', CAPS.recordSet, () => setOne(req, ctx)),
  );
  router.delete('/v3/pricelists/:price_list_id/records/:variant_id/:currency_code', deleteOne);
}

const NUMERIC_FILTERS = ['price', 'sale_price', 'retail_price', 'map_price', 'calculated_price'] as const;

const getRecords: Handler = (req, ctx) => {
  const list = findPriceList(ctx, req.params.price_list_id);
  if (!isPriceList(list)) return list;
  const paging = readPaging(req.query);
  if (isResponse(paging)) return paging;
  const variantIds = readIntList(req.query, 'variant_id');
  const productIds = readIntList(req.query, 'product_id');
  const invalid = variantIds.invalid ?? productIds.invalid;
  if (invalid) return v3Error(422, invalid, { query: invalid });
  const skus = readInList(req.query, 'sku');
  const currencies = readInList(req.query, 'currency')?.map((c) => c.toLowerCase());
  const ranges = NUMERIC_FILTERS.map((field) => ({
    field,
    exact: numberParam(req.query, field),
    min: numberParam(req.query, `${field}:min`),
    max: numberParam(req.query, `${field}:max`),
  }));
  const records = [...ctx.store.recordsOf(list.id).values()]
    .filter((r) => !variantIds.values || variantIds.values.includes(r.variant_id))
    .filter((r) => !productIds.values || productIds.values.includes(r.product_id))
    .filter((r) => !skus || skus.includes(r.sku))
    .filter((r) => !currencies || currencies.includes(r.currency))
    .filter((r) => ranges.every(({ field, exact, min, max }) => inRange(r[field], exact, min, max)))
    .sort((a, b) => (recordSortKey(a) < recordSortKey(b) ? -1 : 1));
  const include = readIncludes(req.query);
  const response = pagedList(records, recordSortKey, paging);
  const body = response.body as { data: BcPriceRecord[]; meta: unknown };
  return { status: 200, body: { data: body.data.map((r) => serializeRecord(r, include)), meta: body.meta } };
};

function numberParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '' || !Number.isFinite(Number(raw))) return undefined;
  return Number(raw);
}

/** A filter on an unset optional price (null) never matches. */
function inRange(value: number | null, exact?: number, min?: number, max?: number): boolean {
  if (exact === undefined && min === undefined && max === undefined) return true;
  if (value === null) return false;
  return (exact === undefined || value === exact) && (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** Filters are optional per the spec: none deletes every record of the list. */
const deleteRecords: Handler = (req, ctx) => {
  const list = findPriceList(ctx, req.params.price_list_id);
  if (!isPriceList(list)) return list;
  const variantIds = readIntList(req.query, 'variant_id');
  if (variantIds.invalid) return v3Error(422, variantIds.invalid, { 'variant_id:in': variantIds.invalid });
  const skus = readInList(req.query, 'sku');
  const currency = req.query.get('currency')?.toLowerCase();
  const records = ctx.store.recordsOf(list.id);
  const removed: BcPriceRecord[] = [];
  for (const [key, record] of records) {
    if (variantIds.values && !variantIds.values.includes(record.variant_id)) continue;
    if (skus && !skus.includes(record.sku)) continue;
    if (currency !== undefined && record.currency !== currency) continue;
    records.delete(key);
    removed.push(record);
  }
  if (removed.length > 0) ctx.store.emit(PRICE_LIST_EVENTS.recordsDeleted, removed.map(recordEventData));
  return { status: 204 };
};

const getByVariant: Handler = (req, ctx) => {
  const list = findPriceList(ctx, req.params.price_list_id);
  if (!isPriceList(list)) return list;
  const variantId = pathId(req.params.variant_id);
  const records = [...ctx.store.recordsOf(list.id).values()].filter((r) => r.variant_id === variantId).sort((a, b) => (a.currency < b.currency ? -1 : 1));
  const include = readIncludes(req.query);
  const count = records.length;
  return {
    status: 200,
    body: {
      data: records.map((r) => serializeRecord(r, include)),
      meta: { pagination: { total: count, count, per_page: Math.max(count, 1), current_page: 1, total_pages: 1, links: { current: '?page=1' } } },
    },
  };
};

function singleTarget(req: SandboxRequest): { variantId?: number; currency: string } {
  return { variantId: pathId(req.params.variant_id), currency: (req.params.currency_code ?? '').toLowerCase() };
}

const getOne: Handler = (req, ctx) => {
  const list = findPriceList(ctx, req.params.price_list_id);
  if (!isPriceList(list)) return list;
  const { variantId, currency } = singleTarget(req);
  const record = variantId === undefined ? undefined : ctx.store.recordsOf(list.id).get(BcStore.recordKey(variantId, currency));
  if (!record) return v3NotFound('The price record was not found.');
  return { status: 200, body: { data: serializeRecord(record, readIncludes(req.query)), meta: {} } };
};

const setOne: Handler = (req, ctx) => {
  const list = findPriceList(ctx, req.params.price_list_id);
  if (!isPriceList(list)) return list;
  const { variantId, currency } = singleTarget(req);
  const variant = variantId === undefined ? undefined : ctx.store.variants.get(variantId);
  if (!variant) return v3NotFound(`Variant ${req.params.variant_id ?? ''} was not found.`);
  if (!isCurrency(currency)) return v3Error(422, 'JSON data is missing or invalid', { currency: `"${currency}" is not a valid ISO-4217 currency code` });
  if (!isRecordObject(req.body)) return v3Error(422, 'JSON data is missing or invalid', { body: 'a price record object is required' });
  const errors: Record<string, string> = {};
  const values = readValues(req.body, errors);
  // The spec marks `price` x-required for PUT.
  if (values.price === undefined && errors.price === undefined) errors.price = 'price is required';
  if (Object.keys(errors).length > 0) return v3Error(422, 'JSON data is missing or invalid', errors);
  const outcome = writeRecord(ctx.store, list.id, variant, currency, values);
  const record = ctx.store.recordsOf(list.id).get(BcStore.recordKey(variant.id, currency)) as BcPriceRecord;
  ctx.store.emit(outcome === 'created' ? PRICE_LIST_EVENTS.recordCreated : PRICE_LIST_EVENTS.recordUpdated, recordEventData(record));
  return { status: 200, body: { data: serializeRecord(record, new Set(['bulk_pricing_tiers', 'sku'])), meta: {} } };
};

const deleteOne: Handler = (req, ctx) => {
  const list = findPriceList(ctx, req.params.price_list_id);
  if (!isPriceList(list)) return list;
  const { variantId, currency } = singleTarget(req);
  const records = ctx.store.recordsOf(list.id);
  const key = variantId === undefined ? '' : BcStore.recordKey(variantId, currency);
  const record = records.get(key);
  if (record) {
    records.delete(key);
    ctx.store.emit(PRICE_LIST_EVENTS.recordDeleted, recordEventData(record));
  }
  return { status: 204 };
};
