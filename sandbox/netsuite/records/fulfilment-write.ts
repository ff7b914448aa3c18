/**
 * Shipping an order and editing what was shipped.
 *
 * `POST salesOrder/{id}/!transform/itemFulfillment` (§4.7.D) ships the requested quantities (default: everything
 * still open), writes the tracking tables SuiteQL reads (NextTransactionLink, TrackingNumberMap, TrackingNumber),
 * draws stock down and moves the order's status.
 *
 * `PATCH itemFulfillment/{id}` edits the `item` sublist, keyed by `orderLine` (NetSuite's keyed-sublist rule,
 * §4.7.D: matching lines are updated, others added; `?replace=item` removes the lines not sent). Every change
 * moves stock by the difference: shipping more draws on hand down further, shipping less puts the goods back on
 * hand and commits them to the order line again. Quantity already billed can't be un-shipped [I].
 */
import { nonexistentId } from '../errors';
import { isPlainObject } from '../http';
import { checkPropertyNames, invalidContent, readEnumId, readNumber, readString, type Json, type Queryable, type RecordContext } from './common';
import { readOrderLines, shipLine, unshipLine, type OrderLine } from './order-lines';
import { refreshOrderStatus } from './order-status';

export const SHIP_STATUS: Record<string, string> = { A: 'Picked', B: 'Packed', C: 'Shipped' };
const LINE_FIELDS = ['orderLine', 'line', 'quantity', 'item', 'location', 'itemReceive'] as const;

function readShipStatus(body: Json): string | undefined {
  const shipStatus = readEnumId(body, 'shipStatus');
  if (shipStatus !== undefined && !(shipStatus in SHIP_STATUS)) throw invalidContent('shipStatus must be A, B or C.', 'shipStatus');
  return shipStatus;
}

/** `item.items[{orderLine, quantity}]` → order line → quantity. `allowZero` for edits (0 removes a line). */
function readRequestedLines(ctx: RecordContext | null, body: Json, allowZero: boolean): Map<number, number> | undefined {
  const sub = body['item'];
  if (sub === undefined) return undefined;
  if (!isPlainObject(sub) || !Array.isArray(sub['items'])) throw invalidContent('item must be {"items": [...]}.', 'item');
  const requested = new Map<number, number>();
  for (const [index, raw] of (sub['items'] as unknown[]).entries()) {
    const path = `item.items[${index}]`;
    if (!isPlainObject(raw)) throw invalidContent('Each item line must be an object.', path);
    if (ctx) checkPropertyNames(ctx, raw, LINE_FIELDS, `${path}.`);
    const orderLine = readNumber(raw, 'orderLine', `${path}.orderLine`);
    const quantity = readNumber(raw, 'quantity', `${path}.quantity`);
    if (orderLine === undefined || quantity === undefined || quantity < 0 || (quantity === 0 && !allowZero)) {
      throw invalidContent(`Each line needs orderLine and a ${allowZero ? 'non-negative' : 'positive'} quantity.`, path);
    }
    requested.set(orderLine, quantity);
  }
  return requested;
}

function orderLineOf(lines: OrderLine[], orderLine: number): OrderLine {
  const line = lines.find((l) => l.id === orderLine);
  if (!line) throw invalidContent(`Order line ${orderLine} does not exist.`, 'item');
  return line;
}

export async function transformToFulfilment(ctx: RecordContext, orderId: number, body: Json): Promise<{ type: string; id: number }> {
  const shipStatus = readShipStatus(body) ?? 'C';
  const requested = readRequestedLines(null, body, false) ?? new Map<number, number>();
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
    if (!['B', 'D', 'E'].includes(o.status)) throw invalidContent(`A sales order with status ${o.status} cannot be fulfilled.`);
    const lines = await readOrderLines(tx, orderId);
    for (const orderLine of requested.keys()) orderLineOf(lines, orderLine);
    // Requested lines; none given means "ship everything still open".
    const shipments = lines
      .map((line) => ({ line, quantity: requested.size === 0 ? line.quantity - line.fulfilled : (requested.get(line.id) ?? 0) }))
      .filter((s) => s.quantity > 0);
    for (const s of shipments) {
      const open = s.line.quantity - s.line.fulfilled;
      if (s.quantity > open) throw invalidContent(`Line ${s.line.id}: cannot fulfil ${s.quantity}, only ${open} open.`, 'item');
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
      await shipLine(tx, orderId, s.line, s.quantity);
    }
    await tx.query(`INSERT INTO nexttransactionlink (previousdoc, nextdoc, linktype) VALUES ($1, $2, 'ShipRcpt')`, [orderId, id]);
    for (const number of trackingNumbers) {
      const tn = await tx.query<{ id: number }>('INSERT INTO trackingnumber (trackingnumber) VALUES ($1) RETURNING id', [number]);
      await tx.query('INSERT INTO trackingnumbermap (transaction, trackingnumber) VALUES ($1, $2)', [id, tn.rows[0]?.id]);
    }
    await refreshOrderStatus(tx, orderId);
    return { type: 'itemFulfillment', id };
  });
}

/** Moves one fulfilment line from `before` to `after` shipped, with its stock and the order line. */
async function reship(tx: Queryable, orderId: number, line: OrderLine, before: number, after: number): Promise<void> {
  if (after > before) {
    const open = line.quantity - line.fulfilled;
    if (after - before > open) throw invalidContent(`Order line ${line.id}: cannot ship ${after - before} more, only ${open} open.`, 'item');
    await shipLine(tx, orderId, line, after - before);
  } else if (after < before) {
    const unbillable = line.fulfilled - line.billed;
    if (before - after > unbillable) {
      throw invalidContent(`Order line ${line.id}: ${line.billed} already billed; cannot reduce what was shipped below that.`, 'item');
    }
    await unshipLine(tx, orderId, line, before - after);
  }
}

export async function editFulfilment(ctx: RecordContext, id: number, body: Json): Promise<void> {
  checkPropertyNames(ctx, body, ['shipStatus', 'item', 'memo']);
  const shipStatus = readShipStatus(body);
  const requested = readRequestedLines(ctx, body, true);
  const replace = (ctx.query.get('replace') ?? '').toLowerCase().split(',').map((s) => s.trim()).includes('item');
  await ctx.db.transaction(async (tx) => {
    const f = await tx.query<{ orderid: number | null }>(
      `SELECT (SELECT previousdoc FROM nexttransactionlink WHERE nextdoc = t.id LIMIT 1) AS orderid FROM transaction t WHERE t.id = $1 AND t.type = 'ItemShip'`,
      [id],
    );
    const row = f.rows[0];
    if (!row) throw nonexistentId('itemFulfillment', String(id));
    const memo = readString(body, 'memo');
    if (memo !== undefined) await tx.query('UPDATE transaction SET memo = $1 WHERE id = $2', [memo, id]);
    if (shipStatus !== undefined) {
      await tx.query(`UPDATE transaction SET status = $1, shippeddate = CASE WHEN $1 = 'C' THEN COALESCE(shippeddate, current_date) END WHERE id = $2`, [shipStatus, id]);
    }
    if (requested !== undefined && row.orderid !== null) {
      const orderId = row.orderid;
      const orderLines = await readOrderLines(tx, orderId);
      const shipped = await tx.query<{ id: number; orderline: number; quantity: string }>(
        'SELECT id, orderline, quantity::text FROM transactionline WHERE transaction = $1 ORDER BY id', [id],
      );
      const current = new Map(shipped.rows.map((r) => [r.orderline, { lineNo: r.id, quantity: Number(r.quantity) }]));
      const target = new Map(replace ? [] : [...current].map(([orderLine, c]) => [orderLine, c.quantity]));
      for (const [orderLine, quantity] of requested) target.set(orderLine, quantity);
      let next = Math.max(0, ...shipped.rows.map((r) => r.id)) + 1;
      for (const orderLine of new Set([...current.keys(), ...target.keys()])) {
        const before = current.get(orderLine)?.quantity ?? 0;
        const after = target.get(orderLine) ?? 0;
        if (before === after) continue;
        const line = orderLineOf(orderLines, orderLine);
        await reship(tx, orderId, line, before, after);
        const existing = current.get(orderLine);
        if (existing && after === 0) {
          await tx.query('DELETE FROM transactionline WHERE transaction = $1 AND id = $2', [id, existing.lineNo]);
        } else if (existing) {
          await tx.query('UPDATE transactionline SET quantity = $1 WHERE transaction = $2 AND id = $3', [after, id, existing.lineNo]);
        } else {
          await tx.query(
            'INSERT INTO transactionline (transaction, id, item, quantity, location, createdfrom, orderline) VALUES ($1, $2, $3, $4, $5, $6, $7)',
            [id, next++, line.item, after, line.location, orderId, orderLine],
          );
        }
      }
      const left = await tx.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM transactionline WHERE transaction = $1', [id]);
      if ((left.rows[0]?.n ?? 0) === 0) throw invalidContent('You must enter at least one line item for this transaction.', 'item');
      await refreshOrderStatus(tx, orderId);
    }
    await tx.query('UPDATE transaction SET lastmodifieddate = now() WHERE id = $1', [id]);
  });
}
