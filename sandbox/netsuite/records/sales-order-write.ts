/**
 * Writing sales orders (§4.7.D): create (POST or PUT eid: upsert) and update with NetSuite's sublist semantics.
 *
 * The sublist trap is reproduced on purpose: the `item` sublist is keyed by `line`; on update, lines carrying a
 * matching `line` are updated and every other line is *appended*, so replaying a create body against an existing
 * order duplicates its lines. `?replace=item` replaces the sublist instead, refusing to drop fulfilled lines.
 *
 * Stock follows every line change by the difference (order-lines.ts), and the customer's unbilled orders follow
 * the order's value (customer-balances.ts).
 */
import { nonexistentId } from '../errors';
import { isPlainObject } from '../http';
import {
  checkPropertyNames, invalidContent, invalidFieldValue, readEnumId, readNumber, readRefId, readString, type Json,
  type Queryable, type RecordContext,
} from './common';
import { addUnbilled } from './customer-balances';
import { commitLine, readOrderLines, releaseLine, type OrderLine } from './order-lines';
import { refreshOrderStatus } from './order-status';

export const BODY_FIELDS = [
  'entity', 'tranDate', 'otherRefNum', 'memo', 'orderStatus', 'currency', 'location', 'shipMethod', 'shippingCost',
  'shippingAddress', 'item', 'externalId', 'tranId',
] as const;
const LINE_FIELDS = ['line', 'item', 'quantity', 'rate', 'price', 'location', 'amount', 'description'] as const;

interface LineInput {
  line?: number;
  item: number;
  quantity: number;
  rate?: number;
  location?: number;
}

async function exists(db: Queryable, table: string, id: number): Promise<boolean> {
  const r = await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  return r.rows.length > 0;
}

/** Reads and validates `item.items[]`, naming the exact JSON path of a bad line (`item.items[1].item`). */
async function readLines(ctx: RecordContext, db: Queryable, body: Json): Promise<LineInput[] | undefined> {
  const sub = body['item'];
  if (sub === undefined) return undefined;
  if (!isPlainObject(sub) || !Array.isArray(sub['items'])) throw invalidContent('item must be {"items": [...]}.', 'item');
  const lines: LineInput[] = [];
  for (const [index, raw] of (sub['items'] as unknown[]).entries()) {
    const path = `item.items[${index}]`;
    if (!isPlainObject(raw)) throw invalidContent('Each item line must be an object.', path);
    checkPropertyNames(ctx, raw, LINE_FIELDS, `${path}.`);
    const item = readRefId(raw, 'item', `${path}.item`);
    if (item === undefined) throw invalidContent('Please enter value(s) for: Item', `${path}.item`);
    if (!(await exists(db, 'item', item))) throw invalidFieldValue(item, 'item', `${path}.item`);
    const quantity = readNumber(raw, 'quantity', `${path}.quantity`);
    if (quantity === undefined || quantity <= 0) throw invalidContent('Please enter a positive quantity.', `${path}.quantity`);
    const location = readRefId(raw, 'location', `${path}.location`);
    if (location !== undefined && !(await exists(db, 'location', location))) throw invalidFieldValue(location, 'location', `${path}.location`);
    const line = readNumber(raw, 'line', `${path}.line`);
    lines.push({ item, quantity, rate: readNumber(raw, 'rate', `${path}.rate`), location, line });
  }
  return lines;
}

async function insertLine(db: Queryable, orderId: number, lineNo: number, line: LineInput, orderLocation: number | null): Promise<void> {
  const location = line.location ?? orderLocation;
  await db.query(
    'INSERT INTO transactionline (transaction, id, item, quantity, rate, location) VALUES ($1, $2, $3, $4, $5, $6)',
    [orderId, lineNo, line.item, line.quantity, line.rate === undefined ? null : String(line.rate), location],
  );
  await commitLine(db, orderId, { id: lineNo, item: line.item, location }, line.quantity);
}

/** The order's value as NetSuite counts it in unbilled orders: lines plus shipping. */
export async function orderTotal(db: Queryable, orderId: number): Promise<string> {
  const r = await db.query<{ total: string }>(
    `SELECT (COALESCE((SELECT SUM(quantity * COALESCE(rate, 0)) FROM transactionline WHERE transaction = $1), 0)
            + COALESCE((SELECT shippingcost FROM transaction WHERE id = $1), 0))::text AS total`,
    [orderId],
  );
  return r.rows[0]?.total ?? '0';
}

export async function createOrder(ctx: RecordContext, body: Json, externalId: string | undefined): Promise<number> {
  checkPropertyNames(ctx, body, BODY_FIELDS);
  return ctx.db.transaction(async (tx) => {
    const entity = readRefId(body, 'entity');
    if (entity === undefined) throw invalidContent('Please enter value(s) for: Customer', 'entity');
    const customer = await tx.query<{ currency: number }>('SELECT currency FROM customer WHERE id = $1', [entity]);
    const customerRow = customer.rows[0];
    if (!customerRow) throw invalidFieldValue(entity, 'entity', 'entity');
    const currency = readRefId(body, 'currency') ?? customerRow.currency;
    if (!(await exists(tx, 'currency', currency))) throw invalidFieldValue(currency, 'currency', 'currency');
    const location = readRefId(body, 'location') ?? null;
    if (location !== null && !(await exists(tx, 'location', location))) throw invalidFieldValue(location, 'location', 'location');
    const status = readEnumId(body, 'orderStatus') ?? 'B'; // [I] default depends on an account preference
    if (status !== 'A' && status !== 'B') throw invalidContent('orderStatus must be A or B on create.', 'orderStatus');
    const lines = (await readLines(ctx, tx, body)) ?? [];
    if (lines.length === 0) throw invalidContent('You must enter at least one line item for this transaction.', 'item');
    const inserted = await tx.query<{ id: number }>(
      `INSERT INTO transaction (type, status, entity, externalid, trandate, currency, location, otherrefnum, memo, shippingcost, shipaddress)
       VALUES ('SalesOrd', $1, $2, $3, COALESCE($4::date, current_date), $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        status, entity, externalId ?? readString(body, 'externalId') ?? null, readString(body, 'tranDate') ?? null, currency,
        location, readString(body, 'otherRefNum') ?? null, readString(body, 'memo') ?? null,
        String(readNumber(body, 'shippingCost') ?? 0),
        isPlainObject(body['shippingAddress']) ? JSON.stringify(body['shippingAddress']) : null,
      ],
    );
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw new Error('insert returned no id');
    await tx.query(`UPDATE transaction SET tranid = 'SO' || id WHERE id = $1`, [id]);
    for (const [index, line] of lines.entries()) await insertLine(tx, id, index + 1, line, location);
    await addUnbilled(tx, entity, '0', await orderTotal(tx, id));
    return id;
  });
}

/**
 * An existing line edited: a new quantity moves the hold by the difference; a new item or location gives back
 * everything and reserves afresh. Shipped quantity can't be undone from here ([I] wording).
 */
async function updateLine(tx: Queryable, orderId: number, current: OrderLine, input: LineInput, index: number): Promise<void> {
  const path = `item.items[${index}]`;
  if (input.quantity < current.fulfilled) {
    throw invalidContent(`Line ${current.id}: the quantity cannot be less than the ${current.fulfilled} already fulfilled.`, `${path}.quantity`);
  }
  const location = input.location ?? current.location;
  const moved = input.item !== current.item || location !== current.location;
  if (moved && current.fulfilled > 0) {
    throw invalidContent(`Line ${current.id} has been fulfilled; its item and location cannot change.`, `${path}.item`);
  }
  await tx.query('UPDATE transactionline SET item = $1, quantity = $2, rate = COALESCE($3, rate), location = $4 WHERE transaction = $5 AND id = $6', [
    input.item, input.quantity, input.rate === undefined ? null : String(input.rate), location, orderId, current.id,
  ]);
  if (moved) {
    await releaseLine(tx, orderId, current);
    await commitLine(tx, orderId, { id: current.id, item: input.item, location }, input.quantity);
  } else if (input.quantity > current.quantity) {
    await commitLine(tx, orderId, current, input.quantity - current.quantity);
  } else if (input.quantity < current.quantity) {
    await releaseLine(tx, orderId, current, current.quantity - input.quantity);
  }
}

export async function updateOrder(ctx: RecordContext, id: number, body: Json): Promise<void> {
  checkPropertyNames(ctx, body, BODY_FIELDS);
  const replaceSublists = (ctx.query.get('replace') ?? '').split(',').map((s) => s.trim().toLowerCase());
  await ctx.db.transaction(async (tx) => {
    const order = await tx.query<{ entity: number; location: number | null }>('SELECT entity, location FROM transaction WHERE id = $1', [id]);
    const current = order.rows[0];
    if (!current) throw nonexistentId('salesOrder', String(id));
    const totalBefore = await orderTotal(tx, id);
    for (const [field, column] of [['memo', 'memo'], ['otherRefNum', 'otherrefnum'], ['tranDate', 'trandate']] as const) {
      const value = readString(body, field);
      if (value !== undefined) await tx.query(`UPDATE transaction SET ${column} = $1 WHERE id = $2`, [value, id]);
    }
    const shippingCost = readNumber(body, 'shippingCost');
    if (shippingCost !== undefined) await tx.query('UPDATE transaction SET shippingcost = $1 WHERE id = $2', [String(shippingCost), id]);

    const lines = await readLines(ctx, tx, body);
    if (lines !== undefined) {
      const existing = new Map((await readOrderLines(tx, id)).map((l) => [l.id, l]));
      const keep = new Set<number>();
      let next = Math.max(0, ...existing.keys()) + 1;
      for (const [index, line] of lines.entries()) {
        const match = line.line === undefined ? undefined : existing.get(line.line);
        if (match) {
          keep.add(match.id);
          await updateLine(tx, id, match, line, index);
        } else if (line.line !== undefined) {
          throw invalidContent(`Line ${line.line} does not exist on this order.`, `item.items[${index}].line`);
        } else {
          await insertLine(tx, id, next++, line, current.location); // the append half of the trap
        }
      }
      if (replaceSublists.includes('item')) {
        for (const line of existing.values()) {
          if (keep.has(line.id)) continue;
          if (line.fulfilled > 0) throw invalidContent(`Line ${line.id} has been fulfilled and cannot be removed.`, 'item');
          await releaseLine(tx, id, line);
          await tx.query('DELETE FROM transactionline WHERE transaction = $1 AND id = $2', [id, line.id]);
        }
      }
    }
    await refreshOrderStatus(tx, id);
    await addUnbilled(tx, current.entity, totalBefore, await orderTotal(tx, id));
  });
}
