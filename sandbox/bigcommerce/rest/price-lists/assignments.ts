import { readIntList } from '../../http/filters';
import { isResponse } from '../../http/pagination';
import { v3Error, v3NotFound } from '../../http/errors';
import type { Router } from '../../http/router';
import type { Handler } from '../../http/types';
import type { BcStore } from '../../store/store';
import type { BcPriceListAssignment } from '../../store/types';
import { PRICE_LIST_EVENTS } from './events';
import { idKey, pagedList, readPaging } from './paging';
import { CAPS, findPriceList, isPriceList, isRecordObject, withSlot } from './shared';

export const ASSIGNMENT_BATCH_LIMIT = 25;
const FILTERS = ['id', 'price_list_id', 'customer_group_id', 'channel_id'] as const;
type FilterField = (typeof FILTERS)[number];

/**
 * Price list ↔ customer group ↔ channel. A (group, channel) pair resolves to one list, so writing an assignment
 * for a pair that already has one re-points it instead of adding a second.
 */
export function registerAssignmentRoutes(router: Router): void {
  router.get('/v3/pricelists/assignments', listAssignments);
  router.post('/v3/pricelists/assignments', createAssignments);
  router.delete('/v3/pricelists/assignments', deleteAssignments);
  router.put('/v3/pricelists/:price_list_id/assignments', (req, ctx) => withSlot(ctx, 'pricelist-assignment-put', CAPS.assignmentPut, () => upsertOne(req, ctx)));
}

function readFilters(query: URLSearchParams): { filters: Partial<Record<FilterField, number[]>>; invalid?: string } {
  const filters: Partial<Record<FilterField, number[]>> = {};
  for (const field of FILTERS) {
    const parsed = readIntList(query, field);
    if (parsed.invalid) return { filters, invalid: parsed.invalid };
    if (parsed.values) filters[field] = parsed.values;
  }
  return { filters };
}

function matches(a: BcPriceListAssignment, filters: Partial<Record<FilterField, number[]>>): boolean {
  return FILTERS.every((field) => {
    const wanted = filters[field];
    const value = a[field];
    return !wanted || (value !== null && wanted.includes(value));
  });
}

/** The spec types the ids as integers; a null (unassigned) side is omitted rather than sent as null. */
function serialize(a: BcPriceListAssignment): Record<string, number> {
  return {
    id: a.id,
    price_list_id: a.price_list_id,
    ...(a.customer_group_id !== null ? { customer_group_id: a.customer_group_id } : {}),
    ...(a.channel_id !== null ? { channel_id: a.channel_id } : {}),
  };
}

const listAssignments: Handler = (req, ctx) => {
  const paging = readPaging(req.query);
  if (isResponse(paging)) return paging;
  const { filters, invalid } = readFilters(req.query);
  if (invalid) return v3Error(422, invalid, { query: invalid });
  const items = [...ctx.store.priceListAssignments.values()].filter((a) => matches(a, filters)).sort((a, b) => a.id - b.id);
  const response = pagedList(items, (a) => idKey(a.id), paging);
  const body = response.body as { data: BcPriceListAssignment[]; meta: unknown };
  return { status: 200, body: { data: body.data.map(serialize), meta: body.meta } };
};

/** ≤ 25 items. Valid items are saved even when others fail; the 422 reports per-index errors and `saved_records`. */
const createAssignments: Handler = (req, ctx) => {
  const items = req.body;
  if (!Array.isArray(items)) return v3Error(422, 'JSON data is missing or invalid', { body: 'the request body must be an array of assignments' });
  if (items.length > ASSIGNMENT_BATCH_LIMIT) {
    return v3Error(422, `The batch limit for price list assignments is ${ASSIGNMENT_BATCH_LIMIT}; got ${items.length}.`, { body: `maximum ${ASSIGNMENT_BATCH_LIMIT} items` });
  }
  const errors: Record<string, string> = {};
  let saved = 0;
  items.forEach((item, index) => {
    const problem = validateAssignment(ctx.store, item);
    if (typeof problem === 'string') {
      errors[String(index)] = problem;
      return;
    }
    upsertAssignment(ctx.store, problem.price_list_id, problem.customer_group_id, problem.channel_id);
    saved += 1;
  });
  if (Object.keys(errors).length > 0) {
    return { status: 422, body: { status: 422, title: 'Some price list assignments could not be saved.', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes', errors, meta: { saved_records: saved } } };
  }
  // "200 No content".
  return { status: 200 };
};

function validateAssignment(store: BcStore, item: unknown): Omit<BcPriceListAssignment, 'id'> | string {
  if (!isRecordObject(item)) return 'each assignment must be an object';
  const { price_list_id: listId, customer_group_id: groupId, channel_id: channelId } = item;
  if (typeof listId !== 'number') return 'price_list_id is required';
  if (!store.priceLists.has(listId)) return `price list ${listId} does not exist`;
  if (groupId !== undefined && groupId !== null && (typeof groupId !== 'number' || !store.customerGroups.has(groupId))) return `customer group ${String(groupId)} does not exist`;
  if (channelId !== undefined && channelId !== null && (typeof channelId !== 'number' || !store.channelIds.has(channelId))) return `channel ${String(channelId)} does not exist`;
  const group = typeof groupId === 'number' ? groupId : null;
  const channel = typeof channelId === 'number' ? channelId : null;
  if (group === null && channel === null) return 'an assignment needs a customer_group_id, a channel_id or both';
  return { price_list_id: listId, customer_group_id: group, channel_id: channel };
}

function upsertAssignment(store: BcStore, priceListId: number, groupId: number | null, channelId: number | null): BcPriceListAssignment {
  let assignment = [...store.priceListAssignments.values()].find((a) => a.customer_group_id === groupId && a.channel_id === channelId);
  if (assignment) assignment.price_list_id = priceListId;
  else {
    const id = store.nextId('price_list_assignment');
    assignment = { id, price_list_id: priceListId, customer_group_id: groupId, channel_id: channelId };
    store.priceListAssignments.set(id, assignment);
  }
  store.emit(PRICE_LIST_EVENTS.assignmentUpdated, { price_list_id: priceListId, channel_id: channelId, customer_group_id: groupId });
  return assignment;
}

/** The spec requires at least one query filter: without one BigCommerce refuses rather than deleting everything. */
const deleteAssignments: Handler = (req, ctx) => {
  const { filters, invalid } = readFilters(req.query);
  if (invalid) return v3Error(422, invalid, { query: invalid });
  if (Object.keys(filters).length === 0) return v3Error(422, 'At least one filter parameter is required to delete price list assignments.', { query: 'filter required' });
  for (const [id, a] of ctx.store.priceListAssignments) {
    if (!matches(a, filters)) continue;
    ctx.store.priceListAssignments.delete(id);
    ctx.store.emit(PRICE_LIST_EVENTS.assignmentDeleted, { price_list_id: a.price_list_id, channel_id: a.channel_id, customer_group_id: a.customer_group_id });
  }
  return { status: 204 };
};

const upsertOne: Handler = (req, ctx) => {
  const list = findPriceList(ctx, req.params.price_list_id);
  if (!isPriceList(list)) return list;
  const body = req.body;
  if (!isRecordObject(body)) return v3Error(422, 'JSON data is missing or invalid', { body: 'an assignment object is required' });
  const errors: Record<string, string> = {};
  if (typeof body.customer_group_id !== 'number') errors.customer_group_id = 'customer_group_id is required';
  if (typeof body.channel_id !== 'number') errors.channel_id = 'channel_id is required';
  if (Object.keys(errors).length > 0) return v3Error(422, 'JSON data is missing or invalid', errors);
  const groupId = body.customer_group_id as number;
  const channelId = body.channel_id as number;
  if (!ctx.store.customerGroups.has(groupId)) return v3NotFound(`Customer group ${groupId} was not found.`);
  if (!ctx.store.channelIds.has(channelId)) return v3NotFound(`Channel ${channelId} was not found.`);
  const assignment = upsertAssignment(ctx.store, list.id, groupId, channelId);
  return { status: 200, body: { data: serialize(assignment), meta: {} } };
};
