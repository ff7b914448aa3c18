/**
 * Sandbox admin for the money side (see admin.ts for the rest): bill an order, take a payment, run aging. Each
 * moves the customer's credit figures the way NetSuite would (records/customer-balances.ts) and emits an ERP
 * change event carrying the new figures, so the sync can react without polling.
 */
import { z } from 'zod';
import type { ErpChangeEvent, SandboxAdmin } from './admin';
import { NsHttpError } from './errors';
import { payInvoice, transformToInvoice } from './records/billing';
import { isoDate } from './records/common';
import { age } from './records/customer-balances';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2025-03-14');
const billBody = z.object({
  tranDate: isoDay.optional(),
  dueDate: isoDay.optional(),
  lines: z.array(z.object({ orderLine: z.number().int().positive(), quantity: z.number().positive() })).optional(),
});
const payBody = z.object({
  amount: z.union([z.string(), z.number()]).transform(String).refine((s) => /^\d+(\.\d{1,2})?$/.test(s), 'must be a decimal such as "12.34"').optional(),
});

/** A customer's credit figures as events carry them: NetSuite decimals, like on the wire. */
async function creditFigures(admin: SandboxAdmin, customerId: number): Promise<Record<string, unknown>> {
  const r = await admin.db.query<Record<string, unknown>>(
    `SELECT entityid, balancesearch::text AS balance, unbilledorderssearch::text AS unbilled, overduebalancesearch::text AS overdue,
       daysoverduesearch AS days, oncredithold FROM customer WHERE id = $1`,
    [customerId],
  );
  const c = r.rows[0] ?? {};
  return {
    customerNumber: c['entityid'], balance: c['balance'], unbilledOrders: c['unbilled'], overdueBalance: c['overdue'],
    daysOverdue: c['days'], onCreditHold: c['oncredithold'] === 'T',
  };
}

async function bill(admin: SandboxAdmin, orderRef: string, input: unknown): Promise<ErpChangeEvent> {
  const body = billBody.parse(input ?? {});
  const order = await admin.salesOrder(orderRef);
  const transformBody: Record<string, unknown> = { ...(body.tranDate ? { tranDate: body.tranDate } : {}), ...(body.dueDate ? { dueDate: body.dueDate } : {}) };
  if (body.lines) transformBody['item'] = { items: body.lines };
  const ctx = { db: admin.db, restBase: admin.restBase, query: new URLSearchParams(), strictPropertyNames: false };
  const invoice = await transformToInvoice(ctx, order.id, transformBody);
  const r = await admin.db.query<{ entity: number; total: string; duedate: Date; orderstatus: string }>(
    `SELECT i.entity, i.foreigntotal::text AS total, i.duedate, (SELECT status FROM transaction WHERE id = $2) AS orderstatus
     FROM transaction i WHERE i.id = $1`,
    [invoice.id, order.id],
  );
  const row = r.rows[0];
  if (!row) throw new Error('invoice vanished');
  return admin.emit('salesorder.billed', {
    externalId: order.externalid, erpOrderId: String(order.id), erpInvoiceId: String(invoice.id), total: row.total,
    dueDate: isoDate(row.duedate), orderStatus: row.orderstatus, ...(await creditFigures(admin, row.entity)),
  });
}

async function pay(admin: SandboxAdmin, invoiceRef: string, input: unknown): Promise<ErpChangeEvent> {
  const body = payBody.parse(input ?? {});
  if (!/^\d+$/.test(invoiceRef)) throw new NsHttpError(400, 'INVALID_ID', `The invoice ID ${invoiceRef} is not valid.`);
  const { customer, remaining } = await payInvoice(admin.db, Number(invoiceRef), body.amount ?? null);
  return admin.emit('invoice.paid', { erpInvoiceId: invoiceRef, amountRemaining: remaining, ...(await creditFigures(admin, customer)) });
}

/** Routes the billing paths under `/__sandbox/`; null when the path isn't one of them. */
export async function routeBilling(
  admin: SandboxAdmin,
  method: string,
  seg: string[],
  body: () => Promise<unknown>,
): Promise<{ status: number; body: unknown } | null> {
  if (method !== 'POST') return null;
  const [a, b, c] = seg;
  if (a === 'sales-orders' && b !== undefined && c === 'bill' && seg.length === 3) return { status: 200, body: { event: await bill(admin, b, await body()) } };
  if (a === 'invoices' && b !== undefined && c === 'payments' && seg.length === 3) return { status: 200, body: { event: await pay(admin, b, await body()) } };
  if (a === 'aging' && seg.length === 1) {
    const changed = await age(admin.db, null);
    const events: ErpChangeEvent[] = [];
    for (const customer of changed) events.push(admin.emit('customer.credit.changed', await creditFigures(admin, customer)));
    return { status: 200, body: { events } };
  }
  return null;
}
