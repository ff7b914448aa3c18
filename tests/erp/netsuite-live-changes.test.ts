/**
 * The emulator's live-change admin path (`/__sandbox/…`): a back-office change over HTTP bumps the column the
 * adapter's delta reads key on, so the next delta read sees it, and each change is announced as an ERP change
 * event (in-memory list + callback POST).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDataset } from '@/sandbox/demo-data/types';
import type { ErpChangeEvent } from '@/sandbox/netsuite/admin';
import type { NetSuiteEmulator } from '@/sandbox/netsuite/server';
import type { ErpAdapter } from '@/sync/erp/erp';
import { adapterFor, startSeeded } from './support/netsuite';

let ns: NetSuiteEmulator;
let data: DemoDataset;
let erp: ErpAdapter;

beforeAll(async () => {
  ({ ns, data } = await startSeeded());
  erp = adapterFor(ns);
});
afterAll(async () => ns.close());

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${ns.url}/__sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function eventsAfter(seq: number): Promise<ErpChangeEvent[]> {
  return (await admin('GET', `events?after=${seq}`)).json['events'] as ErpChangeEvent[];
}

async function lastSeq(): Promise<number> {
  return (await admin('GET', 'events')).json['lastSeq'] as number;
}

describe('live changes through /__sandbox/ reach the adapter’s delta reads', () => {
  it('an item price change: the pricing delta carries that SKU’s new matrix, untouched SKUs stay out, an event is emitted', async () => {
    const start = await erp.readContractPricing();
    const bulk = await collect(start.items);
    const cp = data.contractPrices.find((c) => c.currency === 'USD');
    if (!cp) throw new Error('no USD contract price');
    const seq = await lastSeq();
    const res = await admin('POST', `items/${encodeURIComponent(cp.sku)}/prices`, { priceLevelId: cp.priceLevelId, unitPrice: '12.34', minQuantity: 1 });
    expect(res.status).toBe(200);
    const delta = await collect((await erp.readContractPricing({ since: start.watermark })).items);
    const changed = delta.find((d) => d.sku === cp.sku);
    expect(changed?.prices.find((p) => p.priceLevelId === String(cp.priceLevelId) && p.currency === 'USD')?.tiers[0]).toEqual({ minQuantity: 1, unitPrice: 1234 });
    expect(delta.length).toBeLessThan(bulk.length);
    expect(await eventsAfter(seq)).toEqual([
      expect.objectContaining({ seq: seq + 1, type: 'item.price.changed', data: expect.objectContaining({ sku: cp.sku.toUpperCase(), priceLevelId: cp.priceLevelId, unitPrice: '12.34' }) }),
    ]);
  });

  it('a customer item price change shows in the customers delta', async () => {
    const start = await erp.readContractPricing();
    await collect(start.customers);
    const company = data.companies[1];
    const sku = data.contractPrices[0]?.sku;
    if (!company || !sku) throw new Error('dataset too small');
    expect((await admin('POST', `customers/${company.erpCustomerNumber}/item-prices`, { sku, unitPrice: '7.77', currency: company.currency })).status).toBe(200);
    const delta = await collect((await erp.readContractPricing({ since: start.watermark })).customers);
    const mine = delta.find((c) => c.customerNumber === company.erpCustomerNumber);
    expect(mine?.itemPrices).toContainEqual({ sku: sku.toUpperCase(), currency: company.currency, kind: 'fixed', unitPrice: 777 });
    expect(delta.length).toBeLessThan(data.companies.length);
  });

  it('a stock change at a location shows in the inventory delta with available recomputed', async () => {
    const start = await erp.readInventory();
    await collect(start.rows);
    const s = data.stock[3];
    const code = data.locations.find((l) => l.id === s?.locationId)?.code;
    if (!s || !code) throw new Error('no stock');
    const seq = await lastSeq();
    expect((await admin('POST', 'stock', { sku: s.sku, location: code, onHand: 321, committed: 21 })).status).toBe(200);
    const delta = await collect((await erp.readInventory({ since: start.watermark })).rows);
    expect(delta.find((d) => d.sku === s.sku.toUpperCase() && d.locationCode === code)).toMatchObject({ onHand: 321, committed: 21, available: 300 });
    expect(delta.length).toBeLessThan(data.stock.length);
    expect((await eventsAfter(seq))[0]).toMatchObject({ type: 'inventory.changed', data: { sku: s.sku.toUpperCase(), locationCode: code, onHand: 321, available: 300 } });
  });

  it('a credit limit / hold override change shows in the credit delta and getCredit', async () => {
    const start = await erp.readCredit();
    await collect(start.rows);
    const company = data.companies.find((c) => c.creditHoldOverride !== 'ON');
    if (!company) throw new Error('no company');
    expect((await admin('POST', `customers/${company.erpCustomerNumber}/credit`, { creditLimit: '1.00', creditHoldOverride: 'AUTO' })).status).toBe(200);
    const delta = await collect((await erp.readCredit({ since: start.watermark })).rows);
    expect(delta.find((c) => c.customerNumber === company.erpCustomerNumber)).toMatchObject({ creditLimit: 100 });
    await admin('POST', `customers/${company.erpCustomerNumber}/credit`, { creditHoldOverride: 'ON' });
    expect(await erp.getCredit(company.erpCustomerNumber)).toMatchObject({ onHold: true, creditHoldOverride: 'ON', creditLimit: 100 });
    await admin('POST', `customers/${company.erpCustomerNumber}/credit`, { creditLimit: null, creditHoldOverride: 'OFF' });
    expect(await erp.getCredit(company.erpCustomerNumber)).toMatchObject({ onHold: false, creditLimit: null });
  });

  it('fulfilling a sales order: status, fulfilment and tracking read back; stock drawn down in the delta; event emitted', async () => {
    const company = data.companies[0];
    const s = data.stock.find((x) => x.available > 5);
    const code = data.locations.find((l) => l.id === s?.locationId)?.code;
    if (!company || !s || !code) throw new Error('dataset too small');
    await erp.postSalesOrder({
      storeHash: 'abc123', orderId: 20001, customerNumber: company.erpCustomerNumber, currency: company.currency, orderDate: '2025-03-14',
      shippingCost: 0, lines: [{ sku: s.sku, quantity: 2, unitPrice: 1000, locationCode: code }],
    });
    const start = await erp.readInventory();
    const before = (await collect(start.rows)).find((r) => r.sku === s.sku.toUpperCase() && r.locationCode === code);
    const seq = await lastSeq();
    const res = await admin('POST', 'sales-orders/eid:bc-abc123-20001/fulfil', { trackingNumbers: ['1ZLIVE0001'] });
    expect(res.status).toBe(200);
    expect(await erp.getSalesOrder('bc-abc123-20001')).toMatchObject({ status: 'pending_billing', trackingNumbers: ['1ZLIVE0001'] });
    const delta = await collect((await erp.readInventory({ since: start.watermark })).rows);
    expect(delta.find((r) => r.sku === s.sku.toUpperCase() && r.locationCode === code)?.onHand).toBe((before?.onHand ?? 0) - 2);
    expect(await eventsAfter(seq)).toEqual([
      expect.objectContaining({ type: 'salesorder.fulfilled', data: expect.objectContaining({ externalId: 'bc-abc123-20001', trackingNumbers: ['1ZLIVE0001'] }) }),
    ]);
    // Already fully shipped: a second fulfil is refused, and no event is emitted for it.
    expect((await admin('POST', 'sales-orders/eid:bc-abc123-20001/fulfil', {})).status).toBe(400);
    expect(await eventsAfter(seq)).toHaveLength(1);
  });
});

describe('the admin path itself', () => {
  it('posts every change event to registered callback URLs', async () => {
    const received: ErpChangeEvent[] = [];
    const hook: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as ErpChangeEvent);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/erp-events`;
      expect((await admin('POST', 'webhooks', { url })).json).toEqual({ webhooks: [url] });
      const s = data.stock[0];
      const code = data.locations.find((l) => l.id === s?.locationId)?.code;
      if (!s || !code) throw new Error('no stock');
      const { json } = await admin('POST', 'stock', { sku: s.sku, location: code, onHand: 5 });
      await ns.admin.settled();
      expect(received).toEqual([json['event']]);
      expect((await admin('DELETE', 'webhooks')).json).toEqual({ webhooks: [] });
    } finally {
      await new Promise<void>((r) => hook.close(() => r()));
    }
  });

  it('refuses unknown records and bad bodies, is not reachable under /services/, and leaves events untouched then', async () => {
    const seq = await lastSeq();
    expect((await admin('POST', 'items/NO-SUCH-SKU/prices', { priceLevelId: 1, unitPrice: '1.00' })).status).toBe(404);
    expect((await admin('POST', `items/${data.contractPrices[0]?.sku ?? ''}/prices`, { priceLevelId: 1, unitPrice: 'abc' })).status).toBe(400);
    expect((await admin('POST', 'customers/C-NOPE/credit', { creditHoldOverride: 'ON' })).status).toBe(404);
    const viaServices = await fetch(`${ns.restBase}/__sandbox/stock`, { method: 'POST', body: '{}' });
    expect(viaServices.status).toBe(401);
    expect(await eventsAfter(seq)).toEqual([]);
  });
});
