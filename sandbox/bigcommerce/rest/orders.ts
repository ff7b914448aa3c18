import { v2Error, v2NotFound } from '../http/errors';
import { v2Page } from '../http/pagination';
import type { Router } from '../http/router';
import type { SandboxResponse } from '../http/types';
import type { BcStore } from '../store/store';
import type { BcOrder } from '../store/types';
import { idParam } from './catalog/field-errors';
import { readV2Page, v2FieldError } from './customers/v2';
import { address, buildOrder, invalid } from './orders/create';
import { orderPostInput, orderPutInput } from './orders/schemas';
import { ORDER_STATUSES, rfc2822, statusName, statusView } from './orders/statuses';
import { registerOrderSubResourceRoutes } from './orders/sub-resources';
import { orderProductView, orderView } from './orders/views';

/** `/v2/orders` and `/v2/order_statuses` as orders.v2.oas2.yml defines them (bare arrays, 204 past the end). */
export function registerOrderRoutes(router: Router): void {
  router.get('/v2/orders', (req, { store }) => {
    const page = readV2Page(req.query);
    if ('status' in page) return page;
    const orders = filterOrders(store, req.query);
    if (!Array.isArray(orders)) return orders;
    return v2Page(orders.map((o) => orderView(store, o)), page);
  });

  router.get('/v2/orders/count', (req, { store }) => {
    const orders = filterOrders(store, req.query);
    if (!Array.isArray(orders)) return orders;
    const statuses = ORDER_STATUSES.map((s, i) => ({ ...statusView(s, i), count: orders.filter((o) => o.status_id === s.id).length, sort_order: i }));
    return { status: 200, body: { statuses, count: orders.length } };
  });

  router.post('/v2/orders', (req, { store }) => {
    const parsed = orderPostInput.safeParse(req.body);
    if (!parsed.success) return v2FieldError(parsed.error, req.body);
    const order = buildOrder(store, parsed.data);
    if (!('billing_address' in order)) return order;
    store.orders.set(order.id, order);
    store.emit('store/order/created', { type: 'order', id: order.id });
    return { status: 200, body: orderView(store, order) };
  });

  router.get('/v2/orders/:order_id', (req, { store }) => {
    const order = store.orders.get(idParam(req.params.order_id) ?? 0);
    return order ? { status: 200, body: orderView(store, order) } : v2NotFound();
  });

  router.put('/v2/orders/:order_id', (req, { store }) => {
    const order = store.orders.get(idParam(req.params.order_id) ?? 0);
    if (!order) return v2NotFound();
    const parsed = orderPutInput.safeParse(req.body ?? {});
    if (!parsed.success) return v2FieldError(parsed.error, req.body);
    const input = parsed.data;
    if (input.products !== undefined) return invalid('products', 'Editing order lines is not emulated by the sandbox yet.');
    const newStatus = input.status_id === undefined ? undefined : statusName(input.status_id);
    if (input.status_id !== undefined && newStatus === undefined) return invalid('status_id', `Unknown order status ${input.status_id}.`);
    if (input.customer_id !== undefined && input.customer_id !== 0 && !store.customers.has(input.customer_id)) {
      return invalid('customer_id', `Customer ${input.customer_id} does not exist.`);
    }
    const previousStatus = order.status_id;
    if (input.status_id !== undefined && newStatus !== undefined) {
      order.status_id = input.status_id;
      order.status = newStatus;
    }
    if (input.customer_id !== undefined) order.customer_id = input.customer_id;
    if (input.payment_method !== undefined) order.payment_method = input.payment_method;
    if (input.staff_notes !== undefined) order.staff_notes = input.staff_notes;
    if (input.customer_message !== undefined) order.customer_message = input.customer_message;
    if (input.external_order_id !== undefined) order.external_order_id = input.external_order_id;
    if (input.billing_address !== undefined) order.billing_address = address(input.billing_address, order.billing_address);
    order.date_modified = rfc2822();
    store.emit('store/order/updated', { type: 'order', id: order.id });
    if (order.status_id !== previousStatus) {
      store.emit('store/order/statusUpdated', { type: 'order', id: order.id, status: { previous_status_id: previousStatus, new_status_id: order.status_id } });
    }
    return { status: 200, body: orderView(store, order) };
  });

  router.delete('/v2/orders/:order_id', (req, { store }) => {
    const order = store.orders.get(idParam(req.params.order_id) ?? 0);
    if (!order) return v2NotFound();
    // DELETE archives: the order stays readable by id but leaves lists and counts.
    order.is_deleted = true;
    order.date_modified = rfc2822();
    store.emit('store/order/archived', { type: 'order', id: order.id });
    return { status: 204 };
  });

  router.get('/v2/orders/:order_id/products', (req, { store }) => {
    const order = store.orders.get(idParam(req.params.order_id) ?? 0);
    if (!order) return v2NotFound();
    const page = readV2Page(req.query);
    if ('status' in page) return page;
    return v2Page(order.products.map((line) => orderProductView(store, line, order)), page);
  });

  registerOrderSubResourceRoutes(router);

  router.get('/v2/order_statuses', () => ({ status: 200, body: ORDER_STATUSES.map(statusView) }));

  router.get('/v2/order_statuses/:status_id', (req) => {
    const index = ORDER_STATUSES.findIndex((s) => String(s.id) === req.params.status_id);
    const status = ORDER_STATUSES[index];
    return status ? { status: 200, body: statusView(status, index) } : v2NotFound();
  });
}

const SORTABLE: Record<string, (o: BcOrder) => number> = {
  id: (o) => o.id,
  date_created: (o) => Date.parse(o.date_created),
  date_modified: (o) => Date.parse(o.date_modified),
  status_id: (o) => o.status_id,
  channel_id: (o) => o.channel_id,
};

/** The list/count filters of orders.v2.oas2.yml; a malformed value answers v2's 400 naming the parameter. */
function filterOrders(store: BcStore, query: URLSearchParams): BcOrder[] | SandboxResponse {
  const ints: Record<string, number | undefined> = {};
  for (const name of ['min_id', 'max_id', 'customer_id', 'status_id', 'channel_id']) {
    const raw = query.get(name);
    if (raw === null) continue;
    if (!/^\d+$/.test(raw)) return badParam(name, raw);
    ints[name] = Number(raw);
  }
  const dates: Record<string, number | undefined> = {};
  for (const name of ['min_date_created', 'max_date_created', 'min_date_modified', 'max_date_modified']) {
    const raw = query.get(name);
    if (raw === null) continue;
    // RFC-2822 or ISO-8601, as the spec allows; a bare date means midnight UTC.
    const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
    if (Number.isNaN(parsed)) return badParam(name, raw);
    dates[name] = parsed;
  }
  const totals: Record<string, number | undefined> = {};
  for (const name of ['min_total', 'max_total']) {
    const raw = query.get(name);
    if (raw === null) continue;
    if (!Number.isFinite(Number(raw))) return badParam(name, raw);
    totals[name] = Number(raw);
  }
  const [sortField = 'id', sortDirection = 'asc'] = (query.get('sort') ?? 'id:asc').split(':');
  const sortKey = SORTABLE[sortField];
  if (!sortKey || (sortDirection !== 'asc' && sortDirection !== 'desc')) return badParam('sort', query.get('sort') ?? '');
  const email = query.get('email')?.toLowerCase();
  const paymentMethod = query.get('payment_method');
  const externalOrderId = query.get('external_order_id');
  const within = (value: number, min: number | undefined, max: number | undefined) => (min === undefined || value >= min) && (max === undefined || value <= max);

  const sign = sortDirection === 'desc' ? -1 : 1;
  return [...store.orders.values()]
    .filter(
      (o) =>
        !o.is_deleted &&
        within(o.id, ints.min_id, ints.max_id) &&
        (ints.customer_id === undefined || o.customer_id === ints.customer_id) &&
        (ints.status_id === undefined || o.status_id === ints.status_id) &&
        (ints.channel_id === undefined || o.channel_id === ints.channel_id) &&
        within(Date.parse(o.date_created), dates.min_date_created, dates.max_date_created) &&
        within(Date.parse(o.date_modified), dates.min_date_modified, dates.max_date_modified) &&
        within(Number(o.total_inc_tax), totals.min_total, totals.max_total) &&
        (email === undefined || o.billing_address.email.toLowerCase() === email) &&
        (paymentMethod === null || o.payment_method === paymentMethod) &&
        (externalOrderId === null || o.external_order_id === externalOrderId),
    )
    .sort((a, b) => sign * (sortKey(a) - sortKey(b)) || a.id - b.id);
}

function badParam(name: string, raw: string): SandboxResponse {
  return v2Error(400, `The field '${name}' is invalid.`, { invalid_reason: `"${raw}" is not a valid value for ${name}.` });
}
