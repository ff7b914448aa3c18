/**
 * Stock follows edits: changing an order line's quantity, item or location, removing it, or editing what a
 * fulfilment shipped moves committed / backordered / on hand / available by exactly the difference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDataset } from '@/sandbox/demo-data/types';
import type { NetSuiteEmulator } from '@/sandbox/netsuite/server';
import { bearer, call, errorCode, startSeeded } from './support/netsuite';

let ns: NetSuiteEmulator;
let data: DemoDataset;
let auth: string;

beforeAll(async () => {
  ({ ns, data } = await startSeeded());
  auth = await bearer(ns);
});
afterAll(async () => ns.close());

interface Stock {
  onHand: number;
  available: number;
  committed: number;
  backordered: number;
}

const [L1, L2] = [0, 1];

function location(index: number): DemoDataset['locations'][number] {
  const l = data.locations[index];
  if (!l) throw new Error('dataset needs two locations');
  return l;
}

/** The n-th SKU of the dataset, with a fresh stock level at both test locations. */
async function freshItem(n: number, onHand = 10): Promise<{ id: number; sku: string }> {
  const sku = data.contractPrices.map((c) => c.sku).filter((s, i, all) => all.indexOf(s) === i)[n];
  if (!sku) throw new Error('dataset too small');
  for (const index of [L1, L2]) {
    const res = await fetch(`${ns.url}/__sandbox/stock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sku, location: location(index).code, onHand, committed: 0, backordered: 0 }),
    });
    expect(res.status).toBe(200);
  }
  const [row] = await ns.sql<{ id: number }>('SELECT id FROM item WHERE itemid = $1', [sku]);
  if (!row) throw new Error('item missing');
  return { id: row.id, sku };
}

async function stock(item: number, index: number): Promise<Stock> {
  const [row] = await ns.sql<Record<string, string>>(
    `SELECT quantityonhand::int AS "onHand", quantityavailable::int AS available, quantitycommitted::int AS committed, quantitybackordered::int AS backordered
     FROM inventoryitemlocations WHERE item = $1 AND location = $2`,
    [item, location(index).id],
  );
  return row as unknown as Stock;
}

async function createOrder(lines: { item: number; quantity: number; at: number }[]): Promise<string> {
  const res = await call(ns, auth, 'POST', '/record/v1/salesOrder', {
    entity: { id: String(data.companies[0]?.id) },
    item: { items: lines.map((l) => ({ item: { id: String(l.item) }, quantity: l.quantity, rate: 1, location: { id: String(location(l.at).id) } })) },
  });
  expect(res.status).toBe(204);
  return res.headers.get('location')?.split('/').pop() ?? '';
}

async function patch(path: string, body: unknown): Promise<{ status: number; code: string | undefined }> {
  const res = await call(ns, auth, 'PATCH', path, body);
  return { status: res.status, code: errorCode(res.body) };
}

async function orderLine(orderId: string, line = 1): Promise<Record<string, unknown> | undefined> {
  const res = await call(ns, auth, 'GET', `/record/v1/salesOrder/${orderId}?expandSubResources=true`);
  return (res.body?.['item'] as { items: Record<string, unknown>[] }).items.find((l) => l['line'] === line);
}

describe('editing sales order lines moves stock by the difference', () => {
  it('raise → commit more (backorder what isn’t there); lower → release backorder first; move → give back and reserve afresh; remove → give back', async () => {
    const a = await freshItem(0);
    const b = await freshItem(1);
    const id = await createOrder([{ item: a.id, quantity: 4, at: L1 }]);
    expect(await stock(a.id, L1)).toEqual({ onHand: 10, available: 6, committed: 4, backordered: 0 });

    expect((await patch(`/record/v1/salesOrder/${id}`, { item: { items: [{ line: 1, item: { id: String(a.id) }, quantity: 12 } ] } })).status).toBe(204);
    expect(await stock(a.id, L1)).toEqual({ onHand: 10, available: 0, committed: 10, backordered: 2 });
    expect(await orderLine(id)).toMatchObject({ quantity: 12, quantityCommitted: 10, quantityBackOrdered: 2 });

    await patch(`/record/v1/salesOrder/${id}`, { item: { items: [{ line: 1, item: { id: String(a.id) }, quantity: 7 }] } });
    expect(await stock(a.id, L1)).toEqual({ onHand: 10, available: 3, committed: 7, backordered: 0 });

    await patch(`/record/v1/salesOrder/${id}`, { item: { items: [{ line: 1, item: { id: String(a.id) }, quantity: 7, location: { id: String(location(L2).id) } }] } });
    expect(await stock(a.id, L1)).toEqual({ onHand: 10, available: 10, committed: 0, backordered: 0 });
    expect(await stock(a.id, L2)).toEqual({ onHand: 10, available: 3, committed: 7, backordered: 0 });

    const replaced = await call(ns, auth, 'PATCH', `/record/v1/salesOrder/${id}?replace=item`, {
      item: { items: [{ item: { id: String(b.id) }, quantity: 1, location: { id: String(location(L1).id) } }] },
    });
    expect(replaced.status).toBe(204);
    expect(await stock(a.id, L2)).toEqual({ onHand: 10, available: 10, committed: 0, backordered: 0 });
    expect(await stock(b.id, L1)).toEqual({ onHand: 10, available: 9, committed: 1, backordered: 0 });
  });

  it('a line can’t drop below what was fulfilled, and a failed edit moves nothing', async () => {
    const a = await freshItem(2);
    const id = await createOrder([{ item: a.id, quantity: 5, at: L1 }]);
    await call(ns, auth, 'POST', `/record/v1/salesOrder/${id}/!transform/itemFulfillment`, { item: { items: [{ orderLine: 1, quantity: 3 }] } });
    const before = await stock(a.id, L1);
    const res = await patch(`/record/v1/salesOrder/${id}`, { item: { items: [{ line: 1, item: { id: String(a.id) }, quantity: 2 }] } });
    expect(res).toEqual({ status: 400, code: 'INVALID_CONTENT' });
    expect(await stock(a.id, L1)).toEqual(before);
  });
});

describe('editing fulfilment lines moves stock back and forth', () => {
  it('ship less → back on hand and committed to the order again; ship more → drawn down; the order status follows', async () => {
    const a = await freshItem(3);
    const id = await createOrder([{ item: a.id, quantity: 5, at: L1 }]);
    const t = await call(ns, auth, 'POST', `/record/v1/salesOrder/${id}/!transform/itemFulfillment`, {});
    const fulfilment = t.headers.get('location')?.split('/').pop();
    expect(await stock(a.id, L1)).toEqual({ onHand: 5, available: 5, committed: 0, backordered: 0 });

    expect((await patch(`/record/v1/itemFulfillment/${fulfilment}`, { item: { items: [{ orderLine: 1, quantity: 3 }] } })).status).toBe(204);
    expect(await stock(a.id, L1)).toEqual({ onHand: 7, available: 5, committed: 2, backordered: 0 });
    expect(await orderLine(id)).toMatchObject({ quantityFulfilled: 3, quantityCommitted: 2 });
    expect((await call(ns, auth, 'GET', `/record/v1/salesOrder/${id}`)).body?.['status']).toMatchObject({ id: 'E' });

    await patch(`/record/v1/itemFulfillment/${fulfilment}`, { item: { items: [{ orderLine: 1, quantity: 4 }] } });
    expect(await stock(a.id, L1)).toEqual({ onHand: 6, available: 5, committed: 1, backordered: 0 });

    const over = await patch(`/record/v1/itemFulfillment/${fulfilment}`, { item: { items: [{ orderLine: 1, quantity: 6 }] } });
    expect(over).toEqual({ status: 400, code: 'INVALID_CONTENT' });
    expect(await stock(a.id, L1)).toEqual({ onHand: 6, available: 5, committed: 1, backordered: 0 });

    // Billed quantity can't be un-shipped.
    expect((await call(ns, auth, 'POST', `/record/v1/salesOrder/${id}/!transform/invoice`, {})).status).toBe(204);
    expect((await patch(`/record/v1/itemFulfillment/${fulfilment}`, { item: { items: [{ orderLine: 1, quantity: 2 }] } })).status).toBe(400);
    const f = await call(ns, auth, 'GET', `/record/v1/itemFulfillment/${fulfilment}?expandSubResources=true`);
    expect((f.body?.['item'] as { items: { quantity: number }[] }).items.map((l) => l.quantity)).toEqual([4]);
  });

  it('keyed by orderLine: a new orderLine is added to the fulfilment, ?replace=item un-ships the lines not sent', async () => {
    const a = await freshItem(4);
    const b = await freshItem(5);
    const id = await createOrder([{ item: a.id, quantity: 2, at: L1 }, { item: b.id, quantity: 3, at: L2 }]);
    const t = await call(ns, auth, 'POST', `/record/v1/salesOrder/${id}/!transform/itemFulfillment`, { item: { items: [{ orderLine: 1, quantity: 2 }] } });
    const fulfilment = t.headers.get('location')?.split('/').pop();

    await patch(`/record/v1/itemFulfillment/${fulfilment}`, { item: { items: [{ orderLine: 2, quantity: 3 }] } });
    expect(await stock(b.id, L2)).toEqual({ onHand: 7, available: 7, committed: 0, backordered: 0 });
    expect((await call(ns, auth, 'GET', `/record/v1/salesOrder/${id}`)).body?.['status']).toMatchObject({ id: 'F' });

    await call(ns, auth, 'PATCH', `/record/v1/itemFulfillment/${fulfilment}?replace=item`, { item: { items: [{ orderLine: 2, quantity: 3 }] } });
    expect(await stock(a.id, L1)).toEqual({ onHand: 10, available: 8, committed: 2, backordered: 0 });
    expect(await orderLine(id, 1)).toMatchObject({ quantityFulfilled: 0, quantityCommitted: 2 });

    const empty = await call(ns, auth, 'PATCH', `/record/v1/itemFulfillment/${fulfilment}?replace=item`, { item: { items: [] } });
    expect(empty.status).toBe(400); // a fulfilment keeps at least one line
  });
});
