import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repAttributionOf } from '@/sync/flows/orders/rep-attribution';
import type { PlaceOrderDeps, PlaceOrderResult, PlacingBuyer } from '@/lib/checkout/place-order';
import type { CheckoutQuote } from '@/lib/checkout/checkout-quote';
import type { DemoCompany } from '../../sandbox/demo-data/types';
import { launchSandbox, type LaunchedSandbox } from '../../sandbox/launch';

/**
 * Placing on-account orders end to end below the UI: the BigCommerce sandbox (carts priced per buyer, REST v2
 * orders), the NetSuite emulator answering the live credit read, and real Redis (DB 0, under a unique key prefix
 * that is deleted afterwards) for credit reservations, checkout tokens and the credit snapshot. The place-order
 * function is what the server action calls with the session's buyer, so calling it directly with a hand-made form
 * is exactly a direct POST that bypasses the page.
 */
let sandbox: LaunchedSandbox;
let redis: Redis;
let deps: PlaceOrderDeps;
let lib: {
  place: typeof import('@/lib/checkout/place-order');
  quote: typeof import('@/lib/checkout/read-quote');
  card: typeof import('@/lib/checkout/card-checkout');
  ship: typeof import('@/lib/checkout/ship-to');
  cartMutations: typeof import('@/graphql/mutations/cart');
  graphql: typeof import('@/lib/bigcommerce/graphql/client');
};
const prefix = `test:checkout:${randomUUID()}`;
const snapshotHash = `test-checkout-${randomUUID()}`;
let variants: { productId: number; variantId: number }[];

beforeAll(async () => {
  sandbox = await launchSandbox({ products: 60, rateLimit: false, erpPort: 0 });
  // The app's clients read their configuration from the environment once, exactly as in the app.
  Object.assign(process.env, sandbox.env);
  redis = new Redis('redis://127.0.0.1:6379/0');
  const [place, quote, card, ship, cartMutations, graphql, store, reservations, policy, rest, netsuite, snapshots, keys, buyerCredit] = await Promise.all([
    import('@/lib/checkout/place-order'),
    import('@/lib/checkout/read-quote'),
    import('@/lib/checkout/card-checkout'),
    import('@/lib/checkout/ship-to'),
    import('@/graphql/mutations/cart'),
    import('@/lib/bigcommerce/graphql/client'),
    import('@/lib/checkout/checkout-store'),
    import('@/lib/credit/reservations'),
    import('@/lib/checkout/po-policy'),
    import('@/lib/bigcommerce/rest'),
    import('@/sync/erp/netsuite/config'),
    import('@/sync/flows/credit/sync-credit'),
    import('@/sync/state/keys'),
    import('@/lib/credit/buyer-credit'),
  ]);
  lib = { place, quote, card, ship, cartMutations, graphql };
  const ns = sandbox.netsuite;
  if (!ns) throw new Error('the NetSuite emulator did not start');
  const erp = netsuite.createNetSuiteAdapter({
    accountId: ns.accountId,
    restBase: ns.restBase,
    m2m: ns.credentials.m2m,
    client: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 }, pageSize: 1000, timeoutMs: 5_000 },
  });
  const env = sandbox.env;
  deps = {
    gate: {
      erp,
      reservations: new reservations.CreditReservations(redis, (customer) => `${prefix}:reservations:${customer}`),
      readSnapshot: (customer) => snapshots.readCreditSnapshot(redis, keys.syncKeys(snapshotHash), customer),
      // Nothing posts these orders to the ERP in this test, so each stays our own exposure.
      isOrderConfirmed: async () => false,
      settings: { snapshotMaxAgeMs: 15 * 60_000, snapshotKeptPerMille: 800, holdTtlMs: 10 * 60_000, warnPerMille: 900, liveReadTimeoutMs: 3_000 },
      log: () => undefined,
    },
    store: new store.CheckoutStore(redis, `${prefix}:checkout`),
    rest: rest.createBigCommerceRestClient({
      apiUrl: env.BIGCOMMERCE_API_URL ?? '',
      storeHash: env.BIGCOMMERCE_STORE_HASH ?? '',
      accessToken: env.BIGCOMMERCE_ACCESS_TOKEN ?? '',
      maxRetries: 1,
    }),
    readQuote: quote.readQuote,
    deleteCart: quote.deleteCart,
    customerNumberFor: buyerCredit.erpCustomerNumberFor,
    poRequired: policy.poRequiredPolicy(company('Cascade').erpCustomerNumber),
    log: () => undefined,
  };
  // Products anyone may order in the quantities these tests use (stock, no purchase-quantity rules).
  const { variantAvailable } = await import('../../sandbox/bigcommerce/graphql/catalog/inventory');
  const bc = sandbox.bigcommerce.store;
  variants = [...bc.products.values()]
    .filter((p) => p.order_quantity_minimum === 0 && p.order_quantity_maximum === 0 && p.is_visible)
    .flatMap((p) => p.variants.slice(0, 1).filter((v) => !v.purchasing_disabled && (p.inventory_tracking === 'none' || variantAvailable(bc, v) >= 500)).map((v) => ({ productId: p.id, variantId: v.id })))
    .slice(0, 3);
  if (variants.length < 3) throw new Error('the demo catalog has too few products in stock');
}, 120_000);

afterAll(async () => {
  const keys = [...(await redis.keys(`${prefix}:*`)), ...(await redis.keys(`sync:${snapshotHash}:*`))];
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await sandbox.close();
});

function company(name: string): DemoCompany {
  const found = sandbox.dataset.companies.find((c) => c.name.startsWith(name));
  if (!found) throw new Error(`no demo company ${name}`);
  return found;
}

function buyerOf(companyName: string, index = 0): { customerId: number; email: string } {
  const { id } = company(companyName);
  const buyer = sandbox.dataset.buyers.filter((b) => b.companyId === id)[index];
  if (!buyer) throw new Error(`no buyer ${index} at ${companyName}`);
  return { customerId: buyer.id, email: buyer.email };
}

async function cartFor(customerId: number, quantities: number[] = [3, 1]): Promise<string> {
  const lineItems = quantities.map((quantity, i) => {
    const v = variants[i];
    if (!v) throw new Error('not enough variants');
    return { productEntityId: v.productId, variantEntityId: v.variantId, quantity };
  });
  const { cart } = await lib.graphql.storefrontMutation(lib.cartMutations.CreateCartMutation, { lineItems }, { kind: 'customer', customerId });
  const id = cart.createCart?.cart?.entityId;
  if (!id) throw new Error('no cart');
  return id;
}

async function quoteOf(cartId: string, customerId: number): Promise<CheckoutQuote> {
  const quote = await lib.quote.readQuote(cartId, customerId);
  if (!quote) throw new Error('cart gone');
  return quote;
}

async function formFor(buyer: { customerId: number }, quote: CheckoutQuote, extra: Record<string, string> = {}): Promise<FormData> {
  const [address] = await lib.ship.shipToAddresses(deps.rest, buyer.customerId);
  if (!address) throw new Error('buyer has no address');
  const form = new FormData();
  const fields = { token: randomUUID(), quoted: quote.fingerprint, shipTo: String(address.id), poNumber: 'PO-4471', deliveryDate: '', comment: 'Dock 2', ...extra };
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}

async function setCredit(companyName: string, body: Record<string, unknown>): Promise<void> {
  const ns = sandbox.netsuite;
  if (!ns) throw new Error('no emulator');
  const response = await fetch(`${ns.url}/__sandbox/customers/${company(companyName).erpCustomerNumber}/credit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`credit ${response.status} ${await response.text()}`);
}

const orderSchema = z.looseObject({ id: z.number(), customer_id: z.number(), status_id: z.number(), customer_message: z.string(), payment_method: z.string(), total_inc_tax: z.string(), staff_notes: z.string().nullish() });
const lineSchema = z.looseObject({ product_id: z.number(), variant_id: z.number(), quantity: z.number(), price_ex_tax: z.string() });

async function ordersOf(customerId: number): Promise<number[]> {
  return [...sandbox.bigcommerce.store.orders.values()].filter((o) => o.customer_id === customerId).map((o) => o.id);
}

function placed(result: PlaceOrderResult): number {
  if (result.kind !== 'placed') throw new Error(`expected an order, got ${JSON.stringify(result)}`);
  return result.orderId;
}

const placing = (buyer: { customerId: number; email: string }, cartId: string | null, placedBy: PlacingBuyer['placedBy'] = null): PlacingBuyer => ({ ...buyer, cartId, placedBy });

describe('placing an on-account order', () => {
  it('creates the BigCommerce order at the prices BigCommerce charges this buyer now, reserves the credit and deletes the cart', async () => {
    const buyer = buyerOf('Acme');
    const cartId = await cartFor(buyer.customerId);
    const quote = await quoteOf(cartId, buyer.customerId);
    const result = await lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), await formFor(buyer, quote, { deliveryDate: '2099-01-15' }));
    const orderId = placed(result);

    const order = await deps.rest.get(`/v2/orders/${orderId}`, { schema: orderSchema });
    expect(order).toMatchObject({ customer_id: buyer.customerId, status_id: 11 });
    expect(order.payment_method).toMatch(/^On account/);
    expect(order.customer_message).toBe('PO Number: PO-4471\nRequested delivery date: 2099-01-15\nDock 2');
    const lines = await deps.rest.get(`/v2/orders/${orderId}/products`, { schema: z.array(lineSchema) });
    expect(lines.map((l) => [l.variant_id, l.quantity, Math.round(Number(l.price_ex_tax) * 100)])).toEqual(
      quote.lines.map((l) => [l.variantId, l.quantity, l.unitPrice.minor]),
    );
    expect(await lib.quote.readQuote(cartId, buyer.customerId)).toBeNull();
    expect(await deps.gate.reservations.exposure(company('Acme').erpCustomerNumber)).toBe(quote.total.minor);
    expect(order.staff_notes ?? '').toBe('');
  });

  it('an order placed by a sales rep acting as the buyer carries the rep in its staff notes', async () => {
    const buyer = buyerOf('Acme');
    const cartId = await cartFor(buyer.customerId);
    const quote = await quoteOf(cartId, buyer.customerId);
    const rep = { repId: '9001', name: 'Dana Reyes', email: 'dana@northwind.example', actingId: 'act-1' };
    const orderId = placed(await lib.place.placeOnAccountOrder(deps, placing(buyer, cartId, rep), await formFor(buyer, quote)));
    const order = await deps.rest.get(`/v2/orders/${orderId}`, { schema: orderSchema });
    expect(repAttributionOf(order.staff_notes)).toEqual(rep);
    expect(order.customer_id).toBe(buyer.customerId);
  });

  it('ignores prices, quantities and totals in the request: the server re-prices from the cart', async () => {
    const buyer = buyerOf('Acme', 1);
    const cartId = await cartFor(buyer.customerId, [2, 5]);
    const quote = await quoteOf(cartId, buyer.customerId);
    const tampered = await formFor(buyer, quote, { price: '0.01', quantity: '999', total: '1.00', 'lines[0][unitPrice]': '0.01', 'lines[0][quantity]': '1' });
    const orderId = placed(await lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), tampered));
    const lines = await deps.rest.get(`/v2/orders/${orderId}/products`, { schema: z.array(lineSchema) });
    expect(lines.map((l) => [l.quantity, Math.round(Number(l.price_ex_tax) * 100)])).toEqual(quote.lines.map((l) => [l.quantity, l.unitPrice.minor]));
    expect(quote.lines.every((l) => l.unitPrice.minor > 1)).toBe(true);
  });

  it('refuses a summary the buyer did not see: a forged or stale fingerprint places nothing', async () => {
    const buyer = buyerOf('Great Lakes');
    const cartId = await cartFor(buyer.customerId);
    const quote = await quoteOf(cartId, buyer.customerId);
    const before = await ordersOf(buyer.customerId);
    const result = await lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), await formFor(buyer, quote, { quoted: 'made-up-fingerprint-123' }));
    expect(result.kind).toBe('changed');
    expect(await ordersOf(buyer.customerId)).toEqual(before);
    expect(await deps.gate.reservations.exposure(company('Great Lakes').erpCustomerNumber)).toBe(0);
  });

  it('a double-submit of the same form creates one order and both submits answer with it', async () => {
    const buyer = buyerOf('Great Lakes', 1);
    const cartId = await cartFor(buyer.customerId);
    const form = await formFor(buyer, await quoteOf(cartId, buyer.customerId));
    const before = await ordersOf(buyer.customerId);
    const [first, second] = await Promise.all([
      lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), form),
      lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), form),
    ]);
    const third = await lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), form);
    expect(placed(first)).toBe(placed(second));
    expect(placed(third)).toBe(placed(first));
    expect(await ordersOf(buyer.customerId)).toHaveLength(before.length + 1);
  });

  it('20 concurrent placements against one credit line never exceed it', async () => {
    const name = 'Prairie County';
    const { erpCustomerNumber } = company(name);
    const buyers = [0, 1, 2].map((i) => buyerOf(name, i));
    const carts = await Promise.all(Array.from({ length: 20 }, (_, i) => cartFor(buyers[i % 3]?.customerId ?? 0, [1])));
    const quotes = await Promise.all(carts.map((cartId, i) => quoteOf(cartId, buyers[i % 3]?.customerId ?? 0)));
    const orderTotal = quotes[0]?.total.minor ?? 0;
    expect(quotes.every((q) => q.total.minor === orderTotal)).toBe(true);
    // Room for exactly five of these orders (and most of a sixth) above what the ERP already counts.
    const credit = await deps.gate.erp.getCredit(erpCustomerNumber);
    if (!credit) throw new Error('no ERP credit');
    const limit = credit.balance + credit.unbilledOrders + orderTotal * 5 + Math.floor(orderTotal / 2);
    await setCredit(name, { creditLimit: (limit / 100).toFixed(2) });

    const forms = await Promise.all(quotes.map((q, i) => formFor(buyers[i % 3] ?? { customerId: 0 }, q)));
    const results = await Promise.all(carts.map((cartId, i) => lib.place.placeOnAccountOrder(deps, placing(buyers[i % 3] ?? { customerId: 0, email: '' }, cartId), forms[i] ?? new FormData())));
    const orders = results.filter((r) => r.kind === 'placed');
    expect(orders).toHaveLength(5);
    expect(results.filter((r) => r.kind === 'refused' && r.refusal === 'insufficient')).toHaveLength(15);
    expect(await deps.gate.reservations.exposure(erpCustomerNumber)).toBe(orderTotal * 5);
    const created = (await Promise.all(buyers.map((b) => ordersOf(b.customerId)))).flat();
    expect(created).toHaveLength(5);
  });

  it('refuses an order over the available credit with the available amount and the shortfall, and places nothing', async () => {
    const name = 'Sunbelt';
    const buyer = buyerOf(name);
    const cartId = await cartFor(buyer.customerId, [400, 400]);
    const quote = await quoteOf(cartId, buyer.customerId);
    const credit = await deps.gate.erp.getCredit(company(name).erpCustomerNumber);
    if (!credit || credit.availableCredit === null) throw new Error('no ERP credit');
    const available = Math.max(0, credit.availableCredit);
    expect(quote.total.minor).toBeGreaterThan(available);
    const result = await lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), await formFor(buyer, quote));
    expect(result).toMatchObject({ kind: 'refused', refusal: 'insufficient', available: { minor: available }, shortfall: { minor: quote.total.minor - available } });
    expect(await ordersOf(buyer.customerId)).toEqual([]);
    expect(await lib.quote.readQuote(cartId, buyer.customerId)).not.toBeNull();
  });

  it('a direct call for a company on credit hold is refused, whatever the form says', async () => {
    const name = 'Ridgeline';
    const buyer = buyerOf(name);
    const cartId = await cartFor(buyer.customerId, [1]);
    const quote = await quoteOf(cartId, buyer.customerId);
    const form = await formFor(buyer, quote, { payment: 'on-account', onHold: 'false', creditApproved: 'true' });
    const result = await lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), form);
    expect(result).toMatchObject({ kind: 'refused', refusal: 'on-hold', message: expect.stringMatching(/credit hold/) });
    expect(await ordersOf(buyer.customerId)).toEqual([]);
    expect(await deps.gate.reservations.exposure(company(name).erpCustomerNumber)).toBe(0);
    // The refused form's token is free again: once the hold is lifted the same form goes through.
    await setCredit(name, { creditHoldOverride: 'OFF' });
    try {
      placed(await lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), form));
    } finally {
      await setCredit(name, { creditHoldOverride: 'AUTO' });
    }
  });

  it('requires a PO number where the company says so, and a ship-to from the buyer’s own addresses', async () => {
    const buyer = buyerOf('Cascade');
    const other = buyerOf('Acme');
    const cartId = await cartFor(buyer.customerId, [1]);
    const quote = await quoteOf(cartId, buyer.customerId);
    const [foreign] = await lib.ship.shipToAddresses(deps.rest, other.customerId);
    const result = await lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), await formFor(buyer, quote, { poNumber: '', shipTo: String(foreign?.id ?? 0) }));
    expect(result).toMatchObject({ kind: 'invalid', fieldErrors: { poNumber: expect.stringMatching(/PO number/), shipTo: expect.any(String) } });
    expect(await ordersOf(buyer.customerId)).toEqual([]);
  });

  it('ERP down with only a stale credit snapshot: on-account is refused and card checkout still works', async () => {
    const name = 'Desert Peak';
    const buyer = buyerOf(name);
    const { erpCustomerNumber } = company(name);
    const credit = await deps.gate.erp.getCredit(erpCustomerNumber);
    if (!credit) throw new Error('no ERP credit');
    const { syncKeys } = await import('@/sync/state/keys');
    const stale = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await redis.hset(syncKeys(snapshotHash).creditSnapshots, erpCustomerNumber, JSON.stringify({ ...credit, syncedAt: stale }));
    const cartId = await cartFor(buyer.customerId, [1]);
    const quote = await quoteOf(cartId, buyer.customerId);
    const ns = sandbox.netsuite;
    if (!ns) throw new Error('no emulator');
    await fetch(`${ns.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outage: true }) });
    try {
      const result = await lib.place.placeOnAccountOrder(deps, placing(buyer, cartId), await formFor(buyer, quote));
      expect(result).toMatchObject({ kind: 'refused', refusal: 'erp-unreachable', message: expect.stringMatching(/pay by card/) });
      expect(await ordersOf(buyer.customerId)).toEqual([]);
      const url = await lib.card.hostedCheckoutUrl(cartId, buyer.customerId);
      expect(url).toMatch(/cart\.php\?action=loadInCheckout/);
    } finally {
      await fetch(`${ns.url}/__sandbox/faults`, { method: 'DELETE' });
    }
  });
});
