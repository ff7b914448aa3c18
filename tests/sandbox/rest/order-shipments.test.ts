import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreEvent } from '../../../sandbox/bigcommerce/store/store';
import { SKIP_NOTICE, expectMatchesSpec, loadSpec, sharedSpecsAvailable } from '../../support/openapi-contract';
import type { TestSandbox } from '../../support/sandbox';
import { BILLING, productBody, startEmptySandbox, type Envelope } from './helpers';
import { expectMatchesSpecAllowingAmbiguousOneOf } from './spec-deviations';
import { startReceiver } from './webhooks.receiver';

/**
 * The order sub-resources the ERP post-back uses: shipping addresses, shipments with tracking numbers (and the
 * status change BigCommerce makes when items ship), and the `store/order/created` webhook with its real payload.
 */
interface OrderLine { id: number; quantity: number; quantity_shipped: number; order_address_id: number }
interface Shipment { id: number; order_id: number; order_address_id: number; tracking_number: string; comments: string; items: { order_product_id: number; quantity: number }[] }
type V2Error = { status: number; message: string; details?: { invalid_reason?: string } }[];

let sandbox: TestSandbox;
const events: StoreEvent[] = [];
let productId = 0;

beforeAll(async () => {
  if (sharedSpecsAvailable) await loadSpec('orders.v2.oas2.yml');
  else console.warn(`[order-shipments contract checks] ${SKIP_NOTICE}`);
  sandbox = await startEmptySandbox();
  sandbox.store.onEvent((e) => events.push(e));
  productId = ((await sandbox.rest('POST', '/v3/catalog/products', productBody({ sku: 'SHP-1', price: 4.5 }))).body as Envelope<{ id: number }>).data.id;
}, 60_000);
afterAll(() => sandbox.close());

/**
 * Every response checked against orders.v2.oas2.yml (when ../shared is present). Only the order itself has the
 * spec's ambiguous `consignments` oneOf (spec-deviations.ts); sub-resources are checked strictly.
 */
async function call(method: string, path: string, body?: unknown) {
  const res = await sandbox.rest(method, path, body);
  if (sharedSpecsAvailable && res.status < 300 && res.status !== 204) {
    const check = { spec: 'orders.v2.oas2.yml', method, path, status: res.status, body: res.body };
    if (/^\/v2\/orders(\/\d+)?$/.test(path)) await expectMatchesSpecAllowingAmbiguousOneOf(check, /^(\/\d+)?\/consignments$/);
    else await expectMatchesSpec(check);
  }
  return res;
}

async function orderWithTwoLines(): Promise<{ id: number; lines: OrderLine[]; addressId: number }> {
  const created = await call('POST', '/v2/orders', {
    billing_address: BILLING,
    shipping_addresses: [{ ...BILLING, company: 'Acme Dock 4' }],
    products: [
      { product_id: productId, quantity: 3 },
      { name: 'Cut to length', sku: 'CUT-1', quantity: 1, price_ex_tax: 2, price_inc_tax: 2 },
    ],
    status_id: 11,
  });
  const id = (created.body as { id: number }).id;
  const lines = (await call('GET', `/v2/orders/${id}/products`)).body as OrderLine[];
  const addresses = (await call('GET', `/v2/orders/${id}/shipping_addresses`)).body as { id: number; company: string }[];
  expect(addresses).toHaveLength(1);
  expect(addresses[0]?.company).toBe('Acme Dock 4');
  return { id, lines, addressId: addresses[0]?.id ?? 0 };
}

describe('order shipments', () => {
  it('an order without shipments answers 204, and its shipping address reads back by id', async () => {
    const { id, addressId } = await orderWithTwoLines();
    const none = await call('GET', `/v2/orders/${id}/shipments`);
    expect(none.status).toBe(204);
    expect((await call('GET', `/v2/orders/${id}/shipments/count`)).body).toEqual({ count: 0 });
    const address = await call('GET', `/v2/orders/${id}/shipping_addresses/${addressId}`);
    expect(address.body).toMatchObject({ id: addressId, order_id: id, items_total: 4, items_shipped: 0 });
  });

  it('a shipping address is updated in place; read-only fields are refused as BigCommerce does', async () => {
    const { id, addressId } = await orderWithTwoLines();
    const updated = await call('PUT', `/v2/orders/${id}/shipping_addresses/${addressId}`, { street_1: '9 Harbor Rd', zip: '43605' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: addressId, street_1: '9 Harbor Rd', zip: '43605', company: 'Acme Dock 4', items_total: 4 });
    const refused = await sandbox.rest('PUT', `/v2/orders/${id}/shipping_addresses/${addressId}`, { items_total: 9 });
    expect(refused.status).toBe(400);
    expect((refused.body as V2Error)[0]?.message).toBe("The field 'items_total' cannot be written to. Please remove it from your request before trying again.");
    expect(events).toContainEqual({ scope: 'store/order/updated', data: { type: 'order', id } });
  });

  it('shipping part of an order makes it Partially Shipped; shipping the rest makes it Shipped with date_shipped', async () => {
    const { id, lines, addressId } = await orderWithTwoLines();
    const [screws, cut] = lines;
    const first = await call('POST', `/v2/orders/${id}/shipments`, {
      order_address_id: addressId,
      items: [{ order_product_id: screws?.id, quantity: 2 }],
      tracking_number: '1Z999AA10123456784',
      shipping_provider: 'ups',
      comments: 'ERP fulfilment 812',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ order_id: id, order_address_id: addressId, tracking_number: '1Z999AA10123456784', comments: 'ERP fulfilment 812', items: [{ order_product_id: screws?.id, quantity: 2 }] });
    expect(events).toContainEqual({ scope: 'store/shipment/created', data: { type: 'shipment', id: (first.body as Shipment).id, orderId: id } });
    expect((await call('GET', `/v2/orders/${id}`)).body).toMatchObject({ status_id: 3, status: 'Partially Shipped', items_shipped: 2, date_shipped: '' });
    expect(((await call('GET', `/v2/orders/${id}/products`)).body as OrderLine[]).map((l) => l.quantity_shipped)).toEqual([2, 0]);

    await call('POST', `/v2/orders/${id}/shipments`, { order_address_id: addressId, items: [{ order_product_id: screws?.id, quantity: 1 }, { order_product_id: cut?.id, quantity: 1 }] });
    const order = (await call('GET', `/v2/orders/${id}`)).body as { status_id: number; status: string; date_shipped: string; items_shipped: number };
    expect(order).toMatchObject({ status_id: 2, status: 'Shipped', items_shipped: 4 });
    expect(order.date_shipped).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(events).toContainEqual({ scope: 'store/order/statusUpdated', data: { type: 'order', id, status: { previous_status_id: 3, new_status_id: 2 } } });

    const listed = (await call('GET', `/v2/orders/${id}/shipments`)).body as Shipment[];
    expect(listed.map((s) => s.tracking_number)).toEqual(['1Z999AA10123456784', '']);
    expect((await call('GET', `/v2/orders/${id}/shipments/${listed[0]?.id}`)).body).toMatchObject({ id: listed[0]?.id, shipping_provider: 'ups' });
    expect((await call('GET', `/v2/orders/${id}/shipments/count`)).body).toEqual({ count: 2 });
  });

  type Made = Awaited<ReturnType<typeof orderWithTwoLines>>;
  const one = (o: Made, quantity = 1) => [{ order_product_id: o.lines[0]?.id, quantity }];
  const refused: [string, string, (o: Made) => Record<string, unknown>][] = [
    ['no order_address_id', 'order_address_id', (o) => ({ items: one(o) })],
    ['no items', 'items', (o) => ({ order_address_id: o.addressId })],
    ['an empty items list', 'items', (o) => ({ order_address_id: o.addressId, items: [] })],
    ["another order's address", 'order_address_id', (o) => ({ order_address_id: o.addressId + 1000, items: one(o) })],
    ['a line of another order', 'items[0].order_product_id', (o) => ({ order_address_id: o.addressId, items: [{ order_product_id: 424242, quantity: 1 }] })],
    ['more than the line has left', 'items[0].quantity', (o) => ({ order_address_id: o.addressId, items: one(o, 4) })],
    ['a 51-character tracking number', 'tracking_number', (o) => ({ order_address_id: o.addressId, items: one(o), tracking_number: 'X'.repeat(51) })],
    ['an unknown shipping provider', 'shipping_provider', (o) => ({ order_address_id: o.addressId, items: one(o), shipping_provider: 'pigeon' })],
  ];
  it.each(refused)('refuses a shipment with %s: v2 400 naming %s, nothing shipped', async (_case, field, body) => {
    const made = await orderWithTwoLines();
    const res = await sandbox.rest('POST', `/v2/orders/${made.id}/shipments`, body(made));
    expect(res.status).toBe(400);
    expect((res.body as V2Error)[0]?.message).toContain(`'${field}'`);
    expect((await sandbox.rest('GET', `/v2/orders/${made.id}/shipments`)).status).toBe(204);
    expect((await sandbox.rest('GET', `/v2/orders/${made.id}`)).body).toMatchObject({ status_id: 11 });
  });

  it('answers v2 404s for an unknown order or shipment', async () => {
    expect((await sandbox.rest('POST', '/v2/orders/999999/shipments', { order_address_id: 1, items: [{ order_product_id: 1, quantity: 1 }] })).status).toBe(404);
    expect((await sandbox.rest('GET', '/v2/orders/999999/shipping_addresses')).status).toBe(404);
    const { id } = await orderWithTwoLines();
    expect((await sandbox.rest('GET', `/v2/orders/${id}/shipments/999999`)).body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
  });
});

describe('store/order/created webhook', () => {
  it('creating an order delivers {scope, store_id, data: {type, id}, hash, created_at, producer} to a subscribed hook', async () => {
    const receiver = await startReceiver();
    try {
      const hook = await sandbox.rest('POST', '/v3/hooks', { scope: 'store/order/created', destination: receiver.url, is_active: true, headers: { 'x-webhook-secret': 's3cret' } });
      expect(hook.status).toBe(200);
      const { id } = await orderWithTwoLines();
      await sandbox.webhooks.flush();
      const delivered = receiver.received.filter((r) => (r.body.data as { id?: number }).id === id);
      expect(delivered).toHaveLength(1);
      const { createHash } = await import('node:crypto');
      expect(delivered[0]?.body).toEqual({
        scope: 'store/order/created',
        store_id: sandbox.store.storeId,
        data: { type: 'order', id },
        hash: createHash('sha1').update(JSON.stringify({ type: 'order', id })).digest('hex'),
        created_at: expect.any(Number) as number,
        producer: `stores/${sandbox.settings.storeHash}`,
      });
      expect(delivered[0]?.headers['x-webhook-secret']).toBe('s3cret');
    } finally {
      await receiver.close();
    }
  });
});
