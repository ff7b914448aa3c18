import { readInList, readIntList } from '../../http/filters';
import type { Router } from '../../http/router';
import type { Handler } from '../../http/types';
import { nowIso, type BcStore } from '../../store/store';
import type { BcLocation } from '../../store/types';
import { isObject, problem, readInventoryPage, transaction } from './problem';
import { recomputeTotals } from './stock';

export const MAX_ACTIVE_LOCATIONS = 100;
const DEFAULT_LOCATION_ID = 1;

/** `/v3/inventory/locations` per locations.v3.yml. Location 1 always exists and cannot be deleted. */
export function registerLocationRoutes(router: Router): void {
  router.get('/v3/inventory/locations', listLocations);
  router.post('/v3/inventory/locations', createLocations);
  router.put('/v3/inventory/locations', updateLocations);
  router.delete('/v3/inventory/locations', deleteLocations);
}

function boolParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name);
  return raw === null ? undefined : raw === 'true' || raw === '1';
}

const listLocations: Handler = (req, ctx) => {
  const page = readInventoryPage(req.query);
  if ('status' in page) return page;
  const ids = readIntList(req.query, 'location_id');
  if (ids.invalid) return problem(422, ids.invalid, { 'location_id:in': ids.invalid });
  const codes = readInList(req.query, 'location_code');
  const types = readInList(req.query, 'type_id');
  const isDefault = boolParam(req.query, 'is_default');
  const external = boolParam(req.query, 'managed_by_external_source');
  const active = boolParam(req.query, 'is_active');
  const visible = boolParam(req.query, 'storefront_visibility');
  const all = [...ctx.store.locations.values()]
    .filter((l) => !ids.values || ids.values.includes(l.id))
    .filter((l) => !codes || codes.includes(l.code))
    .filter((l) => !types || types.includes(l.type_id))
    .filter((l) => isDefault === undefined || (l.id === DEFAULT_LOCATION_ID) === isDefault)
    .filter((l) => external === undefined || l.managed_by_external_source === external)
    .filter((l) => active === undefined || l.enabled === active)
    .filter((l) => visible === undefined || l.storefront_visibility === visible)
    .sort((a, b) => a.id - b.id);
  const data = all.slice((page.page - 1) * page.limit, page.page * page.limit);
  const totalPages = Math.max(1, Math.ceil(all.length / page.limit));
  const link = (p: number) => `?limit=${page.limit}&page=${p}`;
  return {
    status: 200,
    body: {
      data,
      meta: {
        pagination: {
          total: all.length,
          count: data.length,
          per_page: page.limit,
          current_page: page.page,
          total_pages: totalPages,
          links: { ...(page.page > 1 ? { previous: link(page.page - 1) } : {}), current: link(page.page), ...(page.page < totalPages ? { next: link(page.page + 1) } : {}) },
        },
      },
    },
  };
};

const ADDRESS_REQUIRED = ['address1', 'city', 'state', 'zip', 'email', 'country_code'] as const;
const TYPES = new Set(['PHYSICAL', 'VIRTUAL']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field checks shared by create (all required fields) and update (only what is sent). */
function checkLocation(row: Record<string, unknown>, at: string, creating: boolean, errors: Record<string, string>): void {
  const req = (field: string) => creating && row[field] === undefined;
  if (req('label') || (row.label !== undefined && (typeof row.label !== 'string' || row.label === ''))) errors[`${at}.label`] = 'label is required';
  if (row.code !== undefined && (typeof row.code !== 'string' || row.code === '')) errors[`${at}.code`] = 'code must be a non-empty string';
  if (row.type_id !== undefined && (typeof row.type_id !== 'string' || !TYPES.has(row.type_id))) errors[`${at}.type_id`] = 'type_id must be PHYSICAL or VIRTUAL';
  if (req('time_zone') || (row.time_zone !== undefined && typeof row.time_zone !== 'string')) errors[`${at}.time_zone`] = 'time_zone is required';
  for (const flag of ['enabled', 'managed_by_external_source', 'storefront_visibility'] as const) {
    if (row[flag] !== undefined && typeof row[flag] !== 'boolean') errors[`${at}.${flag}`] = `${flag} must be a boolean`;
  }
  if (req('address')) errors[`${at}.address`] = 'address is required';
  if (row.address === undefined) return;
  if (!isObject(row.address)) {
    errors[`${at}.address`] = 'address must be an object';
    return;
  }
  const address = row.address;
  for (const field of ADDRESS_REQUIRED) {
    if ((creating || field === 'country_code') && typeof address[field] !== 'string') errors[`${at}.address.${field}`] = `${field} is required`;
  }
  if (typeof address.email === 'string' && !EMAIL.test(address.email)) errors[`${at}.address.email`] = 'email is not a valid email address';
  const geo = address.geo_coordinates;
  if (creating || geo !== undefined) {
    if (!isObject(geo) || typeof geo.latitude !== 'number' || typeof geo.longitude !== 'number' || Math.abs(geo.latitude) > 90 || Math.abs(geo.longitude) > 180) {
      errors[`${at}.address.geo_coordinates`] = 'geo_coordinates needs latitude (−90…90) and longitude (−180…180)';
    }
  }
}

function codeTaken(store: BcStore, code: string, exceptId?: number): boolean {
  return [...store.locations.values()].some((l) => l.code === code && l.id !== exceptId);
}

const createLocations: Handler = (req, ctx) => {
  const rows = req.body;
  if (!Array.isArray(rows) || rows.length === 0) return problem(422, 'Payload contains invalid fields', { body: 'a non-empty array of locations is required' });
  const errors: Record<string, string> = {};
  const seenCodes = new Set<string>();
  rows.forEach((row: unknown, i) => {
    if (!isObject(row)) return void (errors[String(i)] = 'must be an object');
    checkLocation(row, String(i), true, errors);
    if (typeof row.code === 'string' && (codeTaken(ctx.store, row.code) || seenCodes.has(row.code))) errors[`${i}.code`] = `code "${row.code}" is already used by another location`;
    if (typeof row.code === 'string') seenCodes.add(row.code);
  });
  if (Object.keys(errors).length > 0) return problem(422, 'Payload contains invalid fields', errors);
  const activeAfter = [...ctx.store.locations.values()].filter((l) => l.enabled).length + rows.filter((r: Record<string, unknown>) => r.enabled !== false).length;
  if (activeAfter > MAX_ACTIVE_LOCATIONS) return problem(422, `A store can have at most ${MAX_ACTIVE_LOCATIONS} active locations.`);
  for (const row of rows as Record<string, unknown>[]) {
    const id = ctx.store.nextId('location');
    const now = nowIso();
    const location: BcLocation = {
      id,
      code: typeof row.code === 'string' ? row.code : `LOCATION-${id}`,
      label: row.label as string,
      description: typeof row.description === 'string' ? row.description : '',
      managed_by_external_source: row.managed_by_external_source === true,
      type_id: row.type_id === 'VIRTUAL' ? 'VIRTUAL' : 'PHYSICAL',
      enabled: row.enabled !== false,
      storefront_visibility: row.storefront_visibility !== false,
      time_zone: row.time_zone as string,
      address: row.address as BcLocation['address'],
      operating_hours: isObject(row.operating_hours) ? (row.operating_hours as BcLocation['operating_hours']) : {},
      special_hours: Array.isArray(row.special_hours) ? row.special_hours : [],
      created_at: now,
      updated_at: now,
    };
    ctx.store.locations.set(id, location);
    ctx.store.emit('store/inventory/location/created', { location_id: id });
  }
  return transaction();
};

const updateLocations: Handler = (req, ctx) => {
  const rows = req.body;
  if (!Array.isArray(rows) || rows.length === 0) return problem(422, 'Payload contains invalid fields', { body: 'a non-empty array of locations is required' });
  const errors: Record<string, string> = {};
  rows.forEach((row: unknown, i) => {
    if (!isObject(row)) return void (errors[String(i)] = 'must be an object');
    if (typeof row.id !== 'number' || !ctx.store.locations.has(row.id)) errors[`${i}.id`] = `location ${String(row.id)} does not exist`;
    checkLocation(row, String(i), false, errors);
    if (typeof row.code === 'string' && typeof row.id === 'number' && codeTaken(ctx.store, row.code, row.id)) errors[`${i}.code`] = `code "${row.code}" is already used by another location`;
  });
  if (Object.keys(errors).length > 0) return problem(422, 'Payload contains invalid fields', errors);
  for (const row of rows as Record<string, unknown>[]) {
    const location = ctx.store.locations.get(row.id as number) as BcLocation;
    const { id: _id, address, ...rest } = row;
    void _id;
    Object.assign(location, rest);
    if (isObject(address)) location.address = { ...location.address, ...(address as Partial<BcLocation['address']>) };
    location.updated_at = nowIso();
    ctx.store.emit('store/inventory/location/updated', { location_id: location.id });
  }
  return transaction();
};

/** `location_id:in` is required. Deleting a location deletes its stock (documented), so catalog totals drop. */
const deleteLocations: Handler = (req, ctx) => {
  const ids = readIntList(req.query, 'location_id');
  if (ids.invalid) return problem(422, ids.invalid, { 'location_id:in': ids.invalid });
  if (!ids.values || ids.values.length === 0) return problem(422, 'location_id:in is required', { 'location_id:in': 'required' });
  const missing = ids.values.filter((id) => !ctx.store.locations.has(id));
  if (missing.length > 0) return problem(404, `Locations not found: ${missing.join(', ')}`);
  if (ids.values.includes(DEFAULT_LOCATION_ID)) {
    const label = ctx.store.locations.get(DEFAULT_LOCATION_ID)?.label ?? 'Default location';
    return problem(422, `Location canʼt be deleted. ${label} is set as a shipping origin for this store and canʼt be deleted.`);
  }
  const products: number[] = [];
  for (const id of ids.values) {
    ctx.store.locations.delete(id);
    for (const [key, level] of ctx.store.inventory) {
      if (level.location_id !== id) continue;
      ctx.store.inventory.delete(key);
      products.push(level.product_id);
    }
  }
  recomputeTotals(ctx.store, products);
  return transaction();
};

