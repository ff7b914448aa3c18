/**
 * Billing and payments (§4.8.6: "billing and payments move balance, unbilledOrders and overdueBalance").
 *
 * `POST salesOrder/{id}/!transform/invoice` — Oracle's own transform example [V NS-TRANSFORM] — bills the shipped
 * but unbilled quantities (NetSuite's default when invoicing in advance of fulfilment is off [I]), or the lines
 * given as `item.items[{orderLine, quantity}]`. Shipping cost goes on the order's first invoice. The invoice is a
 * `CustInvc` transaction linked to the order (`OrdBill` [I]), so SuiteQL sees it; it is due on `dueDate` when given,
 * else `tranDate` (default today) plus the customer's terms days. Its amount moves from the customer's unbilled
 * orders to balance, then aging runs, so a back-dated invoice is overdue at once.
 *
 * Payments come in through the sandbox admin path (`payInvoice`); the customerPayment record is not emulated.
 */
import type { Db } from '../db';
import { NsHttpError, nonexistentId } from '../errors';
import { isPlainObject } from '../http';
import { invalidContent, readNumber, readString, type Json, type Queryable, type RecordContext } from './common';
import { age, billed, paid } from './customer-balances';
import { readOrderLines } from './order-lines';
import { refreshOrderStatus } from './order-status';

function readDate(body: Json, key: string): string | null {
  const value = readString(body, key);
  if (value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw invalidContent(`${key} must be a date such as 2025-03-14.`, key);
  return value;
}

function readRequested(body: Json): Map<number, number> {
  const requested = new Map<number, number>();
  const sub = body['item'];
  if (sub === undefined) return requested;
  if (!isPlainObject(sub) || !Array.isArray(sub['items'])) throw invalidContent('item must be {"items": [...]}.', 'item');
  for (const [index, raw] of (sub['items'] as unknown[]).entries()) {
    const path = `item.items[${index}]`;
    if (!isPlainObject(raw)) throw invalidContent('Each item line must be an object.', path);
    const orderLine = readNumber(raw, 'orderLine', `${path}.orderLine`);
    const quantity = readNumber(raw, 'quantity', `${path}.quantity`);
    if (orderLine === undefined || quantity === undefined || quantity <= 0) throw invalidContent('Each line needs orderLine and a positive quantity.', path);
    requested.set(orderLine, quantity);
  }
  return requested;
}

async function isFirstInvoice(db: Queryable, orderId: number): Promise<boolean> {
  const r = await db.query(`SELECT 1 FROM nexttransactionlink WHERE previousdoc = $1 AND linktype = 'OrdBill'`, [orderId]);
  return r.rows.length === 0;
}

export async function transformToInvoice(ctx: RecordContext, orderId: number, body: Json): Promise<{ type: string; id: number }> {
  const tranDate = readDate(body, 'tranDate');
  const dueDate = readDate(body, 'dueDate');
  const requested = readRequested(body);
  return ctx.db.transaction(async (tx) => {
    const order = await tx.query<{ status: string; entity: number; currency: number | null; shippingcost: string | null; days: number | null }>(
      `SELECT t.status, t.entity, t.currency, t.shippingcost::text, tm.daysuntilnetdue AS days
       FROM transaction t JOIN customer c ON c.id = t.entity LEFT JOIN term tm ON tm.id = c.terms
       WHERE t.id = $1 AND t.type = 'SalesOrd'`,
      [orderId],
    );
    const o = order.rows[0];
    if (!o) throw nonexistentId('salesOrder', String(orderId));
    if (['A', 'C', 'G', 'H'].includes(o.status)) throw invalidContent(`A sales order with status ${o.status} cannot be billed.`);
    const lines = await readOrderLines(tx, orderId);
    for (const orderLine of requested.keys()) {
      if (!lines.some((l) => l.id === orderLine)) throw invalidContent(`Order line ${orderLine} does not exist.`, 'item');
    }
    const bills = lines
      .map((line) => ({ line, quantity: requested.size === 0 ? line.fulfilled - line.billed : (requested.get(line.id) ?? 0) }))
      .filter((b) => b.quantity > 0);
    for (const b of bills) {
      const billable = b.line.fulfilled - b.line.billed;
      if (b.quantity > billable) throw invalidContent(`Line ${b.line.id}: cannot bill ${b.quantity}, only ${billable} shipped and unbilled.`, 'item');
    }
    if (bills.length === 0) throw invalidContent('There is nothing to bill on this order: nothing shipped is unbilled.');

    const shipping = (await isFirstInvoice(tx, orderId)) ? (o.shippingcost ?? '0') : '0';
    const inserted = await tx.query<{ id: number }>(
      `INSERT INTO transaction (type, status, entity, currency, trandate, duedate, shippingcost)
       VALUES ('CustInvc', 'A', $1, $2, COALESCE($3::date, current_date), COALESCE($4::date, COALESCE($3::date, current_date) + $5::integer), $6::numeric)
       RETURNING id`,
      [o.entity, o.currency, tranDate, dueDate, o.days ?? 0, shipping],
    );
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw new Error('insert returned no id');
    for (const [index, b] of bills.entries()) {
      await tx.query(
        'INSERT INTO transactionline (transaction, id, item, quantity, rate, location, createdfrom, orderline) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [id, index + 1, b.line.item, b.quantity, b.line.rate, b.line.location, orderId, b.line.id],
      );
      await tx.query('UPDATE transactionline SET quantitybilled = quantitybilled + $1::numeric WHERE transaction = $2 AND id = $3', [b.quantity, orderId, b.line.id]);
    }
    const total = await tx.query<{ total: string }>(
      `UPDATE transaction SET tranid = 'INV' || id,
         foreigntotal = (SELECT COALESCE(SUM(quantity * COALESCE(rate, 0)), 0) FROM transactionline WHERE transaction = $1) + shippingcost,
         foreignamountremaining = (SELECT COALESCE(SUM(quantity * COALESCE(rate, 0)), 0) FROM transactionline WHERE transaction = $1) + shippingcost
       WHERE id = $1 RETURNING foreigntotal::text AS total`,
      [id],
    );
    await tx.query(`INSERT INTO nexttransactionlink (previousdoc, nextdoc, linktype) VALUES ($1, $2, 'OrdBill')`, [orderId, id]);
    await billed(tx, o.entity, total.rows[0]?.total ?? '0');
    await refreshOrderStatus(tx, orderId);
    await age(tx, o.entity);
    return { type: 'invoice', id };
  });
}

/** Applies a payment of `amount` (default: all that is open) to an invoice. Returns what is still open. */
export async function payInvoice(db: Db, invoiceId: number, amount: string | null): Promise<{ customer: number; remaining: string }> {
  return db.transaction(async (tx) => {
    const found = await tx.query<{ entity: number }>(`SELECT entity FROM transaction WHERE id = $1 AND type = 'CustInvc'`, [invoiceId]);
    const entity = found.rows[0]?.entity;
    if (entity === undefined) throw nonexistentId('invoice', String(invoiceId));
    await age(tx, entity); // count it as overdue first if it already is, so the payment clears overdue too
    const r = await tx.query<{ remaining: string; aged: string; pay: string; ok: boolean }>(
      `SELECT foreignamountremaining::text AS remaining, agedoverdue AS aged, COALESCE($2::numeric, foreignamountremaining)::text AS pay,
         COALESCE($2::numeric, foreignamountremaining) BETWEEN 0.01 AND foreignamountremaining AS ok
       FROM transaction WHERE id = $1`,
      [invoiceId, amount],
    );
    const inv = r.rows[0];
    if (!inv?.ok) throw new NsHttpError(400, 'INVALID_CONTENT', `A payment must be between 0.01 and the open amount ${inv?.remaining ?? '0'}.`);
    const updated = await tx.query<{ remaining: string }>(
      `UPDATE transaction SET foreignamountremaining = foreignamountremaining - $2::numeric,
         status = CASE WHEN foreignamountremaining - $2::numeric = 0 THEN 'B' ELSE 'A' END, lastmodifieddate = now()
       WHERE id = $1 RETURNING foreignamountremaining::text AS remaining`,
      [invoiceId, inv.pay],
    );
    await paid(tx, entity, inv.pay, inv.aged === 'T');
    return { customer: entity, remaining: updated.rows[0]?.remaining ?? '0' };
  });
}
