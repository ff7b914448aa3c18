/**
 * `invoice` record (read-only here): what `!transform/invoice` created. Field names from the REST API Browser
 * (`invoice`: `createdFrom`, `dueDate`, `total`, `amountRemaining`, `amountPaid`, `status` A Open / B Paid In Full).
 */
import { nonexistentId } from '../errors';
import { enumValue, isoDate, isoDateTime, num, ref, selfLink, shape, sublist, type Json } from './common';
import { field, ref as refField } from './fields';
import { TRANSACTION_FIELDS, transactionRows } from './transaction-rows';
import type { RecordType } from './types';

const INVOICE_STATUS: Record<string, string> = { A: 'Open', B: 'Paid In Full' };

export const invoiceRecord: RecordType = {
  name: 'invoice',
  ...transactionRows('CustInvc'),
  fields: [
    ...TRANSACTION_FIELDS,
    refField('createdFrom', 'Created From', 'salesOrder'),
    refField('currency', 'Currency', 'currency', 'currency'),
    field('dueDate', 'Due Date', 'date', 'duedate'),
    field('status', 'Status', 'enum', undefined, { values: Object.keys(INVOICE_STATUS) }),
    field('total', 'Total', 'number', 'foreigntotal'),
    field('amountRemaining', 'Amount Remaining', 'number', 'foreignamountremaining'),
    field('amountPaid', 'Amount Paid', 'number', '(foreigntotal - foreignamountremaining)'),
    field('shippingCost', 'Shipping Cost', 'number', 'shippingcost'),
    field('item', 'Items', 'sublist'),
  ],

  async get(ctx, id) {
    const r = await ctx.db.query<Record<string, unknown>>(
      `SELECT t.*, c.companyname, cur.name AS currencyname, t.foreigntotal - t.foreignamountremaining AS amountpaid,
         (SELECT previousdoc FROM nexttransactionlink WHERE nextdoc = t.id LIMIT 1) AS createdfrom
       FROM transaction t JOIN customer c ON c.id = t.entity LEFT JOIN currency cur ON cur.id = t.currency
       WHERE t.id = $1 AND t.type = 'CustInvc'`,
      [id],
    );
    const inv = r.rows[0];
    if (!inv) throw nonexistentId('invoice', String(id));
    const lines = await ctx.db.query<Record<string, unknown>>(
      `SELECT tl.*, tl.quantity * tl.rate AS amount, i.itemid FROM transactionline tl JOIN item i ON i.id = tl.item
       WHERE tl.transaction = $1 ORDER BY tl.id`,
      [id],
    );
    const status = String(inv['status']);
    const record: Json = {
      links: selfLink(ctx, `invoice/${id}`),
      id: String(id),
      tranId: inv['tranid'],
      entity: ref(ctx, 'customer', inv['entity'] as number, inv['companyname'] as string),
      createdFrom: ref(ctx, 'salesOrder', inv['createdfrom'] as number | null),
      currency: ref(ctx, 'currency', inv['currency'] as number | null, inv['currencyname'] as string | null),
      tranDate: isoDate(inv['trandate']),
      dueDate: isoDate(inv['duedate']),
      status: enumValue(status, INVOICE_STATUS[status] ?? status),
      total: num(inv['foreigntotal']),
      amountRemaining: num(inv['foreignamountremaining']),
      amountPaid: num(inv['amountpaid']),
      shippingCost: num(inv['shippingcost']),
      lastModifiedDate: isoDateTime(inv['lastmodifieddate']),
      item: sublist(ctx, `invoice/${id}/item`, lines.rows.map((l) => ({
        line: l['id'],
        item: ref(ctx, 'inventoryItem', l['item'] as number, l['itemid'] as string),
        quantity: num(l['quantity']),
        rate: num(l['rate']),
        amount: num(l['amount']),
        orderLine: l['orderline'],
      }))),
    };
    return shape(ctx, record, ['status']);
  },
};
