import { v2Error, v2NotFound } from '../../http/errors';
import { v2Page } from '../../http/pagination';
import type { Router } from '../../http/router';
import type { BcStore } from '../../store/store';
import type { BcOrder } from '../../store/types';
import { idParam } from '../catalog/field-errors';
import { readV2Page, v2FieldError } from '../customers/v2';
import { orderExtras } from './extras';
import { addressInput, shipmentPostInput } from './schemas';
import { address as mergeAddress } from './create';
import { rfc2822 } from './statuses';
import { createShipment, shipmentView, shippingAddressView } from './shipments';

/**
 * An order's shipping addresses and shipments, as orders.v2.oas2.yml defines them: bare arrays, 204 past the end
 * (and for an order without shipments), v2 error arrays. Archived orders stay readable by id, as the order does.
 */
export function registerOrderSubResourceRoutes(router: Router): void {
  router.get('/v2/orders/:order_id/shipping_addresses', (req, { store }) => {
    const order = orderOf(store, req.params.order_id);
    if (!order) return v2NotFound();
    const page = readV2Page(req.query);
    if ('status' in page) return page;
    return v2Page(order.shipping_addresses.map((a) => shippingAddressView(store, order, a)), page);
  });

  router.get('/v2/orders/:order_id/shipping_addresses/:id', (req, { store }) => {
    const order = orderOf(store, req.params.order_id);
    const address = order?.shipping_addresses.find((a) => String(a.id) === req.params.id);
    return order && address ? { status: 200, body: shippingAddressView(store, order, address) } : v2NotFound();
  });

  // shippingAddress_Put: "Updating a shipping address will NOT trigger the recalculation of shipping cost and tax".
  router.put('/v2/orders/:order_id/shipping_addresses/:id', (req, { store }) => {
    const order = orderOf(store, req.params.order_id);
    const address = order?.shipping_addresses.find((a) => String(a.id) === req.params.id);
    if (!order || !address) return v2NotFound();
    const readOnly = Object.keys(isRecord(req.body) ? req.body : {}).find((key) => !(key in addressInput.shape));
    if (readOnly !== undefined) return v2Error(400, `The field '${readOnly}' cannot be written to. Please remove it from your request before trying again.`);
    const parsed = addressInput.partial().safeParse(req.body ?? {});
    if (!parsed.success) return v2FieldError(parsed.error, req.body);
    Object.assign(address, mergeAddress(parsed.data, address));
    order.date_modified = rfc2822();
    store.emit('store/order/updated', { type: 'order', id: order.id });
    return { status: 200, body: shippingAddressView(store, order, address) };
  });

  router.get('/v2/orders/:order_id/shipments', (req, { store }) => {
    const order = orderOf(store, req.params.order_id);
    if (!order) return v2NotFound();
    const page = readV2Page(req.query);
    if ('status' in page) return page;
    return v2Page(orderExtras(store, order.id).shipments.map((s) => shipmentView(order, s)), page);
  });

  router.get('/v2/orders/:order_id/shipments/count', (req, { store }) => {
    const order = orderOf(store, req.params.order_id);
    return order ? { status: 200, body: { count: orderExtras(store, order.id).shipments.length } } : v2NotFound();
  });

  router.get('/v2/orders/:order_id/shipments/:shipment_id', (req, { store }) => {
    const order = orderOf(store, req.params.order_id);
    const shipment = order && orderExtras(store, order.id).shipments.find((s) => String(s.id) === req.params.shipment_id);
    return order && shipment ? { status: 200, body: shipmentView(order, shipment) } : v2NotFound();
  });

  router.post('/v2/orders/:order_id/shipments', (req, { store }) => {
    const order = orderOf(store, req.params.order_id);
    if (!order) return v2NotFound();
    const parsed = shipmentPostInput.safeParse(req.body);
    if (!parsed.success) return v2FieldError(parsed.error, req.body);
    const shipment = createShipment(store, order, parsed.data);
    if (!('items' in shipment)) return shipment;
    return { status: 201, body: shipmentView(order, shipment) };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function orderOf(store: BcStore, raw: string | undefined): BcOrder | undefined {
  return store.orders.get(idParam(raw) ?? 0);
}
