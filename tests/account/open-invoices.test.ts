/**
 * Open invoices read from the NetSuite emulator through the adapter's SuiteQL (`transaction` type 'CustInvc' with an
 * amount remaining), as the account page shows them: billed orders appear with their open amount and an overdue flag,
 * paid ones disappear, and an ERP that cannot be reached is a message rather than an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOICES_NOT_LINKED, INVOICES_UNREACHABLE, openInvoicesView } from '@/lib/account/open-invoices';
import type { DemoDataset } from '@/sandbox/demo-data/types';
import type { NetSuiteEmulator } from '@/sandbox/netsuite/server';
import type { ErpAdapter, SalesOrderInput } from '@/sync/erp/erp';
import { createNetSuiteAdapter } from '@/sync/erp/netsuite/config';
import { FileDropErpAdapter } from '@/sync/erp/file-drop/adapter';
import { adapterFor, startSeeded } from '../erp/support/netsuite';

let ns: NetSuiteEmulator;
let data: DemoDataset;
let erp: ErpAdapter;
let company: DemoDataset['companies'][number];
let nextOrderId = 41000;

beforeAll(async () => {
  ({ ns, data } = await startSeeded());
  erp = adapterFor(ns);
  const found = data.companies.find((c) => c.currency === 'USD');
  if (!found) throw new Error('no USD company');
  company = found;
  // Billing refuses nothing for credit, but keep the slate clean so figures stay readable when a test fails.
  await ns.sql(`UPDATE customer SET creditholdoverride = 'OFF', creditlimit = 1000000 WHERE entityid = $1`, [company.erpCustomerNumber]);
});
afterAll(async () => ns.close());

const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function admin(path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${ns.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** An order posted, shipped and billed in the ERP; returns the invoice id. 2 × 17.25 + 1 × 240.00 + 12.50 = 287.00 */
async function billedOrder(bill: { tranDate?: string; dueDate?: string }): Promise<string> {
  const [a, b] = data.stock.filter((s) => s.available > 5);
  if (!a || !b) throw new Error('dataset lacks stock');
  const code = (id: number): string => data.locations.find((l) => l.id === id)?.code ?? '';
  const order: SalesOrderInput = {
    storeHash: 'account', orderId: nextOrderId++, customerNumber: company.erpCustomerNumber, currency: 'USD', orderDate: today(), shippingCost: 1250,
    lines: [
      { sku: a.sku, quantity: 2, unitPrice: 1725, locationCode: code(a.locationId) },
      { sku: b.sku, quantity: 1, unitPrice: 24000, locationCode: code(b.locationId) },
    ],
  };
  const posted = await erp.postSalesOrder(order);
  await admin(`sales-orders/eid:${posted.externalId}/fulfil`, {});
  const billed = await admin(`sales-orders/eid:${posted.externalId}/bill`, bill);
  return String((billed['event'] as { data: Record<string, unknown> }).data['erpInvoiceId']);
}

describe('open invoices', () => {
  it('the adapter reads a billed order as an open invoice, and drops it once paid in full', async () => {
    const invoiceId = await billedOrder({ dueDate: daysFromNow(30) });
    const open = await erp.readOpenInvoices(company.erpCustomerNumber);
    const invoice = open.find((i) => i.erpInvoiceId === invoiceId);
    expect(invoice).toEqual({
      erpInvoiceId: invoiceId,
      number: `INV${invoiceId}`,
      currency: 'USD',
      invoiceDate: today(),
      dueDate: daysFromNow(30),
      total: 28700,
      amountRemaining: 28700,
    });

    await admin(`invoices/${invoiceId}/payments`, { amount: '100.00' });
    const partly = (await erp.readOpenInvoices(company.erpCustomerNumber)).find((i) => i.erpInvoiceId === invoiceId);
    expect(partly).toMatchObject({ total: 28700, amountRemaining: 18700 });

    await admin(`invoices/${invoiceId}/payments`);
    expect((await erp.readOpenInvoices(company.erpCustomerNumber)).map((i) => i.erpInvoiceId)).not.toContain(invoiceId);
  });

  it('lists only that customer’s invoices, earliest due first', async () => {
    const later = await billedOrder({ dueDate: daysFromNow(45) });
    const sooner = await billedOrder({ dueDate: daysFromNow(5) });
    const ids = (await erp.readOpenInvoices(company.erpCustomerNumber)).map((i) => i.erpInvoiceId);
    expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    const other = data.companies.find((c) => c.erpCustomerNumber !== company.erpCustomerNumber);
    if (!other) throw new Error('one company only');
    expect((await erp.readOpenInvoices(other.erpCustomerNumber)).map((i) => i.erpInvoiceId)).not.toContain(sooner);
    expect(await erp.readOpenInvoices('NO-SUCH-CUSTOMER')).toEqual([]);
  });

  it('the account view flags an invoice due before today as overdue, and formats the amounts', async () => {
    const overdueId = await billedOrder({ tranDate: daysFromNow(-60), dueDate: daysFromNow(-30) });
    const view = await openInvoicesView(erp, company.erpCustomerNumber, today(), { timeoutMs: 10_000 });
    if (view.kind !== 'invoices') throw new Error(`expected invoices, got ${JSON.stringify(view)}`);
    const row = view.invoices.find((i) => i.number === `INV${overdueId}`);
    expect(row).toEqual({ number: `INV${overdueId}`, date: daysFromNow(-60), dueDate: daysFromNow(-30), amount: '$287.00', remaining: '$287.00', overdue: true });
    expect(view.invoices.filter((i) => i.dueDate !== null && i.dueDate >= today()).every((i) => !i.overdue)).toBe(true);
    expect(view.overdueCount).toBe(view.invoices.filter((i) => i.overdue).length);
  });

  it('an unreachable ERP, or a buyer without a company, gives a message instead of an error', async () => {
    const unreachable = createNetSuiteAdapter({
      accountId: ns.accountId,
      restBase: 'http://127.0.0.1:9/services/rest',
      m2m: ns.credentials.m2m,
      client: { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, timeoutMs: 2_000 },
    });
    const logged: unknown[] = [];
    expect(await openInvoicesView(unreachable, company.erpCustomerNumber, today(), { timeoutMs: 5_000, log: (e) => logged.push(e) })).toEqual({
      kind: 'unavailable',
      message: INVOICES_UNREACHABLE,
    });
    expect(logged).toHaveLength(1);
    // An ERP that hangs is cut off at the timeout, so the page is never held by it.
    const hanging = { readOpenInvoices: () => new Promise<never>(() => undefined) };
    const started = Date.now();
    expect(await openInvoicesView(hanging, company.erpCustomerNumber, today(), { timeoutMs: 200 })).toMatchObject({ kind: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await openInvoicesView(erp, null, today(), { timeoutMs: 1_000 })).toEqual({ kind: 'unavailable', message: INVOICES_NOT_LINKED });
  });

  it('the file-drop ERP carries no invoices, so it lists none', async () => {
    expect(await new FileDropErpAdapter({ root: '/nonexistent' }).readOpenInvoices()).toEqual([]);
  });
});
