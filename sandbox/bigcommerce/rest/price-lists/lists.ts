import { readIntList, readInList } from '../../http/filters';
import { isResponse } from '../../http/pagination';
import { v3Error } from '../../http/errors';
import type { Handler, SandboxResponse } from '../../http/types';
import type { Router } from '../../http/router';
import { nowIso, type BcStore } from '../../store/store';
import type { BcPriceList } from '../../store/types';
import { PRICE_LIST_EVENTS } from './events';
import { idKey, pagedList, readPaging } from './paging';
import { CAPS, findPriceList, isPriceList, isRecordObject, withSlot } from './shared';

/** `/v3/pricelists` and `/v3/pricelists/{id}`. */
export function registerPriceListCrud(router: Router): void {
  router.get('/v3/pricelists', listPriceLists);
  router.post('/v3/pricelists', createPriceList);
  router.delete('/v3/pricelists', deletePriceLists);
  router.get('/v3/pricelists/:price_list_id', (req, ctx) => {
    const list = findPriceList(ctx, req.params.price_list_id);
    return isPriceList(list) ? { status: 200, body: { data: list, meta: {} } } : list;
  });
  router.put('/v3/pricelists/:price_list_id', updatePriceList);
  router.delete('/v3/pricelists/:price_list_id', (req, ctx) =>
    withSlot(ctx, 'pricelist-delete', CAPS.listDelete, () => {
      const list = findPriceList(ctx, req.params.price_list_id);
      if (!isPriceList(list)) return list;
      removePriceList(ctx.store, list.id);
      ctx.store.emit(PRICE_LIST_EVENTS.deleted, { price_list_id: list.id });
      return { status: 204 };
    }),
  );
}

const listPriceLists: Handler = (req, ctx) => {
  const paging = readPaging(req.query);
  if (isResponse(paging)) return paging;
  const ids = readIntList(req.query, 'id');
  if (ids.invalid) return v3Error(422, ids.invalid, { 'id:in': ids.invalid });
  const name = req.query.get('name');
  const like = req.query.get('name:like')?.toLowerCase();
  const lists = [...ctx.store.priceLists.values()]
    .filter((l) => !ids.values || ids.values.includes(l.id))
    .filter((l) => name === null || l.name === name)
    .filter((l) => like === undefined || l.name.toLowerCase().includes(like))
    .filter(dateFilter(req.query, 'date_created'))
    .filter(dateFilter(req.query, 'date_modified'))
    .sort((a, b) => a.id - b.id);
  return pagedList(lists, (l) => idKey(l.id), paging);
};

/** `field:min` / `field:max` on ISO dates (string comparison is exact for same-format ISO timestamps). */
function dateFilter(query: URLSearchParams, field: 'date_created' | 'date_modified'): (list: BcPriceList) => boolean {
  const min = query.get(`${field}:min`);
  const max = query.get(`${field}:max`);
  const exact = query.get(field);
  const ms = (v: string) => Date.parse(v);
  return (list) => {
    const at = ms(list[field]);
    if (min !== null && at < ms(min)) return false;
    if (max !== null && at > ms(max)) return false;
    return exact === null || at === ms(exact);
  };
}

const createPriceList: Handler = (req, ctx) => {
  const body = req.body;
  if (!isRecordObject(body)) return v3Error(422, 'JSON data is missing or invalid', { body: 'a price list object is required' });
  const invalid = validateFields(body, true);
  if (invalid) return invalid;
  const name = body.name as string;
  if (nameTaken(ctx.store, name)) return conflict(name);
  const id = ctx.store.nextId('price_list');
  const now = nowIso();
  const list: BcPriceList = { id, name, active: typeof body.active === 'boolean' ? body.active : true, date_created: now, date_modified: now };
  ctx.store.priceLists.set(id, list);
  ctx.store.emit(PRICE_LIST_EVENTS.created, { price_list_id: id });
  // The spec documents 200 (not 201) for create.
  return { status: 200, body: { data: list, meta: {} } };
};

const updatePriceList: Handler = (req, ctx) => {
  const list = findPriceList(ctx, req.params.price_list_id);
  if (!isPriceList(list)) return list;
  const body = req.body;
  if (!isRecordObject(body)) return v3Error(422, 'JSON data is missing or invalid', { body: 'a price list object is required' });
  const invalid = validateFields(body, false);
  if (invalid) return invalid;
  if (typeof body.name === 'string' && body.name !== list.name && nameTaken(ctx.store, body.name)) return conflict(body.name);
  const wasActive = list.active;
  if (typeof body.name === 'string') list.name = body.name;
  if (typeof body.active === 'boolean') list.active = body.active;
  list.date_modified = nowIso();
  ctx.store.emit(PRICE_LIST_EVENTS.updated, { price_list_id: list.id });
  if (wasActive !== list.active) {
    ctx.store.emit(list.active ? PRICE_LIST_EVENTS.activated : PRICE_LIST_EVENTS.deactivated, { price_list_id: list.id });
  }
  return { status: 200, body: { data: list, meta: {} } };
};

/** Bulk delete by `id:in` and/or `name`. The spec makes both optional, so no filter deletes every list. */
const deletePriceLists: Handler = (req, ctx) => {
  const ids = readIntList(req.query, 'id');
  if (ids.invalid) return v3Error(422, ids.invalid, { 'id:in': ids.invalid });
  const names = readInList(req.query, 'name');
  const doomed = [...ctx.store.priceLists.values()].filter(
    (l) => (!ids.values || ids.values.includes(l.id)) && (!names || names.includes(l.name)),
  );
  for (const list of doomed) removePriceList(ctx.store, list.id);
  if (doomed.length > 0) ctx.store.emit(PRICE_LIST_EVENTS.bulkDeleted, { price_list_ids: doomed.map((l) => l.id) });
  return { status: 204 };
};

/** Deleting a list also removes its records (documented) and its assignments (they would point nowhere). */
function removePriceList(store: BcStore, id: number): void {
  store.priceLists.delete(id);
  store.priceRecords.delete(id);
  for (const [assignmentId, assignment] of store.priceListAssignments) {
    if (assignment.price_list_id === id) store.priceListAssignments.delete(assignmentId);
  }
}

function validateFields(body: Record<string, unknown>, creating: boolean): SandboxResponse | undefined {
  const errors: Record<string, string> = {};
  if (creating && body.name === undefined) errors.name = 'name is required';
  if (body.name !== undefined && (typeof body.name !== 'string' || body.name.trim() === '')) errors.name = 'name must be a non-empty string';
  if (body.active !== undefined && typeof body.active !== 'boolean') errors.active = 'active must be a boolean';
  return Object.keys(errors).length > 0 ? v3Error(422, 'JSON data is missing or invalid', errors) : undefined;
}

function nameTaken(store: BcStore, name: string): boolean {
  return [...store.priceLists.values()].some((l) => l.name === name);
}

function conflict(name: string): SandboxResponse {
  return v3Error(409, `A price list with the name "${name}" already exists.`, { name: 'name must be unique' });
}
