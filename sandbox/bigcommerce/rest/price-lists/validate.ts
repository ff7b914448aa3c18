import { fromUnits4, toUnits4 } from '../../store/money';
import type { BcStore } from '../../store/store';
import type { BcBulkPricingTier, BcVariant } from '../../store/types';
import { isCurrency, isRecordObject } from './shared';

/** Price fields a record write may carry; `null` clears an optional price ("if empty … treated as not set"). */
export interface RecordValues {
  price?: number;
  sale_price?: number | null;
  retail_price?: number | null;
  map_price?: number | null;
  bulk_pricing_tiers?: BcBulkPricingTier[];
}

export interface BatchError {
  data: { price_list_id: number; variant_id?: number; sku?: string; currency?: string };
  field_errors: Record<string, string>;
}

export interface ValidRow {
  variant: BcVariant;
  currency: string;
  values: RecordValues;
}

const OPTIONAL_PRICES = ['sale_price', 'retail_price', 'map_price'] as const;
const TIER_TYPES = new Set(['fixed', 'price', 'percent']);

/** Validates the price fields shared by batch rows and the single-record PUT, writing messages into `errors`. */
export function readValues(raw: Record<string, unknown>, errors: Record<string, string>): RecordValues {
  const values: RecordValues = {};
  if (raw.price !== undefined) {
    const price = money(raw.price);
    if (price === undefined) errors.price = 'price must be a number greater than or equal to 0';
    else values.price = price;
  }
  for (const field of OPTIONAL_PRICES) {
    const value = raw[field];
    if (value === undefined) continue;
    if (value === null) {
      values[field] = null;
      continue;
    }
    const amount = money(value);
    if (amount === undefined) errors[field] = `${field} must be a number greater than or equal to 0`;
    else values[field] = amount;
  }
  if (raw.bulk_pricing_tiers !== undefined) {
    const tiers = readTiers(raw.bulk_pricing_tiers);
    if (typeof tiers === 'string') errors.bulk_pricing_tiers = tiers;
    else values.bulk_pricing_tiers = tiers;
  }
  return values;
}

/** Non-negative finite amount rounded to BigCommerce's four decimals; undefined when invalid. */
function money(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  return fromUnits4(toUnits4(value));
}

/** Tiers must be well-formed and must not overlap once sorted by `quantity_min`. */
function readTiers(value: unknown): BcBulkPricingTier[] | string {
  if (!Array.isArray(value)) return 'bulk_pricing_tiers must be an array';
  const tiers: BcBulkPricingTier[] = [];
  for (const [i, tier] of value.entries()) {
    if (!isRecordObject(tier)) return `bulk_pricing_tiers.${i} must be an object`;
    const { quantity_min: min, quantity_max: max, type, amount } = tier;
    if (typeof min !== 'number' || !Number.isInteger(min) || min < 1) return `bulk_pricing_tiers.${i}.quantity_min must be an integer of at least 1`;
    if (max !== undefined && max !== null && (typeof max !== 'number' || !Number.isInteger(max) || max < min)) {
      return `bulk_pricing_tiers.${i}.quantity_max must be null or an integer not below quantity_min`;
    }
    if (typeof type !== 'string' || !TIER_TYPES.has(type)) return `bulk_pricing_tiers.${i}.type must be one of fixed, price, percent`;
    const parsed = money(amount);
    if (parsed === undefined) return `bulk_pricing_tiers.${i}.amount must be a number greater than or equal to 0`;
    if (type === 'percent' && parsed > 100) return `bulk_pricing_tiers.${i}.amount must not exceed 100 for a percent tier`;
    tiers.push({ quantity_min: min, quantity_max: typeof max === 'number' ? max : null, type: type as BcBulkPricingTier['type'], amount: parsed });
  }
  const sorted = [...tiers].sort((a, b) => a.quantity_min - b.quantity_min);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as BcBulkPricingTier;
    const next = sorted[i] as BcBulkPricingTier;
    if (prev.quantity_max === null || next.quantity_min <= prev.quantity_max) {
      return `bulk_pricing_tiers overlap: the tier starting at ${next.quantity_min} overlaps the tier starting at ${prev.quantity_min}`;
    }
  }
  return sorted;
}

/** SKUs of products that have variants (options) but are not themselves a variant SKU: records must not use them. */
export function parentSkus(store: BcStore): Set<string> {
  const skus = new Set<string>();
  for (const product of store.products.values()) {
    if (product.options.length > 0 && !store.variantIdBySku.has(product.sku)) skus.add(product.sku);
  }
  return skus;
}

export interface RowContext {
  store: BcStore;
  priceListId: number;
  parents: Set<string>;
  /** True when a record for this variant and currency already exists (price is only required for new ones). */
  exists: (variantId: number, currency: string) => boolean;
  /** POST (create) refuses rows whose record already exists. */
  createOnly: boolean;
}

/** One batch row → a valid write, or the documented `{data, field_errors}` entry. */
export function validateRow(raw: unknown, rc: RowContext): ValidRow | BatchError {
  if (!isRecordObject(raw)) return { data: { price_list_id: rc.priceListId }, field_errors: { item: 'each item must be an object' } };
  const errors: Record<string, string> = {};
  const data: BatchError['data'] = { price_list_id: rc.priceListId };
  if (typeof raw.variant_id === 'number') data.variant_id = raw.variant_id;
  if (typeof raw.sku === 'string') data.sku = raw.sku;
  if (typeof raw.currency === 'string') data.currency = raw.currency;

  if (raw.price_list_id !== undefined && raw.price_list_id !== rc.priceListId) errors.price_list_id = 'price_list_id does not match the price list in the path';
  const variant = resolveVariant(raw, rc, errors);
  let currency: string | undefined;
  if (raw.currency === undefined) errors.currency = 'currency is required';
  else if (!isCurrency(raw.currency)) errors.currency = `currency "${String(raw.currency)}" is not a valid ISO-4217 currency code`;
  else currency = raw.currency.toLowerCase();

  const values = readValues(raw, errors);
  if (variant && currency) {
    const exists = rc.exists(variant.id, currency);
    if (rc.createOnly && exists) errors.variant_id = 'a price record for this variant and currency already exists; use PUT to update it';
    if (!exists && values.price === undefined && errors.price === undefined) errors.price = 'price is required';
  }
  if (Object.keys(errors).length > 0 || !variant || !currency) return { data, field_errors: errors };
  return { variant, currency, values };
}

function resolveVariant(raw: Record<string, unknown>, rc: RowContext, errors: Record<string, string>): BcVariant | undefined {
  const { variant_id: variantId, sku } = raw;
  if (variantId === undefined && sku === undefined) {
    errors.variant_id = 'either variant_id or sku is required';
    return undefined;
  }
  let byId: BcVariant | undefined;
  if (variantId !== undefined) {
    if (typeof variantId !== 'number' || !Number.isInteger(variantId)) errors.variant_id = 'variant_id must be an integer';
    else if (!(byId = rc.store.variants.get(variantId))) errors.variant_id = `variant ${variantId} does not exist`;
  }
  let bySku: BcVariant | undefined;
  if (sku !== undefined) {
    if (typeof sku !== 'string' || sku === '') errors.sku = 'sku must be a non-empty string';
    else if (rc.parents.has(sku)) errors.sku = `sku "${sku}" is the parent SKU of a product with variants; send records for its variant SKUs`;
    else {
      const id = rc.store.variantIdBySku.get(sku);
      bySku = id === undefined ? undefined : rc.store.variants.get(id);
      if (!bySku) errors.sku = `sku "${sku}" does not exist`;
    }
  }
  if (byId && bySku && byId.id !== bySku.id) {
    errors.sku = `sku "${bySku.sku}" belongs to variant ${bySku.id}, not variant ${byId.id}`;
    return undefined;
  }
  return errors.variant_id || errors.sku ? undefined : (byId ?? bySku);
}

export function isBatchError(value: ValidRow | BatchError): value is BatchError {
  return 'field_errors' in value;
}
