/**
 * `itemFulfillment` record: GET with `createdFrom`, `shipStatus`, lines and packages; PATCH edits the shipped
 * lines (fulfilment-write.ts). Created only by `POST salesOrder/{id}/!transform/itemFulfillment`.
 */
import { nonexistentId } from '../errors';
import { enumValue, isoDate, isoDateTime, num, ref, selfLink, shape, sublist, type Json } from './common';
import { field, ref as refField } from './fields';
import { SHIP_STATUS, editFulfilment } from './fulfilment-write';
import { TRANSACTION_FIELDS, transactionRows } from './transaction-rows';
import type { RecordType } from './types';

export const itemFulfillmentRecord: RecordType = {
  name: 'itemFulfillment',
  ...transactionRows('ItemShip'),
  fields: [
    ...TRANSACTION_FIELDS,
    refField('createdFrom', 'Created From', 'salesOrder'),
    field('shipStatus', 'Status', 'enum', undefined, { values: Object.keys(SHIP_STATUS) }),
    field('shippedDate', 'Shipped Date', 'date', 'shippeddate'),
    field('memo', 'Memo', 'string', 'memo'),
    field('item', 'Items', 'sublist'),
    field('package', 'Packages', 'sublist'),
  ],

  async get(ctx, id) {
    const r = await ctx.db.query<Record<string, unknown>>(
      `SELECT t.*, (SELECT previousdoc FROM nexttransactionlink WHERE nextdoc = t.id LIMIT 1) AS createdfrom
       FROM transaction t WHERE t.id = $1 AND t.type = 'ItemShip'`, [id],
    );
    const f = r.rows[0];
    if (!f) throw nonexistentId('itemFulfillment', String(id));
    const lines = await ctx.db.query<Record<string, unknown>>(
      'SELECT tl.*, i.itemid FROM transactionline tl JOIN item i ON i.id = tl.item WHERE tl.transaction = $1 ORDER BY tl.id', [id],
    );
    const packages = await ctx.db.query<{ trackingnumber: string }>(
      'SELECT tn.trackingnumber FROM trackingnumbermap m JOIN trackingnumber tn ON tn.id = m.trackingnumber WHERE m.transaction = $1 ORDER BY tn.id', [id],
    );
    const status = String(f['status']);
    const record: Json = {
      links: selfLink(ctx, `itemFulfillment/${id}`),
      id: String(id),
      tranId: f['tranid'],
      createdFrom: ref(ctx, 'salesOrder', f['createdfrom'] as number | null),
      entity: ref(ctx, 'customer', f['entity'] as number),
      tranDate: isoDate(f['trandate']),
      shipStatus: enumValue(status, SHIP_STATUS[status] ?? status),
      shippedDate: isoDate(f['shippeddate']),
      memo: f['memo'],
      lastModifiedDate: isoDateTime(f['lastmodifieddate']),
      item: sublist(ctx, `itemFulfillment/${id}/item`, lines.rows.map((l) => ({
        line: l['id'],
        item: ref(ctx, 'inventoryItem', l['item'] as number, l['itemid'] as string),
        quantity: num(l['quantity']),
        orderLine: l['orderline'],
        location: ref(ctx, 'location', l['location'] as number | null),
      }))),
      package: sublist(ctx, `itemFulfillment/${id}/package`, packages.rows.map((p) => ({ packageTrackingNumber: p.trackingnumber }))),
    };
    return shape(ctx, record, ['shipStatus']);
  },

  update: editFulfilment,
};
