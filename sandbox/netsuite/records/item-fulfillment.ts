/**
 * `itemFulfillment` record and `POST salesOrder/{id}/!transform/itemFulfillment` — the emulator's way to advance
 * an order (§4.7.D). A transform ships the requested quantities (default: everything still open), writes the
 * tracking tables SuiteQL reads (NextTransactionLink, TrackingNumberMap, TrackingNumber), draws stock down and moves
 * the order B → D (partly shipped) or F (all shipped, pending billing).
 */
import { NsHttpError, nonexistentId } from '../errors';
import { isPlainObject } from '../http';
import {
  enumValue, invalidContent, isoDate, num, readEnumId, readNumber, ref, selfLink, shape, sublist, type Json, type RecordContext,
} from './common';
import { fulfilStock } from './stock';
import { transactionLookup } from './transaction-lookup';
import type { RecordType } from './types';

const SHIP_STATUS: Record<string, string> = { A: 'Picked', B: 'Packed', C: 'Shipped' };

export async function transformToFulfilment(
  ctx: RecordContext,
  orderId: number,
  target: string,
  body: Json,
): Promise<{ type: string; id: number }> {
  if (target.toLowerCase() !== 'itemfulfillment') {
    throw new NsHttpError(400, 'INVALID_REQUEST', `Transforming a salesOrder into ${target} is not supported by the emulator.`);
  }
  const shipStatus = readEnumId(body, 'shipStatus') ?? 'C';
  if (!(shipStatus in SHIP_STATUS)) throw invalidContent('shipStatus must be A, B or C.', 'shipStatus');

  // Requested lines: item.items[{orderLine, quantity}]; none given means "ship everything still open".
  const requested = new Map<number, number>();
  const sub = body['item'];
  if (isPlainObject(sub) && Array.isArray(sub['items'])) {
    for (const [index, raw] of (sub['items'] as unknown[]).entries()) {
      if (!isPlainObject(raw)) throw invalidContent('Each item line must be an object.', `item.items[${index}]`);
      const orderLine = readNumber(raw, 'orderLine', `item.items[${index}].orderLine`);
      const quantity = readNumber(raw, 'quantity', `item.items[${index}].quantity`);
      if (orderLine === undefined || quantity === undefined || quantity <= 0) {
        throw invalidContent('Each line needs orderLine and a positive quantity.', `item.items[${index}]`);
      }
      requested.set(orderLine, quantity);
    }
  }
  const trackingNumbers: string[] = [];
  const pkg = body['package'];
  if (isPlainObject(pkg) && Array.isArray(pkg['items'])) {
    for (const p of pkg['items'] as unknown[]) {
      if (isPlainObject(p) && typeof p['packageTrackingNumber'] === 'string') trackingNumbers.push(p['packageTrackingNumber']);
    }
  }

  return ctx.db.transaction(async (tx) => {
    const order = await tx.query<{ status: string; entity: number }>(`SELECT status, entity FROM transaction WHERE id = $1 AND type = 'SalesOrd'`, [orderId]);
    const o = order.rows[0];
    if (!o) throw nonexistentId('salesOrder', String(orderId));
    if (!['B', 'D', 'E'].includes(o.status)) {
      throw invalidContent(`A sales order with status ${o.status} cannot be fulfilled.`);
    }
    const lines = await tx.query<{ id: number; item: number; quantity: string; quantityshiprecv: string; location: number | null }>(
      'SELECT id, item, quantity, quantityshiprecv, location FROM transactionline WHERE transaction = $1 ORDER BY id', [orderId],
    );
    const shipments: { line: (typeof lines.rows)[number]; quantity: number }[] = [];
    for (const line of lines.rows) {
      const open = Number(line.quantity) - Number(line.quantityshiprecv);
      const want = requested.size === 0 ? open : (requested.get(line.id) ?? 0);
      if (want > open) throw invalidContent(`Line ${line.id}: cannot fulfil ${want}, only ${open} open.`, 'item');
      if (want > 0) shipments.push({ line, quantity: want });
    }
    for (const orderLine of requested.keys()) {
      if (!lines.rows.some((l) => l.id === orderLine)) throw invalidContent(`Order line ${orderLine} does not exist.`, 'item');
    }
    if (shipments.length === 0) throw invalidContent('There is nothing left to fulfil on this order.');

    const inserted = await tx.query<{ id: number }>(
      `INSERT INTO transaction (type, status, entity, trandate, shippeddate) VALUES ('ItemShip', $1, $2, current_date, CASE WHEN $1 = 'C' THEN current_date END) RETURNING id`,
      [shipStatus, o.entity],
    );
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw new Error('insert returned no id');
    await tx.query(`UPDATE transaction SET tranid = 'IF' || id WHERE id = $1`, [id]);
    for (const [index, s] of shipments.entries()) {
      await tx.query(
        'INSERT INTO transactionline (transaction, id, item, quantity, location, createdfrom, orderline) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [id, index + 1, s.line.item, s.quantity, s.line.location, orderId, s.line.id],
      );
      await tx.query('UPDATE transactionline SET quantityshiprecv = quantityshiprecv + $1 WHERE transaction = $2 AND id = $3', [s.quantity, orderId, s.line.id]);
      await fulfilStock(tx, s.line.item, s.line.location, s.quantity);
    }
    await tx.query(`INSERT INTO nexttransactionlink (previousdoc, nextdoc, linktype) VALUES ($1, $2, 'ShipRcpt')`, [orderId, id]);
    for (const number of trackingNumbers) {
      const tn = await tx.query<{ id: number }>('INSERT INTO trackingnumber (trackingnumber) VALUES ($1) RETURNING id', [number]);
      await tx.query('INSERT INTO trackingnumbermap (transaction, trackingnumber) VALUES ($1, $2)', [id, tn.rows[0]?.id]);
    }
    const remaining = await tx.query<{ open: string }>(
      'SELECT COALESCE(SUM(quantity - quantityshiprecv), 0)::text AS open FROM transactionline WHERE transaction = $1', [orderId],
    );
    const newStatus = Number(remaining.rows[0]?.open ?? '0') > 0 ? 'D' : 'F';
    await tx.query('UPDATE transaction SET status = $1, lastmodifieddate = now() WHERE id = $2', [newStatus, orderId]);
    return { type: 'itemFulfillment', id };
  });
}

export const itemFulfillmentRecord: RecordType = {
  name: 'itemFulfillment',

  ...transactionLookup('ItemShip'),

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
};
