import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSandbox } from '../../support/sandbox';
import type { StoreEvent } from '../../../sandbox/bigcommerce/store/store';
import { BILLING, customerBody, productBody, startEmptySandbox, type Envelope } from './helpers';

interface Order {
  id: number;
  status_id: number;
  status: string;
  customer_id: number;
  subtotal_ex_tax: string;
  total_inc_tax: string;
  total_tax: string;
  items_total: number;
  date_created: string;
  staff_notes: string;
  external_order_id: string;
  products: { url: string; resource: string };
}
interface OrderLine {
  product_id: number;
  variant_id: number;
  sku: string;
  quantity: number;
  price_ex_tax: string;
  total_ex_tax: string;
}
type V2Error = { status: number; message: string; details?: { invalid_reason?: string } }[];

let sandbox: TestSandbox;
const events: StoreEvent[] = [];
let productId = 0;
let shirt: { id: number; variants: { id: number; sku: string; option_values: { id: number; option_id: number }[] }[] };
let customerId = 0;

beforeAll(async () => {
  sandbox = await startEmptySandbox();
  sandbox.store.onEvent((e) => events.push(e));
  productId = ((await sandbox.rest('POST', '/v3/catalog/products', productBody({ sku: 'ORD-1', price: 17.25 }))).body as Envelope<{ id: number }>).data.id;
  shirt = (
    (await sandbox.rest('POST', '/v3/catalog/products', productBody({
      sku: 'ORD-SHIRT',
      price: 10,
      variants: [
        { sku: 'ORD-SHIRT-S', option_values: [{ option_display_name: 'Size', label: 'S' }] },
        { sku: 'ORD-SHIRT-L', price: 12.5, option_values: [{ option_display_name: 'Size', label: 'L' }] },
      ],
    }))).body as Envelope<typeof shirt>
  ).data;
  customerId = ((await sandbox.rest('POST', '/v3/customers', [customerBody()])).body as Envelope<{ id: number }[]>).data[0]?.id ?? 0;
});
afterAll(() => sandbox.close());

async function createOrder(body: Record<string, unknown>): Promise<Order> {
  const res = await sandbox.rest('POST', '/v2/orders', { billing_address: BILLING, ...body });
  expect(res.status).toBe(200);
  return res.body as Order;
}

describe('POST /v2/orders', () => {
  it('prices catalog and custom lines exactly and returns sub-resource refs', async () => {
    const order = await createOrder({
      customer_id: customerId,
      products: [
        { product_id: productId, quantity: 3 },
        { name: 'Freight surcharge', quantity: 1, price_ex_tax: '0.1', price_inc_tax: '0.1', sku: 'FREIGHT' },
      ],
      payment_method: 'PO Number / Reference #',
      customer_message: 'PO-1234',
      external_source: 'ERP (sandbox)',
      external_order_id: 'SO-77',
    });
    expect(order.status_id).toBe(1);
    expect(order.status).toBe('Pending');
    expect(order.subtotal_ex_tax).toBe('51.8500');
    expect(order.total_inc_tax).toBe('51.8500');
    expect(order.total_tax).toBe('0.0000');
    expect(order.items_total).toBe(4);
    expect(order.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(order.products.resource).toBe(`/orders/${order.id}/products`);
    expect(events).toContainEqual({ scope: 'store/order/created', data: { type: 'order', id: order.id } });

    const lines = (await sandbox.rest('GET', `/v2/orders/${order.id}/products`)).body as OrderLine[];
    expect(lines.map((l) => [l.sku, l.quantity, l.price_ex_tax, l.total_ex_tax])).toEqual([
      ['ORD-1', 3, '17.2500', '51.7500'],
      ['FREIGHT', 1, '0.1000', '0.1000'],
    ]);
  });

  it('resolves variants by variant_id and by product_options', async () => {
    const large = shirt.variants[1];
    const small = shirt.variants[0];
    const opt = small?.option_values[0];
    const order = await createOrder({
      products: [
        { product_id: shirt.id, variant_id: large?.id, quantity: 2 },
        { product_id: shirt.id, product_options: [{ id: opt?.option_id, value: String(opt?.id) }], quantity: 1 },
      ],
    });
    const lines = (await sandbox.rest('GET', `/v2/orders/${order.id}/products`)).body as OrderLine[];
    expect(lines.map((l) => [l.sku, l.price_ex_tax])).toEqual([
      ['ORD-SHIRT-L', '12.5000'],
      ['ORD-SHIRT-S', '10.0000'],
    ]);
    expect(order.subtotal_ex_tax).toBe('35.0000');
  });

  it('honours explicit line prices and total overrides', async () => {
    const order = await createOrder({
      products: [{ product_id: productId, quantity: 2, price_ex_tax: 15.1, price_inc_tax: 16.61 }],
      total_ex_tax: '40.00',
      total_inc_tax: '44.00',
    });
    expect(order.subtotal_ex_tax).toBe('30.2000');
    expect(order.total_inc_tax).toBe('44.0000');
    expect(order.total_tax).toBe('4.0000');
  });

  it.each([
    [{ billing_address: undefined }, 'billing_address'],
    [{ products: undefined }, 'products'],
    [{ products: [{ product_id: 999999, quantity: 1 }] }, 'products[0].product_id'],
    [{ products: [{ product_id: -1, quantity: 1 }] }, 'products[0]'],
    [{ products: [{ name: 'custom', quantity: 1 }] }, 'products[0]'],
    [{ products: [{ product_id: 0, quantity: 1 }] }, 'products[0]'],
    [{ status_id: 99 }, 'status_id'],
    [{ customer_id: 424242 }, 'customer_id'],
    [{ channel_id: 9 }, 'channel_id'],
    [{ subtotal_ex_tax: '1.00' }, 'subtotal_inc_tax'],
  ])('answers a v2 400 naming the field for %j', async (patch, field) => {
    const body: Record<string, unknown> = { billing_address: BILLING, products: [{ product_id: productId, quantity: 1 }], ...patch };
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    const res = await sandbox.rest('POST', '/v2/orders', body);
    expect(res.status).toBe(400);
    const error = (res.body as V2Error)[0];
    expect(error?.status).toBe(400);
    expect(error?.message).toContain(`'${field}'`);
  });

  it('needs variant_id or product_options for a product with options', async () => {
    const res = await sandbox.rest('POST', '/v2/orders', { billing_address: BILLING, products: [{ product_id: shirt.id, quantity: 1 }] });
    expect(res.status).toBe(400);
  });
});

describe('GET /v2/orders', () => {
  it('filters, sorts, pages and answers 204 past the end', async () => {
    const other = ((await sandbox.rest('POST', '/v3/customers', [customerBody()])).body as Envelope<{ id: number }[]>).data[0]?.id ?? 0;
    const mine = [
      await createOrder({ customer_id: other, products: [{ product_id: productId, quantity: 1 }] }),
      await createOrder({ customer_id: other, status_id: 11, products: [{ product_id: productId, quantity: 1 }] }),
      await createOrder({ customer_id: other, products: [{ product_id: productId, quantity: 1 }] }),
    ];
    const ids = async (query: string) => {
      const res = await sandbox.rest('GET', `/v2/orders?${query}`);
      return res.status === 204 ? [] : (res.body as Order[]).map((o) => o.id);
    };
    expect(await ids(`customer_id=${other}`)).toEqual(mine.map((o) => o.id));
    expect(await ids(`customer_id=${other}&status_id=11`)).toEqual([mine[1]?.id]);
    expect(await ids(`customer_id=${other}&sort=id:desc`)).toEqual(mine.map((o) => o.id).reverse());
    expect(await ids(`min_id=${mine[1]?.id}&max_id=${mine[2]?.id}`)).toEqual([mine[1]?.id, mine[2]?.id]);
    expect(await ids(`customer_id=${other}&min_date_created=2000-01-01`)).toHaveLength(3);
    expect(await ids(`customer_id=${other}&max_date_created=2000-01-01`)).toEqual([]);
    expect(await ids(`customer_id=${other}&limit=2&page=2`)).toEqual([mine[2]?.id]);
    const past = await sandbox.rest('GET', `/v2/orders?customer_id=${other}&limit=2&page=3`);
    expect(past.status).toBe(204);
    expect(past.body).toBeUndefined();
    expect((await sandbox.rest('GET', `/v2/orders/count?customer_id=${other}`)).body).toMatchObject({ count: 3 });
    expect((await sandbox.rest('GET', '/v2/orders?min_date_created=not-a-date')).status).toBe(400);
    expect((await sandbox.rest('GET', '/v2/orders?sort=bogus')).status).toBe(400);
  });

  it('answers v2 404s for unknown orders and their products', async () => {
    const res = await sandbox.rest('GET', '/v2/orders/999999');
    expect(res.status).toBe(404);
    expect(res.body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
    expect((await sandbox.rest('GET', '/v2/orders/999999/products')).status).toBe(404);
  });
});

describe('PUT /v2/orders/{id}', () => {
  it('updates status text from the table and announces statusUpdated', async () => {
    const order = await createOrder({ products: [{ product_id: productId, quantity: 1 }] });
    const res = await sandbox.rest('PUT', `/v2/orders/${order.id}`, { status_id: 11, staff_notes: 'ERP SO-9', external_order_id: 'SO-9' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status_id: 11, status: 'Awaiting Fulfillment', staff_notes: 'ERP SO-9', external_order_id: 'SO-9' });
    expect(events).toContainEqual({ scope: 'store/order/updated', data: { type: 'order', id: order.id } });
    expect(events).toContainEqual({
      scope: 'store/order/statusUpdated',
      data: { type: 'order', id: order.id, status: { previous_status_id: 1, new_status_id: 11 } },
    });
    expect((await sandbox.rest('PUT', `/v2/orders/${order.id}`, { status_id: 42 })).status).toBe(400);
    expect((await sandbox.rest('PUT', '/v2/orders/999999', { status_id: 2 })).status).toBe(404);
  });

  it('lists the order statuses table', async () => {
    const statuses = (await sandbox.rest('GET', '/v2/order_statuses')).body as { id: number; name: string }[];
    expect(statuses).toHaveLength(15);
    expect(statuses.find((s) => s.id === 7)?.name).toBe('Awaiting Payment');
  });
});
