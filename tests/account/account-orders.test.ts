/**
 * The account area's BigCommerce side against the sandbox: order history (only the buyer's own orders, newest first,
 * paged; ERP number and tracking once the post-back has written them), the order page (another buyer's order id is
 * "not found"), and reorder (lines go into the cart at today's contract price, and the report says what changed
 * since the order and which lines could not be added). The post-back's writes are made here through REST exactly as
 * `sync/flows/orders` makes them (external_order_id, a shipment with the tracking number and its fulfilment comment);
 * the flow itself is tested in tests/orders. No Redis is used.
 */
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BigCommerceRestClient } from '@/lib/bigcommerce/rest';
import type { StorefrontViewer } from '@/lib/bigcommerce/graphql/client';
import type { LineToAdd } from '@/lib/cart/cart-commands';
import { formatMoney, moneyFromDecimal } from '@/lib/money/money';
import type { DemoCompany } from '../../sandbox/demo-data/types';
import { launchSandbox, type LaunchedSandbox } from '../../sandbox/launch';
import { repAttributionNote } from '../../sync/flows/orders/rep-attribution';

let sandbox: LaunchedSandbox;
let rest: BigCommerceRestClient;
let lib: {
  history: typeof import('@/lib/account/order-history');
  detail: typeof import('@/lib/account/order-detail');
  reorder: typeof import('@/lib/account/reorder');
  cart: typeof import('@/lib/cart/buyer-cart');
  mutations: typeof import('@/graphql/mutations/cart');
  graphql: typeof import('@/lib/bigcommerce/graphql/client');
};
interface Variant { productId: number; variantId: number; sku: string; available: number }
let stocked: Variant[];

beforeAll(async () => {
  sandbox = await launchSandbox({ products: 60, rateLimit: false });
  // The app's clients read their configuration from the environment once, exactly as in the app.
  Object.assign(process.env, sandbox.env);
  const [history, detail, reorder, cart, mutations, graphql, restModule, inventory] = await Promise.all([
    import('@/lib/account/order-history'),
    import('@/lib/account/order-detail'),
    import('@/lib/account/reorder'),
    import('@/lib/cart/buyer-cart'),
    import('@/graphql/mutations/cart'),
    import('@/lib/bigcommerce/graphql/client'),
    import('@/lib/bigcommerce/rest'),
    import('../../sandbox/bigcommerce/graphql/catalog/inventory'),
  ]);
  lib = { history, detail, reorder, cart, mutations, graphql };
  rest = restModule.createBigCommerceRestClient({
    apiUrl: sandbox.env.BIGCOMMERCE_API_URL ?? '',
    storeHash: sandbox.env.BIGCOMMERCE_STORE_HASH ?? '',
    accessToken: sandbox.env.BIGCOMMERCE_ACCESS_TOKEN ?? '',
    maxRetries: 1,
  });
  // Tracked products anyone may order (no purchase-quantity rules), with stock to spare.
  const bc = sandbox.bigcommerce.store;
  stocked = [...bc.products.values()]
    .filter((p) => p.order_quantity_minimum === 0 && p.order_quantity_maximum === 0 && p.is_visible && p.inventory_tracking !== 'none')
    .flatMap((p) => p.variants.slice(0, 1).filter((v) => !v.purchasing_disabled && v.sku !== '').map((v) => ({ productId: p.id, variantId: v.id, sku: v.sku, available: inventory.variantAvailable(bc, v) })))
    .filter((v) => v.available >= 20 && v.available < 100_000)
    .slice(0, 3);
  if (stocked.length < 3) throw new Error('the demo catalog has too few tracked products in stock');
}, 120_000);

afterAll(async () => sandbox.close());

function company(name: string): DemoCompany {
  const found = sandbox.dataset.companies.find((c) => c.name.startsWith(name));
  if (!found) throw new Error(`no demo company ${name}`);
  return found;
}

function buyerOf(companyName: string, index = 0): number {
  const buyer = sandbox.dataset.buyers.filter((b) => b.companyId === company(companyName).id)[index];
  if (!buyer) throw new Error(`no buyer ${index} at ${companyName}`);
  return buyer.id;
}

const SHIP_TO = {
  first_name: 'Dock', last_name: 'Two', street_1: '1200 Foundry Rd', city: 'Toledo', state: 'Ohio', zip: '43604',
  country: 'United States', country_iso2: 'US', email: 'receiving@example.com',
};

/** An on-account order as the checkout creates it (REST v2, PO in customer_message). */
async function placeOrder(customerId: number, lines: { variant: Variant; quantity: number; price: string }[], po = 'PO-1001', staffNotes?: string): Promise<number> {
  const created = await rest.post(
    '/v2/orders',
    {
      customer_id: customerId,
      status_id: 11,
      billing_address: SHIP_TO,
      shipping_addresses: [SHIP_TO],
      products: lines.map(({ variant, quantity, price }) => ({ product_id: variant.productId, variant_id: variant.variantId, quantity, price_ex_tax: price, price_inc_tax: price })),
      payment_method: 'On account (terms)',
      customer_message: `PO Number: ${po}\nDock 2, mornings.`,
      ...(staffNotes ? { staff_notes: staffNotes } : {}),
    },
    { schema: z.looseObject({ id: z.number() }) },
  );
  return created.id;
}

/** What the order post-back writes once the ERP took the order and fulfilled it (sync/flows/orders). */
async function postBack(orderId: number, erpNumber: string, tracking: string[]): Promise<void> {
  await rest.put(`/v2/orders/${orderId}`, { external_order_id: erpNumber });
  const lines = await rest.get(`/v2/orders/${orderId}/products`, { schema: z.array(z.looseObject({ id: z.number(), quantity: z.number(), order_address_id: z.number() })) });
  const [first] = lines;
  if (!first) throw new Error('order without lines');
  await rest.post(`/v2/orders/${orderId}/shipments`, {
    order_address_id: first.order_address_id,
    items: lines.map((l) => ({ order_product_id: l.id, quantity: l.quantity })),
    tracking_number: tracking[0],
    comments: `ERP fulfilment 812 (IF812): tracking ${tracking.join(', ')}`,
  });
}

/** A cart kept the way the cart commands keep it: created by the first add, added to afterwards. */
function cartFor(customerId: number): { viewer: StorefrontViewer; id: () => string | null; add: (lines: LineToAdd[]) => Promise<{ ok: true }> } {
  const viewer: StorefrontViewer = { kind: 'customer', customerId };
  let cartId: string | null = null;
  return {
    viewer,
    id: () => cartId,
    async add(lines) {
      if (cartId) {
        await lib.graphql.storefrontMutation(lib.mutations.AddCartLineItemsMutation, { cartEntityId: cartId, lineItems: lines }, viewer);
      } else {
        const { cart } = await lib.graphql.storefrontMutation(lib.mutations.CreateCartMutation, { lineItems: lines }, viewer);
        cartId = cart.createCart?.cart?.entityId ?? null;
      }
      return { ok: true };
    },
  };
}

const [a, b, c] = [0, 1, 2].map((i) => () => {
  const v = stocked[i];
  if (!v) throw new Error('no variant');
  return v;
}) as [() => Variant, () => Variant, () => Variant];

describe('order history', () => {
  it('shows only the buyer’s own orders, newest first and paged, with "pending" until the ERP number is written back', async () => {
    const buyer = buyerOf('Prairie');
    const other = buyerOf('Prairie', 1);
    const mine: number[] = [];
    for (let i = 0; i < 12; i += 1) mine.push(await placeOrder(buyer, [{ variant: a(), quantity: 1 + i, price: '10.00' }], `PO-${i}`));
    const theirs = await placeOrder(other, [{ variant: a(), quantity: 1, price: '10.00' }]);

    const first = await lib.history.readOrderHistory(rest, buyer, 1);
    expect(first).toMatchObject({ page: 1, orderCount: 12, pageCount: 2 });
    expect(first.orders.map((o) => o.id)).toEqual([...mine].reverse().slice(0, 10));
    const second = await lib.history.readOrderHistory(rest, buyer, 2);
    expect(second.orders.map((o) => o.id)).toEqual([mine[1], mine[0]]);
    expect([...first.orders, ...second.orders].map((o) => o.id)).not.toContain(theirs);

    const newest = first.orders[0];
    expect(newest).toMatchObject({ status: 'Awaiting Fulfillment', total: '$120.00', erpNumber: null, poNumber: 'PO-11', placedBy: null, trackingNumbers: [] });
    expect(newest?.date).toBe(new Date().toISOString().slice(0, 10));
    expect((await lib.history.readOrderHistory(rest, other, 1)).orders.map((o) => o.id)).toEqual([theirs]);
  });

  it('after the ERP fulfilled an order it shows the ERP number, Shipped and every tracking number', async () => {
    const buyer = buyerOf('Cascade');
    const orderId = await placeOrder(buyer, [{ variant: a(), quantity: 2, price: '17.25' }, { variant: b(), quantity: 1, price: '240.00' }], 'PO-4471');
    await postBack(orderId, 'SO10482', ['1Z999AA10123456784', '1Z999AA10123456785']);
    const row = (await lib.history.readOrderHistory(rest, buyer, 1)).orders.find((o) => o.id === orderId);
    expect(row).toMatchObject({
      status: 'Shipped',
      erpNumber: 'SO10482',
      poNumber: 'PO-4471',
      total: '$274.50',
      trackingNumbers: ['1Z999AA10123456784', '1Z999AA10123456785'],
    });
  });

  it('says "placed for you by" the sales rep who ordered while acting for the buyer', async () => {
    const buyer = buyerOf('Cascade', 1);
    const note = repAttributionNote({ repId: '9001', name: 'Dana Reyes', email: 'dana@northwind.example', actingId: 'act-7' });
    const orderId = await placeOrder(buyer, [{ variant: a(), quantity: 1, price: '10.00' }], 'PO-77', note);
    const row = (await lib.history.readOrderHistory(rest, buyer, 1)).orders.find((o) => o.id === orderId);
    expect(row?.placedBy).toBe('Dana Reyes');
  });

  it('never reads a guest’s orders (customer id 0)', async () => {
    await expect(lib.history.readOrderHistory(rest, 0, 1)).rejects.toThrow(RangeError);
  });
});

describe('order page', () => {
  it('shows the owner its lines, and answers "not found" for another buyer or a missing order', async () => {
    const buyer = buyerOf('Desert');
    const orderId = await placeOrder(buyer, [{ variant: a(), quantity: 3, price: '17.25' }, { variant: b(), quantity: 1, price: '240.00' }], 'PO-77');
    const order = await lib.detail.readOrderDetail(rest, buyer, orderId);
    expect(order).toMatchObject({ id: orderId, poNumber: 'PO-77', comment: 'Dock 2, mornings.', erpNumber: null, total: '$291.75' });
    expect(order?.lines.map((l) => [l.sku, l.quantity, formatMoney(l.unitPrice), formatMoney(l.lineTotal)])).toEqual([
      [a().sku, 3, '$17.25', '$51.75'],
      [b().sku, 1, '$240.00', '$240.00'],
    ]);
    expect(await lib.detail.readOrderDetail(rest, buyerOf('Acme'), orderId)).toBeNull();
    expect(await lib.detail.readOrderDetail(rest, buyerOf('Desert', 1), orderId)).toBeNull();
    expect(await lib.detail.readOrderDetail(rest, buyer, 99_999_999)).toBeNull();
  });
});

describe('reorder', () => {
  it('adds the lines at today’s price, reports the price change, and leaves out a line short of stock', async () => {
    const buyer = buyerOf('Acme', 2);
    const short = c();
    const orderId = await placeOrder(buyer, [
      // Paid a cent under today's price, whatever that is: today's price then reads as "higher".
      { variant: a(), quantity: 2, price: '0.01' },
      { variant: b(), quantity: 1, price: '99999.00' },
      { variant: short, quantity: short.available + 5, price: '5.00' },
    ]);
    const cart = cartFor(buyer);
    const result = await lib.reorder.reorder(
      { rest, customerId: buyer, viewer: cart.viewer, cartLines: async () => [], addLines: cart.add },
      orderId,
    );
    if (result.kind !== 'done') throw new Error(`expected a reorder, got ${JSON.stringify(result)}`);
    expect(result).toMatchObject({ orderId, added: 2, notAdded: 1 });

    // What BigCommerce now charges in the cart is the "today" the report shows.
    const id = cart.id();
    if (!id) throw new Error('no cart was created');
    const lines = (await lib.cart.readCart(id, cart.viewer))?.lineItems.physicalItems ?? [];
    expect(lines.map((l) => [l.variantEntityId, l.quantity]).sort()).toEqual([[a().variantId, 2], [b().variantId, 1]].sort());
    const todayOf = (variantId: number) => {
      const line = lines.find((l) => l.variantEntityId === variantId);
      if (!line) throw new Error('line missing');
      return formatMoney(moneyFromDecimal(line.salePrice.value, line.salePrice.currencyCode));
    };
    expect(result.lines).toEqual([
      { sku: a().sku, name: expect.any(String), quantity: 2, addable: true, problems: [], priceThen: '$0.01', priceNow: todayOf(a().variantId), priceChange: 'up' },
      { sku: b().sku, name: expect.any(String), quantity: 1, addable: true, problems: [], priceThen: '$99,999.00', priceNow: todayOf(b().variantId), priceChange: 'down' },
      {
        sku: short.sku, name: expect.any(String), quantity: short.available + 5, addable: false, problems: [`Only ${short.available} available.`],
        priceThen: '$5.00', priceNow: expect.any(String), priceChange: expect.any(String),
      },
    ]);
  });

  it('counts what the cart already holds against stock, and reorders nothing of another buyer’s order', async () => {
    const buyer = buyerOf('Maple');
    const v = a();
    const orderId = await placeOrder(buyer, [{ variant: v, quantity: 2, price: '1.00' }]);
    const cart = cartFor(buyer);
    const full = async () => [{ productEntityId: v.productId, variantEntityId: v.variantId, quantity: v.available - 1 }];
    const refused = await lib.reorder.reorder({ rest, customerId: buyer, viewer: cart.viewer, cartLines: full, addLines: cart.add }, orderId);
    expect(refused).toMatchObject({ kind: 'refused', lines: [{ addable: false, problems: [`Only ${v.available} available (with the ${v.available - 1} already in your cart).`] }] });
    expect(cart.id()).toBeNull();

    const stranger = buyerOf('Great Lakes');
    const strangerCart = cartFor(stranger);
    expect(await lib.reorder.reorder({ rest, customerId: stranger, viewer: strangerCart.viewer, cartLines: async () => [], addLines: strangerCart.add }, orderId)).toEqual({ kind: 'not-found' });
    expect(strangerCart.id()).toBeNull();
  });
});
