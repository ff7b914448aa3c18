/**
 * Billing in the emulator (§4.8.6: "billing and payments move balance, unbilledOrders and overdueBalance"), seen
 * through the REST transform, the sandbox admin path and the adapter's credit read.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DemoDataset } from '@/sandbox/demo-data/types';
import type { NetSuiteEmulator } from '@/sandbox/netsuite/server';
import type { CustomerCredit, ErpAdapter, SalesOrderInput } from '@/sync/erp/erp';
import { adapterFor, bearer, call, errorCode, startSeeded } from './support/netsuite';

let ns: NetSuiteEmulator;
let data: DemoDataset;
let erp: ErpAdapter;
let auth: string;

beforeAll(async () => {
  ({ ns, data } = await startSeeded());
  erp = adapterFor(ns);
  auth = await bearer(ns);
});
afterAll(async () => ns.close());

/** 2 × 17.25 + 1 × 240.00 + 12.50 shipping = 287.00 */
const ORDER_TOTAL = 2 * 1725 + 24000 + 1250;
let nextOrderId = 30000;
let company: DemoDataset['companies'][number];

/** A USD company with a clean credit slate: AUTO hold, a high limit, nothing overdue. */
beforeEach(async () => {
  const c = data.companies.find((x) => x.currency === 'USD');
  if (!c) throw new Error('no USD company');
  company = c;
  await ns.sql(
    `UPDATE customer SET creditholdoverride = 'AUTO', creditlimit = 1000000, overduebalancesearch = 0, daysoverduesearch = 0 WHERE entityid = $1`,
    [c.erpCustomerNumber],
  );
});

function orderInput(): SalesOrderInput {
  const [a, b] = data.stock.filter((s) => s.available > 5);
  if (!a || !b) throw new Error('dataset lacks stock');
  const code = (id: number): string => data.locations.find((l) => l.id === id)?.code ?? '';
  return {
    storeHash: 'bill', orderId: nextOrderId++, customerNumber: company.erpCustomerNumber, currency: 'USD', orderDate: '2025-03-14', shippingCost: 1250,
    lines: [
      { sku: a.sku, quantity: 2, unitPrice: 1725, locationCode: code(a.locationId) },
      { sku: b.sku, quantity: 1, unitPrice: 24000, locationCode: code(b.locationId) },
    ],
  };
}

async function credit(): Promise<CustomerCredit> {
  const c = await erp.getCredit(company.erpCustomerNumber);
  if (!c) throw new Error('customer vanished');
  return c;
}

async function transform(orderId: string, target: string, body: unknown = {}): Promise<{ status: number; id: string | undefined; body: Record<string, unknown> | undefined }> {
  const res = await call(ns, auth, 'POST', `/record/v1/salesOrder/${orderId}/!transform/${target}`, body);
  return { status: res.status, id: res.headers.get('location')?.split('/').pop(), body: res.body };
}

async function admin(path: string, body: unknown = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${ns.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

describe('!transform/invoice', () => {
  it('billing a shipped order moves its value from unbilled orders to balance, and the adapter reads it', async () => {
    const before = await credit();
    const posted = await erp.postSalesOrder(orderInput());
    const afterOrder = await credit();
    expect(afterOrder.unbilledOrders).toBe(before.unbilledOrders + ORDER_TOTAL);
    expect((await transform(posted.erpOrderId, 'itemFulfillment')).status).toBe(204);

    const invoice = await transform(posted.erpOrderId, 'invoice');
    expect(invoice.status).toBe(204);
    const afterBill = await credit();
    expect(afterBill).toMatchObject({
      unbilledOrders: before.unbilledOrders,
      balance: before.balance + ORDER_TOTAL,
      overdueBalance: 0,
      availableCredit: afterOrder.availableCredit, // billing moves money between two buckets of the same exposure
    });
    expect((await erp.getSalesOrder(posted.externalId))?.status).toBe('billed');

    const inv = await call(ns, auth, 'GET', `/record/v1/invoice/${invoice.id}?expandSubResources=true`);
    expect(inv.body).toMatchObject({ status: { id: 'A', refName: 'Open' }, total: 287, amountRemaining: 287, amountPaid: 0, shippingCost: 12.5, createdFrom: { id: posted.erpOrderId } });
    expect((inv.body?.['item'] as { items: unknown[] }).items).toHaveLength(2);
    const [row] = await ns.sql<{ type: string; total: string }>('SELECT type, foreigntotal::text AS total FROM transaction WHERE id = $1', [Number(invoice.id)]);
    expect(row).toEqual({ type: 'CustInvc', total: '287.00' });
  });

  it('partial shipments bill only what shipped; statuses go B → E → D → F → G; shipping is billed once', async () => {
    const posted = await erp.postSalesOrder(orderInput());
    const ext = posted.externalId;
    const before = await credit();
    expect(errorCode((await transform(posted.erpOrderId, 'invoice')).body)).toBe('INVALID_CONTENT'); // nothing shipped yet

    await transform(posted.erpOrderId, 'itemFulfillment', { item: { items: [{ orderLine: 1, quantity: 1 }] } });
    expect((await erp.getSalesOrder(ext))?.status).toBe('pending_billing_partially_fulfilled');
    expect((await transform(posted.erpOrderId, 'invoice')).status).toBe(204); // 1 × 17.25 + 12.50 shipping
    expect((await erp.getSalesOrder(ext))?.status).toBe('partially_fulfilled');
    expect((await credit()).balance).toBe(before.balance + 1725 + 1250);
    expect((await transform(posted.erpOrderId, 'invoice')).status).toBe(400); // nothing shipped is unbilled

    await transform(posted.erpOrderId, 'itemFulfillment');
    expect((await erp.getSalesOrder(ext))?.status).toBe('pending_billing');
    expect((await transform(posted.erpOrderId, 'invoice')).status).toBe(204);
    expect((await erp.getSalesOrder(ext))?.status).toBe('billed');
    const after = await credit();
    expect(after.balance).toBe(before.balance + ORDER_TOTAL);
    expect(after.unbilledOrders).toBe(before.unbilledOrders - ORDER_TOTAL);
  });

  it('refuses to bill more than shipped, or into an unknown document type', async () => {
    const posted = await erp.postSalesOrder(orderInput());
    await transform(posted.erpOrderId, 'itemFulfillment', { item: { items: [{ orderLine: 1, quantity: 1 }] } });
    const tooMuch = await transform(posted.erpOrderId, 'invoice', { item: { items: [{ orderLine: 1, quantity: 2 }] } });
    expect(tooMuch.status).toBe(400);
    expect(errorCode(tooMuch.body)).toBe('INVALID_CONTENT');
    expect((await transform(posted.erpOrderId, 'cashSale')).status).toBe(400);
  });
});

describe('overdue, holds and payments (sandbox admin path)', () => {
  it('a back-dated invoice is overdue at once: AUTO hold engages, the credit delta shows it, payments clear it', async () => {
    const start = await erp.readCredit();
    for await (const _ of start.rows) void _;
    const posted = await erp.postSalesOrder(orderInput());
    expect((await admin(`sales-orders/${posted.erpOrderId}/fulfil`)).status).toBe(200);

    const billed = await admin(`sales-orders/eid:${posted.externalId}/bill`, { tranDate: daysAgo(90) });
    expect(billed.status).toBe(200);
    const event = billed.json['event'] as { type: string; data: Record<string, unknown> };
    expect(event).toMatchObject({ type: 'salesorder.billed', data: { total: '287.00', overdueBalance: '287.00', onCreditHold: true, orderStatus: 'G' } });

    const delta: CustomerCredit[] = [];
    for await (const row of (await erp.readCredit({ since: start.watermark })).rows) delta.push(row);
    expect(delta.find((c) => c.customerNumber === company.erpCustomerNumber)).toMatchObject({ overdueBalance: ORDER_TOTAL, onHold: true });

    const invoiceId = String(event.data['erpInvoiceId']);
    const part = await admin(`invoices/${invoiceId}/payments`, { amount: '100.00' });
    expect(part.json['event']).toMatchObject({ type: 'invoice.paid', data: { amountRemaining: '187.00', overdueBalance: '187.00', onCreditHold: true } });
    const balanceBefore = (await credit()).balance;
    await admin(`invoices/${invoiceId}/payments`);
    expect(await credit()).toMatchObject({ overdueBalance: 0, onHold: false, balance: balanceBefore - 18700 });
    const inv = await call(ns, auth, 'GET', `/record/v1/invoice/${invoiceId}`);
    expect(inv.body).toMatchObject({ status: { id: 'B', refName: 'Paid In Full' }, amountRemaining: 0, amountPaid: 287 });
    expect((await admin(`invoices/${invoiceId}/payments`, { amount: '1.00' })).status).toBe(400);
  });

  it('aging counts an invoice as overdue once its due date passes, and only once', async () => {
    const posted = await erp.postSalesOrder(orderInput());
    await admin(`sales-orders/${posted.erpOrderId}/fulfil`);
    const billed = await admin(`sales-orders/${posted.erpOrderId}/bill`);
    const invoiceId = Number((billed.json['event'] as { data: Record<string, unknown> }).data['erpInvoiceId']);
    expect((await credit()).overdueBalance).toBe(0);

    // Time passes: the due date is now behind us.
    await ns.sql('UPDATE transaction SET duedate = current_date - 5 WHERE id = $1', [invoiceId]);
    const aged = await admin('aging');
    expect(aged.json['events']).toEqual([
      expect.objectContaining({ type: 'customer.credit.changed', data: expect.objectContaining({ customerNumber: company.erpCustomerNumber, overdueBalance: '287.00', daysOverdue: 5 }) }),
    ]);
    expect((await admin('aging')).json['events']).toEqual([]);
    expect(await credit()).toMatchObject({ overdueBalance: ORDER_TOTAL, onHold: true });
  });
});
