/**
 * The NetSuite adapter against the emulator: bulk and delta reads agree with the demo dataset, orders post exactly
 * once (also across a lost response), and outages surface as typed errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoDataset } from '@/sandbox/demo-data/types';
import type { NetSuiteEmulator } from '@/sandbox/netsuite/server';
import type { CustomerPricing, ErpAdapter, InventoryLevel, ItemContractPrices, SalesOrderInput } from '@/sync/erp/erp';
import { ErpError } from '@/sync/erp/errors';
import { adapterFor, startSeeded } from './support/netsuite';

let ns: NetSuiteEmulator;
let data: DemoDataset;
let erp: ErpAdapter;

beforeAll(async () => {
  ({ ns, data } = await startSeeded());
  erp = adapterFor(ns);
});
afterAll(async () => ns.close());
beforeEach(() => void ns.faults.reset());

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

function firstCompany(): DemoDataset['companies'][number] {
  const c = data.companies[0];
  if (!c) throw new Error('no companies');
  return c;
}

function order(orderId: number, overrides: Partial<SalesOrderInput> = {}): SalesOrderInput {
  const stock = data.stock.filter((s) => s.available > 5);
  const [a, b] = stock;
  if (!a || !b) throw new Error('dataset lacks stock');
  const code = (id: number): string => data.locations.find((l) => l.id === id)?.code ?? '';
  return {
    storeHash: 'abc123',
    orderId,
    customerNumber: firstCompany().erpCustomerNumber,
    currency: 'USD',
    orderDate: '2025-03-14',
    poNumber: 'PO-7781',
    shippingCost: 1250,
    lines: [
      { sku: a.sku, quantity: 2, unitPrice: 1725, locationCode: code(a.locationId) },
      { sku: b.sku.toLowerCase(), quantity: 1, unitPrice: 24000, locationCode: code(b.locationId) },
    ],
    ...overrides,
  };
}

describe('contract pricing', () => {
  it('bulk read: every demo contract price arrives as tiers in cents, per level and currency', async () => {
    const read = await erp.readContractPricing();
    const levels = await collect(read.priceLevels);
    expect(levels.map((l) => l.id).sort()).toEqual(data.priceLevels.map((l) => String(l.id)).sort());
    const items = await collect(read.items);
    const bySku = new Map(items.map((i) => [i.sku, i]));
    expect(data.contractPrices.length).toBeGreaterThan(0);
    for (const cp of data.contractPrices) {
      const level = bySku.get(cp.sku)?.prices.find((p) => p.priceLevelId === String(cp.priceLevelId) && p.currency === cp.currency);
      expect(level?.tiers, `${cp.sku} level ${cp.priceLevelId} ${cp.currency}`).toEqual(cp.breaks.map((b) => ({ minQuantity: b.minQuantity, unitPrice: b.unitPrice })));
    }
  });

  it('bulk read: customers carry their price level and their customer-specific fixed prices', async () => {
    const customers = await collect((await erp.readContractPricing()).customers);
    expect(customers).toHaveLength(data.companies.length);
    const byNumber = new Map<string, CustomerPricing>(customers.map((c) => [c.customerNumber, c]));
    for (const company of data.companies) expect(byNumber.get(company.erpCustomerNumber)?.priceLevelId).toBe(String(company.priceLevelId));
    for (const p of data.customerItemPrices) {
      const company = data.companies.find((c) => c.id === p.companyId);
      const line = byNumber.get(company?.erpCustomerNumber ?? '')?.itemPrices.find((i) => i.sku === p.sku && i.currency === p.currency);
      expect(line).toEqual({ sku: p.sku, currency: p.currency, kind: 'fixed', unitPrice: p.unitPrice });
    }
  });

  it('delta read returns only items changed since the watermark, each with its complete matrix', async () => {
    const first = await erp.readContractPricing();
    await collect(first.items);
    const cp = data.contractPrices.find((c) => c.breaks.length > 1) ?? data.contractPrices[0];
    if (!cp) throw new Error('no contract prices');
    // A merchant edits one tier in NetSuite: the matrix changes and the item record is saved.
    await ns.sql(
      `UPDATE pricing SET unitprice = 12.34 WHERE item = (SELECT id FROM item WHERE itemid = $1) AND pricelevel = $2 AND currency = 1 AND quantity = $3`,
      [cp.sku, cp.priceLevelId, cp.breaks[0]?.minQuantity],
    );
    await ns.sql(`UPDATE item SET lastmodifieddate = now() WHERE itemid = $1`, [cp.sku]);
    const delta = await collect((await erp.readContractPricing({ since: first.watermark })).items);
    expect(delta.map((d: ItemContractPrices) => d.sku)).toEqual([cp.sku]);
    const tiers = delta[0]?.prices.find((p) => p.priceLevelId === String(cp.priceLevelId) && p.currency === 'USD')?.tiers;
    expect(tiers?.[0]).toEqual({ minQuantity: 1, unitPrice: 1234 });
    expect(tiers).toHaveLength(cp.breaks.length);
  });
});

describe('inventory', () => {
  it('bulk read matches the demo stock per SKU and location code', async () => {
    const rows = await collect((await erp.readInventory()).rows);
    expect(rows).toHaveLength(data.stock.length);
    const code = new Map(data.locations.map((l) => [l.id, l.code]));
    const byKey = new Map(rows.map((r: InventoryLevel) => [`${r.sku}@${r.locationCode}`, r]));
    for (const s of data.stock.slice(0, 50)) {
      expect(byKey.get(`${s.sku}@${code.get(s.locationId)}`)).toEqual({
        sku: s.sku, locationCode: code.get(s.locationId), onHand: s.onHand, available: s.available, committed: s.committed, backordered: s.backordered,
      });
    }
  });

  it('keyset paging past the result cap reads every row exactly once', async () => {
    const capped = adapterFor(ns, { pageSize: 7, resultCap: 21 });
    const rows = await collect((await capped.readInventory()).rows);
    expect(rows).toHaveLength(data.stock.length);
    expect(new Set(rows.map((r) => `${r.sku}@${r.locationCode}`)).size).toBe(data.stock.length);
  });
});

describe('credit', () => {
  it('bulk read maps limits and balances to cents and computes available credit', async () => {
    const rows = await collect((await erp.readCredit()).rows);
    expect(rows).toHaveLength(data.companies.length);
    const c = firstCompany();
    expect(rows.find((r) => r.customerNumber === c.erpCustomerNumber)).toMatchObject({
      creditLimit: c.creditLimit, balance: c.balance, unbilledOrders: c.unbilledOrders, overdueBalance: c.overdueBalance,
      availableCredit: c.creditLimit - c.balance - c.unbilledOrders, currency: c.currency, termsDays: c.termsDays,
    });
  });

  it('creditHoldOverride ON puts the customer on hold; the delta read picks up the change', async () => {
    const start = await erp.readCredit();
    await collect(start.rows);
    const c = data.companies[1] ?? firstCompany();
    await ns.sql(`UPDATE customer SET creditholdoverride = 'ON', lastmodifieddate = now() WHERE entityid = $1`, [c.erpCustomerNumber]);
    const delta = await collect((await erp.readCredit({ since: start.watermark })).rows);
    expect(delta.map((d) => d.customerNumber)).toContain(c.erpCustomerNumber);
    expect(delta.find((d) => d.customerNumber === c.erpCustomerNumber)).toMatchObject({ creditHoldOverride: 'ON', onHold: true });
    expect(await erp.getCredit(c.erpCustomerNumber)).toMatchObject({ onHold: true });
    expect(await erp.getCredit('C-NOPE')).toBeNull();
  });
});

describe('sales orders', () => {
  it('posts once: a second post of the same BigCommerce order creates nothing', async () => {
    const first = await erp.postSalesOrder(order(10042));
    expect(first).toMatchObject({ externalId: 'bc-abc123-10042', created: true });
    const second = await erp.postSalesOrder(order(10042));
    expect(second).toEqual({ externalId: 'bc-abc123-10042', erpOrderId: first.erpOrderId, created: false });
    const state = await erp.getSalesOrder('bc-abc123-10042');
    expect(state?.lines).toHaveLength(2);
    expect(state?.status).toBe('pending_fulfillment');
  });

  it('concurrent posts of one order in this process create one NetSuite order', async () => {
    const results = await Promise.all([erp.postSalesOrder(order(10043)), erp.postSalesOrder(order(10043))]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const n = await ns.sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM transaction WHERE externalid = 'bc-abc123-10043'`);
    expect(n[0]?.n).toBe(1);
  });

  it('a response lost after NetSuite committed the PUT does not duplicate lines on retry', async () => {
    ns.faults.set({ rules: [{ kind: 'commit-then-error', status: 503, method: 'PUT', path: 'eid:bc-abc123-10044', times: 1 }] });
    const posted = await erp.postSalesOrder(order(10044));
    expect(posted.created).toBe(false); // found on the re-check: the first PUT had gone through
    const state = await erp.getSalesOrder('bc-abc123-10044');
    expect(state?.lines).toHaveLength(2);
    const puts = ns.requestLog.filter((r) => r.method === 'PUT' && r.path.endsWith('eid:bc-abc123-10044'));
    expect(puts).toHaveLength(1);
  });

  it('a dropped connection after commit is recovered the same way', async () => {
    ns.faults.set({ rules: [{ kind: 'commit-then-drop', method: 'PUT', path: 'eid:bc-abc123-10045', times: 1 }] });
    await erp.postSalesOrder(order(10045));
    expect((await erp.getSalesOrder('bc-abc123-10045'))?.lines).toHaveLength(2);
  });

  it('a 503 before anything was written is retried and the order is created', async () => {
    ns.faults.set({ rules: [{ kind: 'error', status: 503, method: 'PUT', path: 'eid:bc-abc123-10046', times: 1 }] });
    const posted = await erp.postSalesOrder(order(10046));
    expect(posted.created).toBe(true);
    expect((await erp.getSalesOrder('bc-abc123-10046'))?.lines).toHaveLength(2);
  });

  it('an order line commits stock: available drops, committed rises, and the inventory delta shows it', async () => {
    const before = await erp.readInventory();
    await collect(before.rows);
    const o = order(10047);
    const line = o.lines[0];
    if (!line) throw new Error('no line');
    const loc = data.locations.find((l) => l.code === line.locationCode);
    const [row] = await ns.sql<{ a: string; c: string }>(
      `SELECT quantityavailable::text AS a, quantitycommitted::text AS c FROM inventoryitemlocations WHERE item = (SELECT id FROM item WHERE itemid = $1) AND location = $2`,
      [line.sku, loc?.id],
    );
    await erp.postSalesOrder(o);
    const delta = await collect((await erp.readInventory({ since: before.watermark })).rows);
    const changed = delta.find((d) => d.sku === line.sku && d.locationCode === line.locationCode);
    expect(changed?.available).toBe(Number(row?.a) - line.quantity);
    expect(changed?.committed).toBe(Number(row?.c) + line.quantity);
  });

  it('reads back fulfilments and tracking numbers after the order ships', async () => {
    const posted = await erp.postSalesOrder(order(10048));
    const t = await fetch(`${ns.restBase}/record/v1/salesOrder/${posted.erpOrderId}/!transform/itemFulfillment`, {
      method: 'POST',
      headers: { Authorization: await (await import('./support/netsuite')).bearer(ns), 'Content-Type': 'application/json' },
      body: JSON.stringify({ package: { items: [{ packageTrackingNumber: '1Z999AA10123456784' }] } }),
    });
    expect(t.status).toBe(204);
    const state = await erp.getSalesOrder('bc-abc123-10048');
    expect(state).toMatchObject({ status: 'pending_billing', trackingNumbers: ['1Z999AA10123456784'] });
    expect(state?.fulfilments).toEqual([expect.objectContaining({ shipStatus: 'shipped', trackingNumbers: ['1Z999AA10123456784'] })]);
    expect(state?.lines.every((l) => l.quantityFulfilled === l.quantity)).toBe(true);
  });

  it('an unknown SKU is a validation error naming the SKU, and nothing is written', async () => {
    const bad = order(10049, { lines: [{ sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: 100 }] });
    const error = await erp.postSalesOrder(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErpError);
    expect((error as ErpError).kind).toBe('validation');
    expect((error as ErpError).message).toContain('NO-SUCH-SKU');
    expect(await erp.getSalesOrder('bc-abc123-10049')).toBeNull();
  });

  it('getSalesOrder of an unknown order is null', async () => {
    expect(await erp.getSalesOrder('bc-abc123-1')).toBeNull();
  });
});

describe('resilience', () => {
  it('an outage surfaces as a retryable upstream ErpError after bounded retries', async () => {
    ns.faults.set({ outage: true });
    const error = await erp.readInventory().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErpError);
    expect((error as ErpError).kind).toBe('upstream');
    expect((error as ErpError).retryable).toBe(true);
    const posting = await erp.postSalesOrder(order(10050)).catch((e: unknown) => e);
    expect((posting as ErpError).kind).toBe('upstream');
  });

  it('429s from the concurrency gate are retried with backoff and the read completes', async () => {
    ns.faults.set({ concurrencyLimit: 1, latencyMs: 5 });
    // Governance off: this client ignores the account limit on purpose, so the emulator really answers 429.
    const eager = adapterFor(ns, { maxConcurrency: 3, governance: false, maxAttempts: 50 });
    const reads = await Promise.all([eager.readCredit(), eager.readCredit(), eager.readCredit()]);
    const rows = await Promise.all(reads.map((r) => collect(r.rows)));
    for (const r of rows) expect(r).toHaveLength(data.companies.length);
  });

  it('TBA-authenticated adapter reads the same data', async () => {
    const tba = adapterFor(ns, { tba: true });
    expect(await collect((await tba.readCredit()).rows)).toHaveLength(data.companies.length);
  });
});
