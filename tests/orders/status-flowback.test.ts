import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShipments } from '../../sync/flows/orders/bc-order';
import { orderKeys } from '../../sync/flows/orders/keys';
import { OrderLedger } from '../../sync/flows/orders/order-ledger';
import { postOrder } from '../../sync/flows/orders/post-order';
import { flowbackOpenOrders, flowbackOrder, orderIdFromExternalId } from '../../sync/flows/orders/status-flowback';
import { startOrderWorld, type OrderWorld } from './support';

/**
 * ERP → BigCommerce after posting: status, shipments and tracking numbers, once per ERP fulfilment, against the
 * NetSuite emulator (fulfilled through its admin path, as a warehouse would) and real Redis (DB 2).
 */
let world: OrderWorld;
beforeAll(async () => {
  world = await startOrderWorld(2);
});
afterAll(() => world.close());

async function postedOrder(overrides: Record<string, unknown> = {}): Promise<number> {
  const orderId = await world.placeOrder(overrides);
  expect((await postOrder(world.ctx, orderId)).outcome).toBe('posted');
  return orderId;
}

const fulfil = (orderId: number, body: Record<string, unknown>) => world.ns.admin.fulfil(`eid:${world.externalId(orderId)}`, body);
const status = async (orderId: number) => (await world.bcOrder(orderId)).status_id;
const open = () => new OrderLedger(world.redis, orderKeys(world.ctx.storeHash)).openOrders(1000);

describe('status flow-back', () => {
  it('an order the ERP accepted becomes Awaiting Fulfillment; polling it again changes nothing', async () => {
    const orderId = await postedOrder({ status_id: 1 });
    expect(await flowbackOrder(world.ctx, orderId)).toMatchObject({ outcome: 'applied', erpStatus: 'pending_fulfillment', statusSet: 11, shipmentsCreated: 0, settled: false });
    expect(await status(orderId)).toBe(11);
    const calls = world.ctx.counters.calls;
    expect(await flowbackOrder(world.ctx, orderId)).toMatchObject({ outcome: 'unchanged' });
    expect(world.ctx.counters.calls).toBe(calls);
  });

  it('a fulfilment in the ERP ships the order in BigCommerce with its tracking number, once', async () => {
    const orderId = await postedOrder();
    await fulfil(orderId, { trackingNumbers: ['1Z999AA10123456784'] });
    const result = await flowbackOrder(world.ctx, orderId);
    expect(result).toMatchObject({ outcome: 'applied', erpStatus: 'pending_billing', shipmentsCreated: 1, settled: true });

    const shipments = await readShipments(world.ctx, orderId);
    expect(shipments).toHaveLength(1);
    expect(shipments[0]?.tracking_number).toBe('1Z999AA10123456784');
    expect(shipments[0]?.items.map((i) => i.quantity)).toEqual([3, 1]);
    expect(await world.bcOrder(orderId)).toMatchObject({ status_id: 2, status: 'Shipped' });
    expect(await open()).not.toContain(orderId);

    // Lost fingerprint (Redis flushed, or a crash right after the shipment): the shipment's marker prevents a second one.
    await world.redis.hdel(orderKeys(world.ctx.storeHash).flowbackApplied, String(orderId));
    expect(await flowbackOrder(world.ctx, orderId)).toMatchObject({ shipmentsCreated: 0 });
    expect(await readShipments(world.ctx, orderId)).toHaveLength(1);
  });

  it('two partial fulfilments become two shipments: Partially Shipped, then Shipped; every tracking number is kept', async () => {
    const orderId = await postedOrder();
    await fulfil(orderId, { lines: [{ orderLine: 1, quantity: 2 }], trackingNumbers: ['TRK-A1'] });
    expect(await flowbackOrder(world.ctx, orderId)).toMatchObject({ erpStatus: 'pending_billing_partially_fulfilled', shipmentsCreated: 1, settled: false });
    expect(await status(orderId)).toBe(3);
    expect(await open()).toContain(orderId);

    await fulfil(orderId, { trackingNumbers: ['TRK-B1', 'TRK-B2'] });
    expect(await flowbackOrder(world.ctx, orderId)).toMatchObject({ erpStatus: 'pending_billing', shipmentsCreated: 1, settled: true });
    const shipments = await readShipments(world.ctx, orderId);
    expect(shipments.map((s) => [s.tracking_number, s.items.map((i) => i.quantity)])).toEqual([
      ['TRK-A1', [2]],
      ['TRK-B1', [1, 1]],
    ]);
    expect(shipments[1]?.comments).toMatch(/tracking TRK-B1, TRK-B2/);
    expect(await status(orderId)).toBe(2);
  });

  it('five workers flowing back the same fulfilment at once create one shipment', async () => {
    const orderId = await postedOrder();
    await fulfil(orderId, { trackingNumbers: ['RACE-1'] });
    const workers = await Promise.all(Array.from({ length: 5 }, () => world.otherWorker()));
    // ERP latency lines the workers up: without the per-order lock all five read "no shipment yet" together.
    world.ns.faults.set({ latencyMs: 40 });
    const results = await Promise.all(workers.map((ctx) => flowbackOrder(ctx, orderId))).finally(() => world.ns.faults.reset());
    expect(results.reduce((n, r) => n + r.shipmentsCreated, 0)).toBe(1);
    expect(await readShipments(world.ctx, orderId)).toHaveLength(1);
  });

  it('a picked (not yet shipped) fulfilment creates no shipment', async () => {
    const orderId = await postedOrder();
    await fulfil(orderId, { shipStatus: 'A' });
    expect(await flowbackOrder(world.ctx, orderId)).toMatchObject({ shipmentsCreated: 0 });
    expect(await readShipments(world.ctx, orderId)).toEqual([]);
  });

  it('an order cancelled in the ERP is cancelled in BigCommerce and leaves the open list', async () => {
    const orderId = await postedOrder();
    await world.ns.sql(`UPDATE transaction SET status = 'C' WHERE externalid = $1`, [world.externalId(orderId)]);
    expect(await flowbackOrder(world.ctx, orderId)).toMatchObject({ erpStatus: 'cancelled', statusSet: 5, settled: true });
    expect(await status(orderId)).toBe(5);
    expect(await open()).not.toContain(orderId);
  });

  it('a pass over the open orders applies what changed and reports a broken order without stopping', async () => {
    const shipped = await postedOrder();
    const broken = await postedOrder();
    await fulfil(shipped, { trackingNumbers: ['PASS-1'] });
    await world.ns.sql(`UPDATE transaction SET externalid = NULL WHERE externalid = $1`, [world.externalId(broken)]);

    const pass = await flowbackOpenOrders(world.ctx);
    expect(pass.applied.map((r) => r.orderId)).toContain(shipped);
    expect(pass.failures.map((f) => [f.orderId, f.kind, f.retryable])).toEqual([[broken, 'erp-rejected', false]]);
    expect(pass.failures[0]?.reason).toMatch(/the ERP has no order bc-/);
    expect(await status(shipped)).toBe(2);
  });

  it('maps ERP event external ids back to order ids, and only ours', () => {
    expect(orderIdFromExternalId(world.ctx.storeHash, world.externalId(4711))).toBe(4711);
    expect(orderIdFromExternalId(world.ctx.storeHash, 'bc-otherstore-4711')).toBeNull();
  });
});
