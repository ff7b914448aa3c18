/**
 * `salesOrder` record (§4.7.D): create (POST or PUT eid: upsert), update with NetSuite's sublist semantics, GET
 * with `status`, item lines and `linkedTrackingNumbers`, and `!transform/itemFulfillment`.
 *
 * The sublist trap is reproduced on purpose: the `item` sublist is keyed by `line`; on update, lines carrying a
 * matching `line` are updated and every other line is *appended*, so replaying a create body against an existing
 * order duplicates its lines. `?replace=item` replaces the sublist instead, refusing to drop fulfilled lines.
 */
import { nonexistentId } from '../errors';
import { isPlainObject } from '../http';
import {
  checkPropertyNames, enumValue, invalidContent, invalidFieldValue, isoDate, isoDateTime, num, readEnumId, readNumber,
  readRefId, readString, ref, selfLink, shape, sublist, type Json, type Queryable, type RecordContext,
} from './common';
import { commitStock } from './stock';
import { transactionLookup } from './transaction-lookup';
import type { RecordType } from './types';
import { transformToFulfilment } from './item-fulfillment';

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

const BODY_FIELDS = [
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
  await commitStock(db, line.item, location, line.quantity);
}

/** The order's value as NetSuite counts it in unbilled orders: lines plus shipping. */
async function orderTotal(db: Queryable, orderId: number): Promise<string> {
  const r = await db.query<{ total: string }>(
    `SELECT (COALESCE((SELECT SUM(quantity * COALESCE(rate, 0)) FROM transactionline WHERE transaction = $1), 0)
            + COALESCE((SELECT shippingcost FROM transaction WHERE id = $1), 0))::text AS total`,
    [orderId],
  );
  return r.rows[0]?.total ?? '0';
}

/**
 * Unbilled orders on the customer move with every order change (§4.8.6). Applied as a difference, not recomputed,
 * because seeded customers carry unbilled amounts from orders the emulator never saw.
 */
async function addUnbilled(db: Queryable, customer: number, before: string, after: string): Promise<void> {
  await db.query(
    `UPDATE customer SET unbilledorderssearch = unbilledorderssearch + ($2::numeric - $3::numeric), lastmodifieddate = now() WHERE id = $1`,
    [customer, after, before],
  );
}

async function createOrder(ctx: RecordContext, body: Json, externalId: string | undefined): Promise<number> {
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

async function updateOrder(ctx: RecordContext, id: number, body: Json): Promise<void> {
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
      const existing = await tx.query<{ id: number; quantityshiprecv: string }>(
        'SELECT id, quantityshiprecv FROM transactionline WHERE transaction = $1 ORDER BY id', [id],
      );
      const byLine = new Map(existing.rows.map((r) => [r.id, Number(r.quantityshiprecv)]));
      const keep = new Set<number>();
      let next = Math.max(0, ...byLine.keys()) + 1;
      for (const [index, line] of lines.entries()) {
        if (line.line !== undefined && byLine.has(line.line)) {
          keep.add(line.line);
          await tx.query('UPDATE transactionline SET item = $1, quantity = $2, rate = COALESCE($3, rate) WHERE transaction = $4 AND id = $5', [
            line.item, line.quantity, line.rate === undefined ? null : String(line.rate), id, line.line,
          ]);
        } else if (line.line !== undefined) {
          throw invalidContent(`Line ${line.line} does not exist on this order.`, `item.items[${index}].line`);
        } else {
          await insertLine(tx, id, next++, line, current.location); // the append half of the trap
        }
      }
      if (replaceSublists.includes('item')) {
        for (const [lineNo, fulfilled] of byLine) {
          if (keep.has(lineNo)) continue;
          if (fulfilled > 0) throw invalidContent(`Line ${lineNo} has been fulfilled and cannot be removed.`, 'item');
          await tx.query('DELETE FROM transactionline WHERE transaction = $1 AND id = $2', [id, lineNo]);
        }
      }
    }
    await tx.query('UPDATE transaction SET lastmodifieddate = now() WHERE id = $1', [id]);
    await addUnbilled(tx, current.entity, totalBefore, await orderTotal(tx, id));
  });
}

export const salesOrderRecord: RecordType = {
  name: 'salesOrder',

  ...transactionLookup('SalesOrd'),

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
      `SELECT tl.*, i.itemid FROM transactionline tl JOIN item i ON i.id = tl.item WHERE tl.transaction = $1 ORDER BY tl.id`, [id],
    );
    const lines: Json[] = lineRows.rows.map((l) => ({
      line: l['id'],
      item: ref(ctx, 'inventoryItem', l['item'] as number, l['itemid'] as string),
      quantity: num(l['quantity']),
      rate: num(l['rate']),
      amount: l['rate'] === null ? undefined : Number(l['quantity']) * Number(l['rate']),
      location: ref(ctx, 'location', l['location'] as number | null),
      quantityFulfilled: num(l['quantityshiprecv']),
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
  transform: transformToFulfilment,
};
