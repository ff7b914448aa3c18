import type { SandboxResponse } from '../../http/types';
import { toDecimalString4, toUnits4 } from '../../store/money';
import type { BcStore } from '../../store/store';
import type { BcOrder } from '../../store/types';
import { invalid } from './create';
import { orderExtras, type BcOrderShipment } from './extras';
import type { ShipmentPostInput } from './schemas';
import { rfc2822, statusName } from './statuses';

/**
 * `POST /v2/orders/{id}/shipments`: ships quantities of the order's lines to one of its shipping addresses. A line
 * cannot ship more than it has left. As in the control panel's "Ship Items", BigCommerce then moves the order to
 * Shipped (every unit shipped, `date_shipped` set) or Partially Shipped.
 */
export function createShipment(store: BcStore, order: BcOrder, input: ShipmentPostInput): BcOrderShipment | SandboxResponse {
  const address = order.shipping_addresses.find((a) => a.id === input.order_address_id);
  if (!address) return invalid('order_address_id', `Order ${order.id} has no shipping address ${input.order_address_id}.`);
  const extras = orderExtras(store, order.id);
  // Every line belongs to the order's first shipping address (views.ts `order_address_id`).
  const linesHere = order.shipping_addresses[0]?.id === address.id ? order.products : [];
  const wanted = new Map<number, number>();
  for (const [index, item] of input.items.entries()) {
    const line = linesHere.find((l) => l.id === item.order_product_id);
    if (!line) return invalid(`items[${index}].order_product_id`, `Order product ${item.order_product_id} is not on shipping address ${address.id} of order ${order.id}.`);
    const total = (wanted.get(line.id) ?? 0) + item.quantity;
    const open = line.quantity - (extras.shippedByLine.get(line.id) ?? 0);
    if (total > open) return invalid(`items[${index}].quantity`, `Only ${open} of order product ${line.id} are left to ship.`);
    wanted.set(line.id, total);
  }

  const shipment: BcOrderShipment = {
    id: store.nextId('order_shipment'),
    order_id: order.id,
    order_address_id: address.id,
    date_created: rfc2822(),
    tracking_number: input.tracking_number ?? '',
    tracking_link: input.tracking_link ?? '',
    tracking_carrier: input.tracking_carrier ?? '',
    shipping_provider: input.shipping_provider ?? '',
    shipping_method: input.shipping_method ?? '',
    merchant_shipping_cost: toDecimalString4(toUnits4(input.merchant_shipping_cost ?? 0)),
    comments: input.comments ?? '',
    items: [...wanted].map(([lineId, quantity]) => ({ order_product_id: lineId, product_id: order.products.find((l) => l.id === lineId)?.product_id ?? 0, quantity })),
  };
  extras.shipments.push(shipment);
  for (const [lineId, quantity] of wanted) extras.shippedByLine.set(lineId, (extras.shippedByLine.get(lineId) ?? 0) + quantity);

  const previousStatus = order.status_id;
  const everything = order.products.every((l) => (extras.shippedByLine.get(l.id) ?? 0) >= l.quantity);
  order.status_id = everything ? 2 : 3;
  order.status = statusName(order.status_id) ?? order.status;
  order.date_modified = shipment.date_created;
  if (everything) order.date_shipped = shipment.date_created;
  store.emit('store/shipment/created', { type: 'shipment', id: shipment.id, orderId: order.id });
  store.emit('store/order/updated', { type: 'order', id: order.id });
  if (order.status_id !== previousStatus) {
    store.emit('store/order/statusUpdated', { type: 'order', id: order.id, status: { previous_status_id: previousStatus, new_status_id: order.status_id } });
  }
  return shipment;
}

const PROVIDER_NAMES: Record<string, string> = {
  auspost: 'Australia Post', canadapost: 'Canada Post', endicia: 'Endicia', usps: 'USPS', fedex: 'FedEx', ups: 'UPS',
  upsready: 'UPS Ready', upsonline: 'UPS Online', shipperhq: 'ShipperHQ', royalmail: 'Royal Mail',
};

/** orders.v2.oas2.yml `orderShipment`: the stored shipment plus the order's billing and the shipment's address. */
export function shipmentView(order: BcOrder, shipment: BcOrderShipment): Record<string, unknown> {
  const address = order.shipping_addresses.find((a) => a.id === shipment.order_address_id);
  // A custom link is shown as given; otherwise a number with a provider or carrier gets a generated link.
  const generated = shipment.tracking_link === '' && shipment.tracking_number !== '' && (shipment.shipping_provider !== '' || shipment.tracking_carrier !== '');
  return {
    ...shipment,
    customer_id: order.customer_id,
    billing_address: order.billing_address,
    shipping_address: address ? withoutId(address) : {},
    shipping_provider_display_name: PROVIDER_NAMES[shipment.shipping_provider] ?? shipment.shipping_provider,
    generated_tracking_link: generated ? `https://track.aftership.com/${encodeURIComponent(shipment.tracking_number)}` : '',
  };
}

/** orders.v2.oas2.yml `orderShippingAddress`. The order's shipping cost belongs to its first address. */
export function shippingAddressView(store: BcStore, order: BcOrder, address: BcOrder['shipping_addresses'][number]): Record<string, unknown> {
  const extras = orderExtras(store, order.id);
  const first = order.shipping_addresses[0]?.id === address.id;
  const lines = first ? order.products : [];
  const cost = first ? extras.shipping : { ex: '0.0000', inc: '0.0000' };
  const units = (values: number[]) => values.reduce((sum, n) => sum + n, 0);
  return {
    ...address,
    order_id: order.id,
    items_total: units(lines.map((l) => l.quantity)),
    items_shipped: units(lines.map((l) => extras.shippedByLine.get(l.id) ?? 0)),
    shipping_method: 'None',
    base_cost: cost.ex,
    cost_ex_tax: cost.ex,
    cost_inc_tax: cost.inc,
    cost_tax: toDecimalString4(toUnits4(Number(cost.inc)) - toUnits4(Number(cost.ex))),
    cost_tax_class_id: 0,
    base_handling_cost: '0.0000',
    handling_cost_ex_tax: '0.0000',
    handling_cost_inc_tax: '0.0000',
    handling_cost_tax: '0.0000',
    handling_cost_tax_class_id: 0,
    shipping_zone_id: 1,
    shipping_zone_name: address.country,
    shipping_quotes: {
      url: `https://api.bigcommerce.com/stores/${store.storeHash}/v2/orders/${order.id}/shipping_addresses/${address.id}/shipping_quotes`,
      resource: `/orders/${order.id}/shipping_addresses/${address.id}/shipping_quotes`,
    },
    form_fields: [],
  };
}

function withoutId<T extends { id: number }>(value: T): Omit<T, 'id'> {
  const copy: Partial<T> = { ...value };
  delete copy.id;
  return copy as Omit<T, 'id'>;
}
