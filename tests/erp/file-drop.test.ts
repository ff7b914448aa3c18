/**
 * The file-drop adapter: CSV/JSONL reads behind the ERP interface, bad rows refused with file/line/field and
 * quarantined (never silently dropped, never half-applied), deltas by drop file, orders written exactly once.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SalesOrderInput } from '@/sync/erp/erp';
import { ErpError, type ErpIssue } from '@/sync/erp/errors';
import { FileDropErpAdapter } from '@/sync/erp/file-drop/adapter';

let root: string;

async function drop(files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), content);
  }
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

const BASE = {
  'items.csv': 'sku,name\nHX-2,Hex cap screw\nHX-3,Hex nut\nWB-1,Wire brush\n',
  'price-levels.csv': 'id,name\n5,Contract A\n7,Contract B\n',
  'locations.csv': 'code,name\nCHI,Chicago\nTOR,Toronto\n',
  'prices.csv': 'price_level,sku,currency,min_quantity,unit_price\n5,HX-2,USD,10,17.25\n5,hx-2 ,USD,1,19.50\n7,HX-2,USD,1,18\n5,HX-3,CAD,1,1200.00\n',
  'customers.csv': 'customer_number,price_level,currency,credit_limit,balance,unbilled_orders,overdue_balance,credit_hold_override,terms_days\nC10042,5,USD,50000,20800.44,15691.56,0,AUTO,30\nC10059,7,USD,1000,900,200,0,AUTO,45\nC10077,,CAD,,0,0,0,ON,\n',
  'customer-prices.csv': 'customer_number,sku,currency,unit_price\nC10042,WB-1,USD,11.53\n',
  'inventory.csv': 'sku,location,on_hand,committed,backordered,available\nHX-2,CHI,7,2,0,\nHX-2,TOR,1,0,0,1\nWB-1,CHI,0,0,3,0\n',
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'file-drop-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe('file-drop reads', () => {
  it('prices: one matrix per SKU, tiers ascending in cents, SKU case and spaces normalised', async () => {
    await drop(BASE);
    const read = await new FileDropErpAdapter({ root }).readContractPricing();
    expect(await collect(read.priceLevels)).toEqual([{ id: '5', name: 'Contract A', isInactive: false }, { id: '7', name: 'Contract B', isInactive: false }]);
    expect(await collect(read.items)).toEqual([
      { sku: 'HX-2', prices: [
        { priceLevelId: '5', currency: 'USD', tiers: [{ minQuantity: 1, unitPrice: 1950 }, { minQuantity: 10, unitPrice: 1725 }] },
        { priceLevelId: '7', currency: 'USD', tiers: [{ minQuantity: 1, unitPrice: 1800 }] },
      ] },
      { sku: 'HX-3', prices: [{ priceLevelId: '5', currency: 'CAD', tiers: [{ minQuantity: 1, unitPrice: 120000 }] }] },
    ]);
    const customers = await collect(read.customers);
    expect(customers[0]).toEqual({ customerNumber: 'C10042', priceLevelId: '5', itemPrices: [{ sku: 'WB-1', currency: 'USD', kind: 'fixed', unitPrice: 1153 }] });
    expect(customers[2]).toEqual({ customerNumber: 'C10077', priceLevelId: null, itemPrices: [] });
  });

  it('inventory: blank available is on hand minus committed', async () => {
    await drop(BASE);
    const rows = await collect((await new FileDropErpAdapter({ root }).readInventory()).rows);
    expect(rows[0]).toEqual({ sku: 'HX-2', locationCode: 'CHI', onHand: 7, committed: 2, backordered: 0, available: 5 });
    expect(rows).toHaveLength(3);
  });

  it('credit: cents, available credit, and the effective hold for AUTO and ON', async () => {
    await drop(BASE);
    const adapter = new FileDropErpAdapter({ root });
    const rows = await collect((await adapter.readCredit()).rows);
    expect(rows[0]).toMatchObject({ customerNumber: 'C10042', creditLimit: 5_000_000, balance: 2_080_044, availableCredit: 1_350_800, onHold: false, termsDays: 30 });
    expect(rows[1]).toMatchObject({ customerNumber: 'C10059', onHold: true }); // AUTO and over its limit
    expect(rows[2]).toMatchObject({ customerNumber: 'C10077', creditLimit: null, availableCredit: null, onHold: true, termsDays: null });
    expect(await adapter.getCredit('C10059')).toMatchObject({ availableCredit: -10_000 });
  });

  it('JSON Lines files work like CSV', async () => {
    const { 'inventory.csv': _omit, ...rest } = BASE;
    await drop({ ...rest, 'inventory.jsonl': '{"sku":"hx-3","location":"TOR","on_hand":4,"committed":1}\n' });
    expect(await collect((await new FileDropErpAdapter({ root }).readInventory()).rows)).toEqual([
      { sku: 'HX-3', locationCode: 'TOR', onHand: 4, committed: 1, backordered: 0, available: 3 },
    ]);
  });

  it('delta: only drop files newer than the watermark are read', async () => {
    await drop({ ...BASE, 'deltas/inventory/20250101T0000Z.csv': 'sku,location,on_hand\nHX-3,CHI,9\n' });
    const adapter = new FileDropErpAdapter({ root });
    const bulk = await adapter.readInventory();
    expect(bulk.watermark).toBe('fd:20250101T0000Z.csv');
    await collect(bulk.rows);
    await drop({ 'deltas/inventory/20250102T0000Z.csv': 'sku,location,on_hand,committed\nWB-1,TOR,12,2\n' });
    const delta = await adapter.readInventory({ since: bulk.watermark });
    expect(await collect(delta.rows)).toEqual([{ sku: 'WB-1', locationCode: 'TOR', onHand: 12, committed: 2, backordered: 0, available: 10 }]);
    expect(delta.watermark).toBe('fd:20250102T0000Z.csv');
    expect(await collect((await adapter.readInventory({ since: delta.watermark })).rows)).toEqual([]);
  });
});

describe('file-drop bad input', () => {
  const BAD_PRICES = 'price_level,sku,currency,min_quantity,unit_price\n5,HX-2,USD,1,19.50\n5,NOPE-1,USD,1,3.00\n5,HX-3,USD,1,\n9,HX-3,USD,1,0.0125\n';

  it('an unknown SKU, a missing field and a sub-cent price refuse the whole read, naming file, line and field', async () => {
    await drop({ ...BASE, 'prices.csv': BAD_PRICES });
    const adapter = new FileDropErpAdapter({ root });
    const error = await adapter.readContractPricing().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErpError);
    const issues = (error as ErpError).details.issues ?? [];
    const prices = join(root, 'prices.csv');
    expect(issues).toEqual(expect.arrayContaining([
      { source: prices, line: 3, field: 'sku', message: 'unknown SKU "NOPE-1" (not in items.csv)' },
      { source: prices, line: 4, field: 'unit_price', message: 'is missing' },
      expect.objectContaining({ source: prices, line: 5, field: 'price_level' }),
      expect.objectContaining({ source: prices, line: 5, field: 'unit_price', message: expect.stringContaining('more than 2 decimal places') }),
    ]));
    expect((error as ErpError).message).toContain('prices.csv:line 3:sku');
  });

  it('rejected rows are quarantined with line, field and reason — not dropped silently', async () => {
    await drop({ ...BASE, 'prices.csv': BAD_PRICES });
    await new FileDropErpAdapter({ root }).readContractPricing().catch(() => undefined);
    const [report] = await readdir(join(root, 'quarantine'));
    expect(report).toMatch(/^prices\.csv\..*\.rejected\.csv$/);
    const text = await readFile(join(root, 'quarantine', report ?? ''), 'utf8');
    expect(text).toContain('3,"sku","unknown SKU ""NOPE-1"" (not in items.csv)","5,NOPE-1,USD,1,3.00"');
  });

  it('a bad row in one feed refuses the other feeds of the same read too (no half-applied pricing)', async () => {
    await drop({ ...BASE, 'customer-prices.csv': 'customer_number,sku,currency,unit_price\nC10042,WB-1,USD,abc\n' });
    const error = await new FileDropErpAdapter({ root }).readContractPricing().catch((e: unknown) => e);
    expect((error as ErpError).kind).toBe('validation');
    expect((error as ErpError).details.issues).toEqual([
      { source: join(root, 'customer-prices.csv'), line: 2, field: 'unit_price', message: '"abc" is not a decimal amount' },
    ]);
  });

  it('with onBadRows: quarantine, valid rows stream and every rejected row is reported', async () => {
    await drop({ ...BASE, 'inventory.csv': 'sku,location,on_hand\nHX-2,CHI,7\nHX-2,MARS,1\nHX-3,TOR,-4\nWB-1,TOR,2\n' });
    const reported: ErpIssue[] = [];
    const adapter = new FileDropErpAdapter({ root, onBadRows: 'quarantine', onRejected: (i) => reported.push(...i) });
    const rows = await collect((await adapter.readInventory()).rows);
    expect(rows.map((r) => `${r.sku}@${r.locationCode}`)).toEqual(['HX-2@CHI', 'WB-1@TOR']);
    expect(reported.map((i) => [i.line, i.field])).toEqual([[3, 'location'], [4, 'on_hand']]);
  });

  it('a thousands separator inside a quoted CSV field is refused, not misread', async () => {
    await drop({ ...BASE, 'prices.csv': 'price_level,sku,currency,min_quantity,unit_price\n5,HX-3,CAD,1,"1,200.00"\n' });
    const error = await new FileDropErpAdapter({ root }).readContractPricing().catch((e: unknown) => e);
    expect((error as ErpError).details.issues?.[0]).toMatchObject({ line: 2, field: 'unit_price', message: '"1,200.00" is not a decimal amount' });
  });

  it('a row with the wrong number of columns and an unterminated quote are reported by line', async () => {
    await drop({ ...BASE, 'inventory.csv': 'sku,location,on_hand\nHX-2,CHI\nHX-3,"TOR,1\n' });
    const error = await new FileDropErpAdapter({ root }).readInventory().catch((e: unknown) => e);
    expect((error as ErpError).details.issues?.map((i) => i.line)).toEqual([2, 3]);
  });

  it('a SKU’s price rows split across the file are refused (they must be contiguous to stream)', async () => {
    await drop({ ...BASE, 'prices.csv': 'price_level,sku,currency,min_quantity,unit_price\n5,HX-2,USD,1,1\n5,HX-3,USD,1,1\n7,HX-2,USD,1,1\n' });
    const error = await new FileDropErpAdapter({ root }).readContractPricing().catch((e: unknown) => e);
    expect((error as ErpError).details.issues?.[0]?.message).toContain('must be together');
  });
});

describe('file-drop orders', () => {
  const order: SalesOrderInput = {
    storeHash: 'abc123', orderId: 10042, customerNumber: 'C10042', currency: 'USD', orderDate: '2025-03-14', shippingCost: 1250,
    lines: [{ sku: 'hx-2', quantity: 12, unitPrice: 1725, locationCode: 'CHI' }],
  };

  it('writes the order file once; a replay reports created: false and leaves the file alone', async () => {
    await drop(BASE);
    const adapter = new FileDropErpAdapter({ root });
    const [a, b] = await Promise.all([adapter.postSalesOrder(order), adapter.postSalesOrder(order)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const files = await readdir(join(root, 'orders', 'outbox'));
    expect(files).toEqual(['bc-abc123-10042.json']);
    const written = JSON.parse(await readFile(join(root, 'orders', 'outbox', files[0] ?? ''), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ externalId: 'bc-abc123-10042', shippingCostDecimal: '12.50', lines: [{ sku: 'HX-2', unitPrice: 1725, unitPriceDecimal: '17.25' }] });
    expect(await adapter.getSalesOrder('bc-abc123-10042')).toMatchObject({ status: 'pending_approval', lines: [{ sku: 'HX-2', quantity: 12, quantityFulfilled: 0 }] });
  });

  it('reads status, fulfilments and tracking from the ERP’s status file', async () => {
    await drop({
      ...BASE,
      'orders/status/bc-abc123-10042.json': JSON.stringify({ erpOrderId: 'SO-88', status: 'pending_billing', fulfilments: [{ erpFulfilmentId: 'IF-1', shipStatus: 'shipped', trackingNumbers: ['1Z9'] }] }),
    });
    expect(await new FileDropErpAdapter({ root }).getSalesOrder('bc-abc123-10042')).toMatchObject({ erpOrderId: 'SO-88', status: 'pending_billing', trackingNumbers: ['1Z9'] });
  });

  it('an order with an unknown SKU is refused before anything is written', async () => {
    await drop(BASE);
    const adapter = new FileDropErpAdapter({ root });
    const error = await adapter.postSalesOrder({ ...order, lines: [{ sku: 'NOPE', quantity: 1, unitPrice: 1 }] }).catch((e: unknown) => e);
    expect((error as ErpError).kind).toBe('validation');
    expect(await adapter.getSalesOrder('bc-abc123-10042')).toBeNull();
  });
});
