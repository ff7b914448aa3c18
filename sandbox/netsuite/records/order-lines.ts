/**
 * Sales order lines and the stock they hold. Each open line remembers what it committed and backordered at its
 * location (`transactionline.quantitycommitted/quantitybackordered`), so every later change moves stock by exactly
 * the difference: a quantity raised commits more, lowered releases (backorder first, then committed stock), a line
 * removed or moved to another item or location gives back everything it held; shipping consumes the hold
 * (committed first), and un-shipping puts the quantity back on hand and on the line's hold.
 */
import type { Queryable } from './common';
import { commitStock, releaseStock, shipStock, unshipStock, type Hold } from './stock';

export interface OrderLine {
  id: number;
  item: number;
  location: number | null;
  quantity: number;
  fulfilled: number;
  billed: number;
  rate: string | null;
  hold: Hold;
}

export async function readOrderLines(db: Queryable, orderId: number): Promise<OrderLine[]> {
  const r = await db.query<Record<string, string | number | null>>(
    `SELECT id, item, location, quantity::text, quantityshiprecv::text AS fulfilled, quantitybilled::text AS billed, rate::text,
            quantitycommitted::text AS committed, quantitybackordered::text AS backordered
     FROM transactionline WHERE transaction = $1 ORDER BY id`,
    [orderId],
  );
  return r.rows.map((row) => ({
    id: Number(row['id']),
    item: Number(row['item']),
    location: row['location'] === null ? null : Number(row['location']),
    quantity: Number(row['quantity']),
    fulfilled: Number(row['fulfilled']),
    billed: Number(row['billed']),
    rate: row['rate'] === null ? null : String(row['rate']),
    hold: { committed: Number(row['committed']), backordered: Number(row['backordered']) },
  }));
}

async function addHold(db: Queryable, orderId: number, lineId: number, delta: Hold): Promise<void> {
  await db.query(
    `UPDATE transactionline SET quantitycommitted = GREATEST(quantitycommitted + $3::numeric, 0),
       quantitybackordered = GREATEST(quantitybackordered + $4::numeric, 0) WHERE transaction = $1 AND id = $2`,
    [orderId, lineId, delta.committed, delta.backordered],
  );
}

/** Reserve stock for `quantity` more of a line. */
export async function commitLine(db: Queryable, orderId: number, line: Pick<OrderLine, 'id' | 'item' | 'location'>, quantity: number): Promise<void> {
  const held = await commitStock(db, line.item, line.location, quantity);
  await addHold(db, orderId, line.id, held);
}

/** Release `quantity` of a line's hold (all of it when omitted): the backorder first, then committed stock. */
export async function releaseLine(db: Queryable, orderId: number, line: OrderLine, quantity?: number): Promise<void> {
  const want = quantity ?? line.hold.backordered + line.hold.committed;
  const backordered = Math.min(want, line.hold.backordered);
  const committed = Math.min(want - backordered, line.hold.committed);
  await releaseStock(db, line.item, line.location, { committed, backordered });
  await addHold(db, orderId, line.id, { committed: -committed, backordered: -backordered });
}

/** Ship `quantity` of a line: consumes its hold, committed stock first. */
export async function shipLine(db: Queryable, orderId: number, line: OrderLine, quantity: number): Promise<void> {
  const committed = Math.min(quantity, line.hold.committed);
  const backordered = Math.min(quantity - committed, line.hold.backordered);
  await shipStock(db, line.item, line.location, quantity, { committed, backordered });
  await addHold(db, orderId, line.id, { committed: -committed, backordered: -backordered });
  await db.query('UPDATE transactionline SET quantityshiprecv = quantityshiprecv + $3::numeric WHERE transaction = $1 AND id = $2', [
    orderId,
    line.id,
    quantity,
  ]);
}

/** Undo shipping `quantity` of a line (a fulfilment line edited down): open and committed again. */
export async function unshipLine(db: Queryable, orderId: number, line: OrderLine, quantity: number): Promise<void> {
  await unshipStock(db, line.item, line.location, quantity);
  if (line.location !== null) await addHold(db, orderId, line.id, { committed: quantity, backordered: 0 });
  await db.query('UPDATE transactionline SET quantityshiprecv = quantityshiprecv - $3::numeric WHERE transaction = $1 AND id = $2', [
    orderId,
    line.id,
    quantity,
  ]);
}
