import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scanForUnpostedOrders } from '../../sync/flows/orders/catch-up-scan';
import { readOrder, readOrderSnapshot } from '../../sync/flows/orders/bc-order';
import { OrderFlowError } from '../../sync/flows/orders/errors';
import { orderKeys } from '../../sync/flows/orders/keys';
import { mapToSalesOrder } from '../../sync/flows/orders/map-order';
import { OrderLedger } from '../../sync/flows/orders/order-ledger';
import { postOrder, type PostOrderResult } from '../../sync/flows/orders/post-order';
import { setFaults } from '../sync/support';
import { SHIP_TO, startOrderWorld, type OrderWorld } from './support';

/**
 * BigCommerce order → NetSuite sales order, exactly once, against the sandbox, the NetSuite emulator and real Redis
 * (DB 1). "Exactly once" is checked where it matters: the emulator's own transaction table.
 */
let world: OrderWorld;
beforeAll(async () => {
  world = await startOrderWorld(1);
});
afterAll(() => world.close());
beforeEach(async () => {
  world.ns.faults.reset();
  await setFaults(world, null);
});

async function failure(promise: Promise<unknown>): Promise<OrderFlowError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(OrderFlowError);
  return error as OrderFlowError;
}

const putsOf = (orderId: number) => world.ns.requestLog.filter((r) => r.method === 'PUT' && r.path.endsWith(`eid:${world.externalId(orderId)}`)).length;

describe('posting an order', () => {
  it('creates one ERP order with the same lines, prices, PO and memo, and writes the ERP number back', async () => {
    const orderId = await world.placeOrder();
    const result = await postOrder(world.ctx, orderId);
    expect(result).toMatchObject({ outcome: 'posted', erpCreated: true, record: { orderId, externalId: world.externalId(orderId) } });

    const [erp, ...others] = await world.erpOrders(orderId);
    expect(others).toEqual([]);
    const [a, b] = world.lines;
    expect(erp?.lines).toEqual([
      { sku: a?.sku, quantity: 3, unitPrice: 1725 },
      { sku: b?.sku, quantity: 1, unitPrice: 24000 },
    ]);
    expect(erp).toMatchObject({ otherrefnum: 'PO-7781', shippingCost: 1250 });
    expect(erp?.memo).toBe(`BigCommerce order ${orderId}; Deliver to dock 4, mornings only.`);

    const bc = await world.bcOrder(orderId);
    expect(bc.external_order_id).toBe(erp?.tranid);
    expect(result.outcome === 'posted' && result.record.erpOrderNumber).toBe(erp?.tranid);
  });

  it('a second post of the same order answers from Redis and sends nothing to the ERP', async () => {
    const orderId = await world.placeOrder();
    await postOrder(world.ctx, orderId);
    const requests = world.ns.requestLog.length;
    const again = await postOrder(world.ctx, orderId);
    expect(again.outcome).toBe('already-posted');
    expect(world.ns.requestLog.length).toBe(requests);
    expect(await world.erpOrders(orderId)).toHaveLength(1);
  });

  it('20 workers posting the same order at once create one ERP order, its lines once', async () => {
    const orderId = await world.placeOrder();
    const workers = await Promise.all(Array.from({ length: 20 }, () => world.otherWorker()));
    const results = await Promise.all(workers.map((ctx) => postOrder(ctx, orderId)));

    expect(results.filter((r) => r.outcome === 'posted')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'already-posted')).toHaveLength(19);
    const erpIds = new Set(results.map((r) => (r.outcome === 'skipped' ? null : r.record.erpOrderId)));
    expect(erpIds.size).toBe(1);
    const erp = await world.erpOrders(orderId);
    expect(erp).toHaveLength(1);
    expect(erp[0]?.lines).toHaveLength(2);
    expect(putsOf(orderId)).toBe(1);
  });

  it('duplicate store/order/created webhooks post the order once', async () => {
    const handled: Promise<PostOrderResult>[] = [];
    const receiver: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { id: number } };
        // A worker job per delivery, as if the trigger queue had not deduplicated anything.
        handled.push(postOrder(world.ctx, body.data.id));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const destination = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const hook = (await world.ctx.rest.post('/v3/hooks', { scope: 'store/order/created', destination, is_active: true })) as { data: { id: number } };
      await setFaults(world, { webhookDuplicateRatio: 1 });
      const orderId = await world.placeOrder();
      await world.bc.bigcommerce.webhooks.flush();
      await world.ctx.rest.del(`/v3/hooks/${hook.data.id}`);

      const results = await Promise.all(handled);
      expect(results).toHaveLength(2);
      expect(results.map((r) => r.outcome).sort()).toEqual(['already-posted', 'posted']);
      expect(await world.erpOrders(orderId)).toHaveLength(1);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

describe('failures', () => {
  it('an ERP outage is a retryable failure; after recovery each order is posted exactly once', async () => {
    const orders = [await world.placeOrder(), await world.placeOrder(), await world.placeOrder()];
    world.ns.faults.set({ outage: true });
    for (const orderId of orders) {
      const error = await failure(postOrder(world.ctx, orderId));
      expect(error).toMatchObject({ kind: 'erp-unavailable', retryable: true });
    }
    // Nothing was recorded, so the catch-up scan keeps offering them while the ERP is down.
    expect((await scanForUnpostedOrders(world.ctx)).orderIds).toEqual(expect.arrayContaining(orders));

    world.ns.faults.reset();
    for (const orderId of orders) expect((await postOrder(world.ctx, orderId)).outcome).toBe('posted');
    for (const orderId of orders) expect(await world.erpOrders(orderId)).toHaveLength(1);
    const after = await scanForUnpostedOrders(world.ctx);
    expect(after.orderIds.filter((id) => orders.includes(id))).toEqual([]);
  });

  it('a crash after the ERP post and before the write-back resumes without a second ERP order', async () => {
    const orderId = await world.placeOrder();
    // The worker got as far as the ERP post, then died: the ERP has the order, BigCommerce and Redis don't know.
    const mapped = mapToSalesOrder(world.ctx.storeHash, await readOrderSnapshot(world.ctx, await readOrder(world.ctx, orderId)));
    if (!mapped.ok) throw new Error(mapped.problems.join('; '));
    await world.ctx.erp.postSalesOrder(mapped.input);
    expect((await world.bcOrder(orderId)).external_order_id).toBe('');

    const resumed = await postOrder(world.ctx, orderId);
    expect(resumed).toMatchObject({ outcome: 'posted', erpCreated: false });
    const erp = await world.erpOrders(orderId);
    expect(erp).toHaveLength(1);
    expect(erp[0]?.lines).toHaveLength(2);
    expect((await world.bcOrder(orderId)).external_order_id).toBe(erp[0]?.tranid);
  });

  it('a crash after the write-back and before Redis recorded it resumes without a second ERP order', async () => {
    const orderId = await world.placeOrder();
    await postOrder(world.ctx, orderId);
    await world.redis.hdel(orderKeys(world.ctx.storeHash).posted, String(orderId));
    const resumed = await postOrder(world.ctx, orderId);
    expect(resumed).toMatchObject({ outcome: 'posted', erpCreated: false });
    expect(await world.erpOrders(orderId)).toHaveLength(1);
    expect(putsOf(orderId)).toBe(1);
  });

  it('a response lost after NetSuite committed the order does not duplicate it', async () => {
    const orderId = await world.placeOrder();
    world.ns.faults.set({ rules: [{ kind: 'commit-then-drop', method: 'PUT', path: `eid:${world.externalId(orderId)}`, times: 1 }] });
    expect((await postOrder(world.ctx, orderId)).outcome).toBe('posted');
    const erp = await world.erpOrders(orderId);
    expect(erp).toHaveLength(1);
    expect(erp[0]?.lines).toHaveLength(2);
  });

  const unpostable: [string, () => Promise<Record<string, unknown>>, OrderFlowError['kind'], RegExp][] = [
    ['a buyer whose customer record is not linked to an ERP customer', async () => {
      const created = (await world.ctx.rest.post('/v3/customers', [{ email: `unlinked-${Date.now()}@example.com`, first_name: 'Una', last_name: 'Linked' }])) as { data: { id: number }[] };
      return { customer_id: created.data[0]?.id };
    }, 'unmappable', /customer \d+ is not linked to an ERP customer: add "ERP customer \{number\}" to the customer's notes/],
    ['a guest order', async () => ({ customer_id: 0 }), 'unmappable', /guest order/],
    ['no shipping address', async () => ({ shipping_addresses: [] }), 'unmappable', /no shipping address/],
    ['two shipping addresses', async () => ({ shipping_addresses: [SHIP_TO, { ...SHIP_TO, street_1: '9 Other St' }] }), 'unmappable', /ships to 2 addresses/],
    ['a line without SKU', async () => ({ products: [{ name: 'Rush handling', quantity: 1, price_ex_tax: 5, price_inc_tax: 5 }] }), 'unmappable', /"Rush handling" has no SKU/],
    ['a SKU the ERP does not know', async () => ({ products: [{ name: 'Legacy part', sku: 'NO-SUCH-SKU-1', quantity: 1, price_ex_tax: 5, price_inc_tax: 5 }] }), 'erp-rejected', /NO-SUCH-SKU-1/],
  ];
  it.each(unpostable)('%s is a permanent failure saying what to fix; the ERP gets nothing and the scan stops offering it', async (_case, overrides, kind, reason) => {
    const orderId = await world.placeOrder(await overrides());
    const error = await failure(postOrder(world.ctx, orderId));
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(false);
    expect(error.reason).toMatch(reason);
    expect(await new OrderLedger(world.redis, orderKeys(world.ctx.storeHash)).rejected(orderId)).toMatchObject({ kind, reason: error.reason });
    expect(await world.erpOrders(orderId)).toEqual([]);
    expect((await scanForUnpostedOrders(world.ctx)).orderIds).not.toContain(orderId);
  });

  it('a rejected order is posted when replayed after the fix', async () => {
    const orderId = await world.placeOrder({ shipping_addresses: [{ ...SHIP_TO, street_1: '' }] });
    expect((await failure(postOrder(world.ctx, orderId))).reason).toMatch(/lacks street_1/);
    const addresses = (await world.ctx.rest.get(`/v2/orders/${orderId}/shipping_addresses`)) as { id: number }[];
    await world.ctx.rest.put(`/v2/orders/${orderId}/shipping_addresses/${addresses[0]?.id}`, { street_1: '1200 Foundry Rd' });
    expect((await postOrder(world.ctx, orderId)).outcome).toBe('posted');
    expect(await world.erpOrders(orderId)).toHaveLength(1);
  });

  it('an Incomplete order is skipped, and posted once the checkout completes it', async () => {
    const orderId = await world.placeOrder({ status_id: 0 });
    expect(await postOrder(world.ctx, orderId)).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('Incomplete') as string });
    expect(await world.erpOrders(orderId)).toEqual([]);
    expect((await scanForUnpostedOrders(world.ctx)).orderIds).not.toContain(orderId);
    await world.ctx.rest.put(`/v2/orders/${orderId}`, { status_id: 11 });
    expect((await scanForUnpostedOrders(world.ctx)).orderIds).toContain(orderId);
    expect((await postOrder(world.ctx, orderId)).outcome).toBe('posted');
  });
});

describe('catch-up scan', () => {
  it('finds an order whose store/order/created webhook was dropped, and forgets it once posted', async () => {
    const received: unknown[] = [];
    const receiver: Server = createServer((req, res) => {
      req.on('data', () => {});
      req.on('end', () => {
        received.push(req.url);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const destination = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const hook = (await world.ctx.rest.post('/v3/hooks', { scope: 'store/order/created', destination, is_active: true })) as { data: { id: number } };
      await scanForUnpostedOrders(world.ctx); // a scan before: the watermark is now
      await setFaults(world, { webhookDropRatio: 1 });
      const orderId = await world.placeOrder();
      await world.bc.bigcommerce.webhooks.flush();
      await world.ctx.rest.del(`/v3/hooks/${hook.data.id}`);
      expect(received).toEqual([]);
      expect(world.bc.bigcommerce.webhooks.log.list({ scope: 'store/order/created', status: 'dropped' }).map((d) => (d.payload.data as { id: number }).id)).toContain(orderId);

      const scan = await scanForUnpostedOrders(world.ctx);
      expect(scan.orderIds).toContain(orderId);
      await postOrder(world.ctx, scan.orderIds.find((id) => id === orderId) ?? 0);
      expect((await scanForUnpostedOrders(world.ctx)).orderIds).not.toContain(orderId);
      expect(await world.erpOrders(orderId)).toHaveLength(1);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('keeps its watermark at the oldest order still unposted, so a stuck order is offered again on every scan', async () => {
    const stuck = await world.placeOrder();
    const first = await scanForUnpostedOrders(world.ctx);
    expect(first.orderIds).toContain(stuck);
    const later = await scanForUnpostedOrders(world.ctx, { overlapMs: 0, now: () => new Date(Date.now() + 3_600_000) });
    expect(later.orderIds).toContain(stuck);
    expect(Date.parse(later.watermark)).toBeLessThanOrEqual(Date.parse(String((await world.bcOrder(stuck)).date_modified)));
    await postOrder(world.ctx, stuck);
  });
});
