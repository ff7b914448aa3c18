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

const BAD_GOOD_PRICES = 'price_level,sku,currency,min_quantity,unit_price\n5,HX-2,USD,1,19.50\n5,NOPE-1,USD,1,3.00\n5,HX-3,USD,1,12.5O\n5,HX-3,USD,-3,1.00\n7,WB-1,USD,1,2.50\n';

describe('file-drop bad input', () => {
  const BAD_PRICES = 'price_level,sku,currency,min_quantity,unit_price\n5,HX-2,USD,1,19.50\n5,NOPE-1,USD,1,3.00\n5,HX-3,USD,1,\n9,HX-3,USD,1,0.0125\n';

  it('with onBadRows: reject-read, an unknown SKU, a missing field and a sub-cent price refuse the whole read, naming file, line and field', async () => {
    await drop({ ...BASE, 'prices.csv': BAD_PRICES });
    const adapter = new FileDropErpAdapter({ root, onBadRows: 'reject-read' });
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

  it('with onBadRows: reject-read, a bad row in one feed refuses the other feeds of the same read too', async () => {
    await drop({ ...BASE, 'customer-prices.csv': 'customer_number,sku,currency,unit_price\nC10042,WB-1,USD,abc\n' });
    const error = await new FileDropErpAdapter({ root, onBadRows: 'reject-read' }).readContractPricing().catch((e: unknown) => e);
    expect((error as ErpError).kind).toBe('validation');
    expect((error as ErpError).details.issues).toEqual(expect.arrayContaining([
      { source: join(root, 'customer-prices.csv'), line: 2, field: 'unit_price', message: '"abc" is not a decimal amount' },
    ]));
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
    const read = await new FileDropErpAdapter({ root }).readContractPricing();
    expect(read.rejected?.[0]).toMatchObject({ line: 2, field: 'unit_price', message: '"1,200.00" is not a decimal amount' });
    expect(await collect(read.items)).toEqual([]);
  });

  it('a row with the wrong number of columns and an unterminated quote are reported by line', async () => {
    await drop({ ...BASE, 'inventory.csv': 'sku,location,on_hand\nHX-2,CHI\nHX-3,"TOR,1\n' });
    const read = await new FileDropErpAdapter({ root }).readInventory();
    expect(read.rejected?.map((i) => i.line)).toEqual([2, 3]);
    expect(await collect(read.rows)).toEqual([]);
  });

  it('a SKU’s price rows split across the file are refused (they must be contiguous to stream)', async () => {
    await drop({ ...BASE, 'prices.csv': 'price_level,sku,currency,min_quantity,unit_price\n5,HX-2,USD,1,1\n5,HX-3,USD,1,1\n7,HX-2,USD,1,1\n' });
    const read = await new FileDropErpAdapter({ root }).readContractPricing();
    expect(read.rejected?.[0]?.message).toContain('must be together');
    // Both parts of HX-2 go (which one is its matrix?); HX-3 is applied.
    expect(read.rejected?.map((i) => i.line).sort()).toEqual([2, 4]);
    expect((await collect(read.items)).map((i) => i.sku)).toEqual(['HX-3']);
  });
});

describe('file-drop: a bad row never aborts the good ones and is never skipped silently', () => {
  const pricesFile = (): string => join(root, 'prices.csv');

  it('by default the good price rows are returned and every bad row is reported with file, line, field and reason', async () => {
    await drop({ ...BASE, 'prices.csv': BAD_GOOD_PRICES });
    const reported: ErpIssue[] = [];
    const read = await new FileDropErpAdapter({ root, onRejected: (i) => reported.push(...i) }).readContractPricing();
    expect(await collect(read.items)).toEqual([
      { sku: 'HX-2', prices: [{ priceLevelId: '5', currency: 'USD', tiers: [{ minQuantity: 1, unitPrice: 1950 }] }] },
      { sku: 'WB-1', prices: [{ priceLevelId: '7', currency: 'USD', tiers: [{ minQuantity: 1, unitPrice: 250 }] }] },
    ]);
    expect(read.rejected).toEqual(expect.arrayContaining([
      { source: pricesFile(), line: 3, field: 'sku', message: 'unknown SKU "NOPE-1" (not in items.csv)' },
      { source: pricesFile(), line: 4, field: 'unit_price', message: '"12.5O" is not a decimal amount' },
      { source: pricesFile(), line: 5, field: 'min_quantity', message: '"-3" is not a whole non-negative quantity' },
    ]));
    expect(reported).toEqual(read.rejected);
    // The other feeds of the same read are untouched.
    expect((await collect(read.customers)).map((c) => c.customerNumber)).toEqual(['C10042', 'C10059', 'C10077']);
    const [report] = await readdir(join(root, 'quarantine'));
    const text = await readFile(join(root, 'quarantine', report ?? ''), 'utf8');
    expect(text.split('\n').filter((l) => /^\d/.test(l)).map((l) => l.split(',')[0])).toEqual(['3', '4', '5']);
  });

  it('a SKU’s price matrix with one bad tier row is rejected as a whole, each sibling row saying why', async () => {
    await drop({
      ...BASE,
      'prices.csv': 'price_level,sku,currency,min_quantity,unit_price\n5,HX-2,USD,1,19.50\n5,HX-2,USD,10,17.2x\n7,HX-2,USD,1,18\n5,HX-3,USD,1,2.10\n',
    });
    const read = await new FileDropErpAdapter({ root }).readContractPricing();
    expect((await collect(read.items)).map((i) => i.sku)).toEqual(['HX-3']);
    expect(read.rejected).toEqual([
      { source: pricesFile(), line: 3, field: 'unit_price', message: '"17.2x" is not a decimal amount' },
      expect.objectContaining({ line: 2, field: 'sku', message: expect.stringMatching(/price matrix of SKU HX-2.*line 3 unit_price/) }),
      expect.objectContaining({ line: 4, field: 'sku', message: expect.stringMatching(/price matrix of SKU HX-2/) }),
    ]);
  });

  it('a row with the wrong number of columns still takes its SKU’s matrix with it', async () => {
    await drop({ ...BASE, 'prices.csv': 'price_level,sku,currency,min_quantity,unit_price\n5,HX-2,USD,1,19.50\n5,HX-2,USD,10\n5,HX-3,USD,1,2.10\n' });
    const read = await new FileDropErpAdapter({ root }).readContractPricing();
    expect((await collect(read.items)).map((i) => i.sku)).toEqual(['HX-3']);
    expect(read.rejected?.map((i) => i.line)).toEqual([3, 2]);
  });

  it('a header missing required columns stops the read with an error naming the expected columns', async () => {
    await drop({ ...BASE, 'prices.csv': 'price_level,sku,currency,qty,price\n5,HX-2,USD,1,19.50\n' });
    const error = await new FileDropErpAdapter({ root }).readContractPricing().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErpError);
    expect((error as ErpError).kind).toBe('validation');
    expect((error as ErpError).message).toContain('missing column(s) min_quantity, unit_price');
    expect((error as ErpError).message).toContain('expected columns: price_level, sku, currency, min_quantity, unit_price');
    expect((error as ErpError).details.issues?.[0]).toMatchObject({ source: pricesFile(), line: 1, field: 'min_quantity,unit_price' });
  });

  it('an empty inventory file and a header without on_hand are refused clearly', async () => {
    await drop({ ...BASE, 'inventory.csv': 'sku,location,qty\nHX-2,CHI,4\n' });
    const error = await new FileDropErpAdapter({ root }).readInventory().catch((e: unknown) => e);
    expect((error as ErpError).message).toMatch(/missing column\(s\) on_hand; expected columns: sku, location, on_hand; optional: committed, backordered, available/);
    await drop({ 'inventory.csv': '' });
    const empty = await new FileDropErpAdapter({ root }).readInventory().catch((e: unknown) => e);
    expect((empty as ErpError).message).toContain('found: (empty)');
  });

  it('bad numbers and unknown SKUs/locations in inventory and credit are reported; the rest is read', async () => {
    await drop({
      ...BASE,
      'inventory.csv': 'sku,location,on_hand,committed\nHX-2,CHI,1.5,0\nHX-2,TOR,abc,0\nZZ-9,CHI,1,0\nHX-3,MARS,1,0\nWB-1,CHI,4,1\n',
      'customers.csv': 'customer_number,currency,credit_limit,balance\nC1,USD,12x,0\nC2,USD,100,1e3\nC3,USD,100,20\n',
    });
    const adapter = new FileDropErpAdapter({ root });
    const inv = await adapter.readInventory();
    expect(await collect(inv.rows)).toEqual([{ sku: 'WB-1', locationCode: 'CHI', onHand: 4, committed: 1, backordered: 0, available: 3 }]);
    expect(inv.rejected?.map((i) => [i.line, i.field])).toEqual([[2, 'on_hand'], [3, 'on_hand'], [4, 'sku'], [5, 'location']]);
    const credit = await adapter.readCredit();
    expect((await collect(credit.rows)).map((c) => c.customerNumber)).toEqual(['C3']);
    expect(credit.rejected?.map((i) => [i.line, i.field])).toEqual([[2, 'credit_limit'], [3, 'balance']]);
  });

  it('a bad customer price rejects that customer’s pricing as a unit (not its prices emptied); others apply', async () => {
    await drop({
      ...BASE,
      'customer-prices.csv': 'customer_number,sku,currency,unit_price\nC10042,WB-1,USD,11.53\nC10042,NOPE,USD,1\nC10059,HX-3,USD,2.00\nC99999,HX-3,USD,2.00\n',
    });
    const read = await new FileDropErpAdapter({ root }).readContractPricing();
    const customers = await collect(read.customers);
    expect(customers.map((c) => c.customerNumber)).toEqual(['C10059', 'C10077']);
    expect(customers[0]?.itemPrices).toEqual([{ sku: 'HX-3', currency: 'USD', kind: 'fixed', unitPrice: 200 }]);
    const cp = join(root, 'customer-prices.csv');
    expect(read.rejected).toEqual(expect.arrayContaining([
      { source: cp, line: 3, field: 'sku', message: 'unknown SKU "NOPE" (not in items.csv)' },
      expect.objectContaining({ source: cp, line: 2, message: expect.stringContaining('customer-specific prices of customer C10042') }),
      expect.objectContaining({ source: cp, line: 5, message: 'customer C99999 has no valid customers row in the same drop' }),
      expect.objectContaining({ source: join(root, 'customers.csv'), line: 2, message: expect.stringContaining('pricing for C10042 not applied') }),
    ]));
  });

  it('a UTF-8 BOM and CRLF line endings (also inside quoted fields) read exactly like plain files', async () => {
    const crlf = (s: string): string => s.replace(/\n/g, '\r\n');
    await drop({
      ...BASE,
      'items.csv': `\uFEFF${crlf('sku,name\nHX-2,"Hex cap\nscrew"\nHX-3,Hex nut\nWB-1,Wire brush\n')}`,
      'prices.csv': `\uFEFF${crlf('price_level,sku,currency,min_quantity,unit_price\n5,HX-2,USD,10,17.25\n5,HX-2,USD,1,19.50\n5,HX-3,USD,1,2.10\n')}`,
    });
    const read = await new FileDropErpAdapter({ root }).readContractPricing();
    expect(read.rejected).toEqual([]);
    expect(await collect(read.items)).toEqual([
      { sku: 'HX-2', prices: [{ priceLevelId: '5', currency: 'USD', tiers: [{ minQuantity: 1, unitPrice: 1950 }, { minQuantity: 10, unitPrice: 1725 }] }] },
      { sku: 'HX-3', prices: [{ priceLevelId: '5', currency: 'USD', tiers: [{ minQuantity: 1, unitPrice: 210 }] }] },
    ]);
    const { 'inventory.csv': _omit, ...rest } = BASE;
    await rm(join(root, 'inventory.csv'));
    await drop({ ...rest, 'inventory.jsonl': '\uFEFF{"sku":"HX-3","location":"TOR","on_hand":4}\r\n' });
    const inv = await new FileDropErpAdapter({ root }).readInventory();
    expect(inv.rejected).toEqual([]);
    expect(await collect(inv.rows)).toEqual([{ sku: 'HX-3', locationCode: 'TOR', onHand: 4, committed: 0, backordered: 0, available: 4 }]);
  });

  it('a malformed row in the item master is reported, not fatal; prices for SKUs it hid fail as unknown', async () => {
    await drop({ ...BASE, 'items.csv': 'sku,name\nHX-2,Hex cap screw\nHX-3,"Hex nut\n' });
    const read = await new FileDropErpAdapter({ root }).readInventory();
    expect(read.rejected).toEqual(expect.arrayContaining([expect.objectContaining({ source: join(root, 'items.csv'), line: 3 })]));
    expect((await collect(read.rows)).map((r) => r.sku)).toEqual(['HX-2', 'HX-2']);
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
