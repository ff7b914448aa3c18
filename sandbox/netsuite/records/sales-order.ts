/**
 * `salesOrder` record (§4.7.D): GET with `status`, item lines (quantities committed, backordered, fulfilled,
 * billed) and `linkedTrackingNumbers`; create/update live in sales-order-write.ts; `!transform/itemFulfillment`
 * ships and `!transform/invoice` bills.
 */
import { NsHttpError, nonexistentId } from '../errors';
import { enumValue, isoDate, isoDateTime, num, ref, selfLink, shape, sublist, type Json, type RecordContext } from './common';
import { field, ref as refField } from './fields';
import { transformToInvoice } from './billing';
import { transformToFulfilment } from './fulfilment-write';
import { createOrder, updateOrder } from './sales-order-write';
import { TRANSACTION_FIELDS, transactionRows } from './transaction-rows';
import type { RecordType } from './types';

export const SALES_ORDER_STATUS: Record<string, string> = {
  A: 'Pending Approval',
  B: 'Pending Fulfillment',
  C: 'Cancelled',
  D: 'Partially Fulfilled',
  E: 'Pending Billing/Partially Fulfilled',
  F: 'Pending Billing',
  G: 'Billed',
  H: 'Closed',
};

/** `!transform/{target}`: the two follow-on documents the emulator knows ([V NS-TRANSFORM] pattern). */
async function transform(ctx: RecordContext, id: number, target: string, body: Json): Promise<{ type: string; id: number }> {
  const kind = target.toLowerCase();
  if (kind === 'itemfulfillment') return transformToFulfilment(ctx, id, body);
  if (kind === 'invoice') return transformToInvoice(ctx, id, body);
  throw new NsHttpError(400, 'INVALID_REQUEST', `Transforming a salesOrder into ${target} is not supported by the emulator.`);
}

export const salesOrderRecord: RecordType = {
  name: 'salesOrder',
  ...transactionRows('SalesOrd'),
  fields: [
    ...TRANSACTION_FIELDS,
    field('status', 'Status', 'enum', undefined, { values: Object.keys(SALES_ORDER_STATUS) }),
    field('orderStatus', 'Order Status', 'enum', undefined, { values: ['A', 'B'] }),
    refField('currency', 'Currency', 'currency', 'currency'),
    refField('location', 'Location', 'location', 'location'),
    field('otherRefNum', 'PO/Check Number', 'string', 'otherrefnum'),
    field('memo', 'Memo', 'string', 'memo'),
    field('shippingCost', 'Shipping Cost', 'number', 'shippingcost'),
    field('shippingAddress', 'Shipping Address', 'subrecord'),
    field('linkedTrackingNumbers', 'Linked Tracking Numbers', 'string'),
    field('item', 'Items', 'sublist'),
  ],

  async get(ctx, id) {
    const r = await ctx.db.query<Record<string, unknown>>(
      `SELECT t.*, c.companyname, cur.name AS currencyname, l.name AS locationname,
         (SELECT string_agg(tn.trackingnumber, ' ' ORDER BY tn.id) FROM nexttransactionlink n
            JOIN trackingnumbermap m ON m.transaction = n.nextdoc JOIN trackingnumber tn ON tn.id = m.trackingnumber
            WHERE n.previousdoc = t.id) AS trackingnumbers
       FROM transaction t JOIN customer c ON c.id = t.entity LEFT JOIN currency cur ON cur.id = t.currency
       LEFT JOIN location l ON l.id = t.location WHERE t.id = $1 AND t.type = 'SalesOrd'`,
      [id],
    );
    const o = r.rows[0];
    if (!o) throw nonexistentId('salesOrder', String(id));
    const lineRows = await ctx.db.query<Record<string, unknown>>(
      `SELECT tl.*, tl.quantity * tl.rate AS amount, i.itemid FROM transactionline tl JOIN item i ON i.id = tl.item
       WHERE tl.transaction = $1 ORDER BY tl.id`,
      [id],
    );
    const lines: Json[] = lineRows.rows.map((l) => ({
      line: l['id'],
      item: ref(ctx, 'inventoryItem', l['item'] as number, l['itemid'] as string),
      quantity: num(l['quantity']),
      rate: num(l['rate']),
      amount: num(l['amount']), // computed in SQL numeric, not in floats
      location: ref(ctx, 'location', l['location'] as number | null),
      quantityCommitted: num(l['quantitycommitted']),
      quantityBackOrdered: num(l['quantitybackordered']),
      quantityFulfilled: num(l['quantityshiprecv']),
      quantityBilled: num(l['quantitybilled']),
      isClosed: l['isclosed'] === 'T',
    }));
    const status = String(o['status']);
    const record: Json = {
      links: selfLink(ctx, `salesOrder/${id}`),
      id: String(id),
      tranId: o['tranid'],
      externalId: o['externalid'],
      entity: ref(ctx, 'customer', o['entity'] as number, o['companyname'] as string),
      tranDate: isoDate(o['trandate']),
      status: enumValue(status, SALES_ORDER_STATUS[status] ?? status),
      orderStatus: enumValue(status, SALES_ORDER_STATUS[status] ?? status),
      currency: ref(ctx, 'currency', o['currency'] as number, o['currencyname'] as string),
      location: ref(ctx, 'location', o['location'] as number | null, o['locationname'] as string | null),
      otherRefNum: o['otherrefnum'],
      memo: o['memo'],
      shippingCost: num(o['shippingcost']),
      shippingAddress: typeof o['shipaddress'] === 'string' ? (JSON.parse(o['shipaddress']) as unknown) : undefined,
      linkedTrackingNumbers: o['trackingnumbers'],
      lastModifiedDate: isoDateTime(o['lastmodifieddate']),
      item: sublist(ctx, `salesOrder/${id}/item`, lines),
    };
    return shape(ctx, record, ['status', 'orderStatus']);
  },

  create: createOrder,
  update: updateOrder,
  transform,
};
