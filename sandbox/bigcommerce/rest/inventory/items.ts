import { readInList, readIntList } from '../../http/filters';
import type { Router } from '../../http/router';
import type { Handler, SandboxResponse } from '../../http/types';
import type { BcStore } from '../../store/store';
import type { BcInventoryLevel, BcLocation, BcVariant } from '../../store/types';
import { isInt, isObject, problem, readInventoryPage, transaction } from './problem';
import { ensureLevel, levelOf } from './stock';

export const SETTINGS_ITEM_LIMIT = 2000;

/** Inventory reads (all locations / one location) and per-location item settings. */
export function registerInventoryItemRoutes(router: Router): void {
  router.get('/v3/inventory/items', listItems);
  router.get('/v3/inventory/locations/:location_id/items', listLocationItems);
  router.put('/v3/inventory/locations/:location_id/items', putLocationSettings);
}

function readVariantFilters(query: URLSearchParams): { keep: (v: BcVariant) => boolean } | SandboxResponse {
  const variantIds = readIntList(query, 'variant_id');
  const productIds = readIntList(query, 'product_id');
  const invalid = variantIds.invalid ?? productIds.invalid;
  if (invalid) return problem(422, invalid, { query: invalid });
  const skus = readInList(query, 'sku');
  return {
    keep: (v) =>
      (!variantIds.values || variantIds.values.includes(v.id)) &&
      (!productIds.values || productIds.values.includes(v.product_id)) &&
      (!skus || skus.includes(v.sku)),
  };
}

function sortedVariants(store: BcStore, keep: (v: BcVariant) => boolean): BcVariant[] {
  return [...store.variants.values()].filter(keep).sort((a, b) => a.id - b.id);
}

function settingsOf(level: BcInventoryLevel | undefined) {
  return {
    safety_stock: level?.safety_stock ?? 0,
    is_in_stock: level?.is_in_stock ?? true,
    warning_level: level?.warning_level ?? 0,
    bin_picking_number: level?.bin_picking_number ?? '',
  };
}

/** available_to_sell = on hand − safety stock (never below zero). */
function stockOf(level: BcInventoryLevel | undefined) {
  const onhand = level?.total_inventory_onhand ?? 0;
  return { available_to_sell: Math.max(0, onhand - (level?.safety_stock ?? 0)), total_inventory_onhand: onhand };
}

function paged<T>(items: T[], page: number, limit: number): { status: number; body: unknown } {
  const data = items.slice((page - 1) * limit, page * limit);
  const totalPages = Math.max(1, Math.ceil(items.length / limit));
  const link = (p: number) => `?limit=${limit}&page=${p}`;
  return {
    status: 200,
    body: {
      data,
      meta: {
        pagination: {
          total: items.length,
          count: data.length,
          per_page: limit,
          current_page: page,
          total_pages: totalPages,
          links: { ...(page > 1 ? { previous: link(page - 1) } : {}), current: link(page), ...(page < totalPages ? { next: link(page + 1) } : {}) },
        },
      },
    },
  };
}

const listItems: Handler = (req, ctx) => {
  const page = readInventoryPage(req.query);
  if ('status' in page) return page;
  const filters = readVariantFilters(req.query);
  if ('status' in filters) return filters;
  const locationIds = readIntList(req.query, 'location_id');
  if (locationIds.invalid) return problem(422, locationIds.invalid, { 'location_id:in': locationIds.invalid });
  const codes = readInList(req.query, 'location_code');
  const locations = [...ctx.store.locations.values()]
    .filter((l) => (!locationIds.values || locationIds.values.includes(l.id)) && (!codes || codes.includes(l.code)))
    .sort((a, b) => a.id - b.id);
  const items = sortedVariants(ctx.store, filters.keep).map((variant) => ({
    identity: { sku: variant.sku, variant_id: variant.id, product_id: variant.product_id, sku_id: variant.sku_id ?? variant.id },
    locations: locations.map((location: BcLocation) => {
      const level = levelOf(ctx.store, location.id, variant);
      return {
        location_id: location.id,
        location_code: location.code,
        location_name: location.label,
        ...stockOf(level),
        location_enabled: location.enabled,
        settings: settingsOf(level),
      };
    }),
  }));
  return paged(items, page.page, page.limit);
};

function findLocation(store: BcStore, raw: string | undefined): BcLocation | SandboxResponse {
  const location = raw !== undefined && /^\d+$/.test(raw) ? store.locations.get(Number(raw)) : undefined;
  return location ?? problem(404, `Location with id ${raw ?? ''} not found`);
}

const listLocationItems: Handler = (req, ctx) => {
  const location = findLocation(ctx.store, req.params.location_id);
  if ('status' in location) return location;
  const page = readInventoryPage(req.query);
  if ('status' in page) return page;
  const filters = readVariantFilters(req.query);
  if ('status' in filters) return filters;
  const items = sortedVariants(ctx.store, filters.keep).map((variant) => {
    const level = levelOf(ctx.store, location.id, variant);
    return { identity: { sku: variant.sku, variant_id: variant.id, product_id: variant.product_id }, ...stockOf(level), settings: settingsOf(level) };
  });
  return paged(items, page.page, page.limit);
};

const SETTING_FIELDS = ['safety_stock', 'is_in_stock', 'warning_level', 'bin_picking_number'] as const;

const putLocationSettings: Handler = (req, ctx) => {
  const location = findLocation(ctx.store, req.params.location_id);
  if ('status' in location) return location;
  const body = req.body;
  if (!isObject(body) || !Array.isArray(body.settings)) return problem(422, 'Payload contains invalid fields', { settings: 'settings is required and must be an array' });
  const rows: unknown[] = body.settings;
  if (rows.length > SETTINGS_ITEM_LIMIT) return problem(422, `Payload contains too many items: the limit is ${SETTINGS_ITEM_LIMIT}`, { settings: `maximum ${SETTINGS_ITEM_LIMIT} items` });
  const errors: Record<string, string> = {};
  const writes: { variant: BcVariant; row: Record<string, unknown> }[] = [];
  rows.forEach((row, i) => {
    if (!isObject(row)) return void (errors[`setting.${i}`] = 'must be an object');
    const variant = resolveIdentity(ctx.store, row.identity);
    if (!variant) errors[`setting.${i}.identity`] = 'identity must name an existing sku, variant_id or product_id';
    // Message and key exactly as the spec's example.
    if (!SETTING_FIELDS.some((f) => row[f] !== undefined)) errors[`setting.${i}.settings`] = 'At least one setting must be specified: warning_level, is_in_stock or safety_stock';
    for (const field of ['safety_stock', 'warning_level'] as const) {
      if (row[field] !== undefined && (!isInt(row[field]) || (row[field] as number) < 0)) errors[`setting.${i}.${field}`] = `${field} must be a non-negative integer`;
    }
    if (row.is_in_stock !== undefined && typeof row.is_in_stock !== 'boolean') errors[`setting.${i}.is_in_stock`] = 'is_in_stock must be a boolean';
    if (row.bin_picking_number !== undefined && typeof row.bin_picking_number !== 'string') errors[`setting.${i}.bin_picking_number`] = 'bin_picking_number must be a string';
    if (variant) writes.push({ variant, row });
  });
  if (Object.keys(errors).length > 0) return problem(422, 'Payload contains invalid fields', errors);
  for (const { variant, row } of writes) {
    const level = ensureLevel(ctx.store, location.id, variant);
    if (isInt(row.safety_stock)) level.safety_stock = row.safety_stock;
    if (isInt(row.warning_level)) level.warning_level = row.warning_level;
    if (typeof row.is_in_stock === 'boolean') level.is_in_stock = row.is_in_stock;
    if (typeof row.bin_picking_number === 'string') level.bin_picking_number = row.bin_picking_number;
  }
  return transaction();
};

function resolveIdentity(store: BcStore, identity: unknown): BcVariant | undefined {
  if (!isObject(identity)) return undefined;
  if (isInt(identity.variant_id)) return store.variants.get(identity.variant_id);
  if (typeof identity.sku === 'string') {
    const id = store.variantIdBySku.get(identity.sku);
    return id === undefined ? undefined : store.variants.get(id);
  }
  if (isInt(identity.product_id)) return store.products.get(identity.product_id)?.variants[0];
  return undefined;
}
