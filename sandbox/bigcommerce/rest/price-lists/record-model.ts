import { BcStore, nowIso } from '../../store/store';
import type { BcPriceRecord, BcVariant } from '../../store/types';
import type { RecordValues } from './validate';

/**
 * Writes one record (create or update) and reports which. `calculated_price` is derived as the spec's field
 * description says (sale_price when set, else price), not as its contradictory example shows.
 */
export function writeRecord(store: BcStore, priceListId: number, variant: BcVariant, currency: string, values: RecordValues): 'created' | 'updated' {
  const records = store.recordsOf(priceListId);
  const key = BcStore.recordKey(variant.id, currency);
  const existing = records.get(key);
  const now = nowIso();
  const record: BcPriceRecord = existing ?? {
    price_list_id: priceListId,
    variant_id: variant.id,
    product_id: variant.product_id,
    sku: variant.sku,
    currency: currency.toLowerCase(),
    price: 0,
    sale_price: null,
    retail_price: null,
    map_price: null,
    calculated_price: 0,
    bulk_pricing_tiers: [],
    date_created: now,
    date_modified: now,
  };
  if (values.price !== undefined) record.price = values.price;
  if (values.sale_price !== undefined) record.sale_price = values.sale_price;
  if (values.retail_price !== undefined) record.retail_price = values.retail_price;
  if (values.map_price !== undefined) record.map_price = values.map_price;
  if (values.bulk_pricing_tiers !== undefined) record.bulk_pricing_tiers = values.bulk_pricing_tiers;
  record.calculated_price = record.sale_price ?? record.price;
  record.date_modified = now;
  records.set(key, record);
  return existing ? 'updated' : 'created';
}

/**
 * The wire shape: unset optional prices are omitted (the spec types them as plain numbers, not nullable);
 * `sku` and `bulk_pricing_tiers` appear only when asked for with `include`.
 */
export function serializeRecord(record: BcPriceRecord, include: Set<string>): Record<string, unknown> {
  return {
    price_list_id: record.price_list_id,
    variant_id: record.variant_id,
    product_id: record.product_id,
    currency: record.currency,
    price: record.price,
    ...(record.sale_price !== null ? { sale_price: record.sale_price } : {}),
    ...(record.retail_price !== null ? { retail_price: record.retail_price } : {}),
    ...(record.map_price !== null ? { map_price: record.map_price } : {}),
    calculated_price: record.calculated_price,
    date_created: record.date_created,
    date_modified: record.date_modified,
    ...(include.has('sku') ? { sku: record.sku } : {}),
    ...(include.has('bulk_pricing_tiers') ? { bulk_pricing_tiers: record.bulk_pricing_tiers.map((t) => ({ ...t })) } : {}),
  };
}

/** Stable collection order (variant, then currency) and the cursor key that encodes it. */
export function recordSortKey(record: BcPriceRecord): string {
  return `${String(record.variant_id).padStart(12, '0')}:${record.currency}`;
}
