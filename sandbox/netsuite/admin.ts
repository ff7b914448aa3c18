/**
 * Sandbox admin: change ERP data live over HTTP (never under `/services/`, never governed or authenticated), the
 * way a back-office user would in NetSuite, and announce each change as an ERP change event.
 *
 *   POST   /__sandbox/items/{sku}/prices            {priceLevelId, unitPrice, currency?, minQuantity?}
 *   DELETE /__sandbox/items/{sku}/prices?priceLevelId=&currency=  remove matrix cells (no filter: every price of the item)
 *   POST   /__sandbox/customers/{entityid}/item-prices {sku, unitPrice, currency?}
 *   DELETE /__sandbox/customers/{entityid}/item-prices/{sku}?currency=USD  remove one customer-specific price
 *   PATCH  /__sandbox/customers/{entityid}          {priceLevelId?: number | null, isInactive?: boolean}
 *   POST   /__sandbox/customers/{entityid}/credit   {creditLimit?: "50000.00" | null, creditHoldOverride?: AUTO|ON|OFF}
 *   PUT    /__sandbox/customers/{entityid}/sales-rep {salesRep: "<employee e-mail>" | null}  (admin-sales-reps.ts)
 *   PATCH  /__sandbox/employees/{email}             {isInactive?: boolean, isSalesRep?: boolean}
 *   POST   /__sandbox/stock                         {sku, location (code), onHand, committed?, backordered?}
 *   POST   /__sandbox/sales-orders/{id | eid:…}/fulfil {shipStatus?: A|B|C, trackingNumbers?, lines?: [{orderLine, quantity}]}
 *   POST   /__sandbox/sales-orders/{id | eid:…}/bill   {tranDate?, dueDate?, lines?: [{orderLine, quantity}]}
 *   POST   /__sandbox/invoices/{id}/payments        {amount?: "12.34"}  (default: all that is open)
 *   POST   /__sandbox/aging                         count invoices that are past due as overdue (no nightly job here)
 *   GET    /__sandbox/events?after={seq}            the change events so far (in memory, oldest first)
 *   POST   /__sandbox/webhooks {url, secret?}  /  DELETE /__sandbox/webhooks   register / clear callback URLs; with a
 *          secret each delivery is signed `x-erp-signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`,
 *          as the User Event script we deploy on a real account does
 *
 * Every change stamps the column the adapter's delta reads key on (item / customer `lastmodifieddate`,
 * `lastquantityavailablechange`, the order's `lastmodifieddate`), using the SQL engine's LOCALTIMESTAMP — the same
 * clock SuiteQL's SYSDATE (the watermark) reads. Amounts are NetSuite decimals ("17.25"), as on the wire.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Db } from './db';
import { NsHttpError, nonexistentId } from './errors';
import { routeBilling } from './admin-billing';
import { routeSalesReps } from './admin-sales-reps';
import { transformToFulfilment } from './records/fulfilment-write';
import { CURRENCY_IDS } from './seed';

export type ErpChangeType =
  | 'item.price.changed'
  | 'customer.itemprice.changed'
  | 'customer.pricelevel.changed'
  | 'customer.credit.changed'
  | 'customer.salesrep.changed'
  | 'employee.changed'
  | 'inventory.changed'
  | 'salesorder.fulfilled'
  | 'salesorder.billed'
  | 'invoice.paid';

export interface ErpChangeEvent {
  /** 1-based, increasing: pass the last one seen as `?after=` to poll. */
  seq: number;
  type: ErpChangeType;
  /** ISO time the change was made. */
  at: string;
  /** What changed, by the keys the sync uses (sku, customerNumber, locationCode, externalId). */
  data: Record<string, unknown>;
}

const decimal = z.union([z.string(), z.number()]).transform(String).refine((s) => /^\d+(\.\d{1,4})?$/.test(s), 'must be a non-negative decimal such as "17.25"');
const currency = z.enum(['USD', 'CAD']).default('USD');
const quantity = z.number().int().nonnegative();

const priceBody = z.object({ priceLevelId: z.number().int(), unitPrice: decimal, currency, minQuantity: z.number().int().positive().default(1) });
const customerPriceBody = z.object({ sku: z.string().min(1), unitPrice: decimal, currency });
const priceFilter = z.object({ priceLevelId: z.coerce.number().int().optional(), currency: z.enum(['USD', 'CAD']).optional() });
const customerPricingBody = z.object({
  priceLevelId: z.number().int().nullable().optional(),
  isInactive: z.boolean().optional(),
}).refine((b) => b.priceLevelId !== undefined || b.isInactive !== undefined, 'give priceLevelId and/or isInactive');
const creditBody = z.object({
  creditLimit: decimal.nullable().optional(),
  creditHoldOverride: z.enum(['AUTO', 'ON', 'OFF']).optional(),
}).refine((b) => b.creditLimit !== undefined || b.creditHoldOverride !== undefined, 'give creditLimit and/or creditHoldOverride');
const stockBody = z.object({ sku: z.string().min(1), location: z.string().min(1), onHand: quantity, committed: quantity.optional(), backordered: quantity.optional() });
const fulfilBody = z.object({
  shipStatus: z.enum(['A', 'B', 'C']).default('C'),
  trackingNumbers: z.array(z.string().min(1)).default([]),
  lines: z.array(z.object({ orderLine: z.number().int().positive(), quantity: z.number().positive() })).optional(),
});
const webhookBody = z.object({ url: z.string().url(), secret: z.string().min(16).optional() });

export class SandboxAdmin {
  readonly events: ErpChangeEvent[] = [];
  /** Callback URL → the secret its deliveries are signed with (undefined: unsigned). */
  readonly webhooks = new Map<string, string | undefined>();
  /** Callback deliveries that failed (non-2xx or unreachable): visible in GET /__sandbox/events. */
  deliveryFailures = 0;
  private readonly pending = new Set<Promise<void>>();

  constructor(readonly db: Db, readonly restBase: string) {}

  /** Resolves when every callback POST started so far has finished (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  emit(type: ErpChangeType, data: Record<string, unknown>): ErpChangeEvent {
    const event: ErpChangeEvent = { seq: this.events.length + 1, type, at: new Date().toISOString(), data };
    this.events.push(event);
    const body = JSON.stringify(event);
    for (const [url, secret] of this.webhooks) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (secret) headers['x-erp-signature'] = signature(secret, body);
      const delivery = fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) })
        .then((res) => { if (!res.ok) this.deliveryFailures += 1; })
        .catch(() => { this.deliveryFailures += 1; })
        .finally(() => this.pending.delete(delivery));
      this.pending.add(delivery);
    }
    return event;
  }

  private async itemId(sku: string): Promise<number> {
    const r = await this.db.query<{ id: number }>('SELECT id FROM item WHERE UPPER(itemid) = UPPER($1)', [sku]);
    const id = r.rows[0]?.id;
    if (id === undefined) throw nonexistentId('inventoryItem', sku);
    return id;
  }

  async customerId(entityId: string): Promise<number> {
    const r = await this.db.query<{ id: number }>('SELECT id FROM customer WHERE entityid = $1', [entityId]);
    const id = r.rows[0]?.id;
    if (id === undefined) throw nonexistentId('customer', entityId);
    return id;
  }

  async setItemPrice(sku: string, input: unknown): Promise<ErpChangeEvent> {
    const body = priceBody.parse(input);
    const item = await this.itemId(sku);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO pricing (internalid, item, pricelevel, currency, quantity, unitprice, saleunit) VALUES ($1, $1, $2, $3, $4, $5, 1)
         ON CONFLICT (item, pricelevel, currency, quantity) DO UPDATE SET unitprice = EXCLUDED.unitprice`,
        [item, body.priceLevelId, CURRENCY_IDS[body.currency], body.minQuantity, body.unitPrice],
      );
      // Editing the price sublist saves the item record: that is what pricing deltas key on.
      await tx.query('UPDATE item SET lastmodifieddate = LOCALTIMESTAMP WHERE id = $1', [item]);
    });
    return this.emit('item.price.changed', { sku: sku.toUpperCase(), priceLevelId: body.priceLevelId, currency: body.currency, minQuantity: body.minQuantity, unitPrice: body.unitPrice });
  }

  /** Removes price-matrix cells of an item (one level and/or currency, or all of them), as editing the sublist does. */
  async removeItemPrices(sku: string, filter: unknown): Promise<ErpChangeEvent> {
    const body = priceFilter.parse(filter);
    const item = await this.itemId(sku);
    const removed = await this.db.transaction(async (tx) => {
      const r = await tx.query(
        'DELETE FROM pricing WHERE item = $1 AND ($2::integer IS NULL OR pricelevel = $2) AND ($3::integer IS NULL OR currency = $3)',
        [item, body.priceLevelId ?? null, body.currency ? CURRENCY_IDS[body.currency] : null],
      );
      await tx.query('UPDATE item SET lastmodifieddate = LOCALTIMESTAMP WHERE id = $1', [item]);
      return r.affectedRows ?? 0;
    });
    return this.emit('item.price.changed', { sku: sku.toUpperCase(), priceLevelId: body.priceLevelId ?? null, currency: body.currency ?? null, removed });
  }

  async setCustomerItemPrice(entityId: string, input: unknown): Promise<ErpChangeEvent> {
    const body = customerPriceBody.parse(input);
    const customer = await this.customerId(entityId);
    const item = await this.itemId(body.sku);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO customeritempricing (customer, item, level, currency, price) VALUES ($1, $2, NULL, $3, $4)
         ON CONFLICT (customer, item, currency) DO UPDATE SET price = EXCLUDED.price, level = NULL`,
        [customer, item, CURRENCY_IDS[body.currency], body.unitPrice],
      );
      await tx.query('UPDATE customer SET lastmodifieddate = LOCALTIMESTAMP WHERE id = $1', [customer]);
    });
    return this.emit('customer.itemprice.changed', { customerNumber: entityId, sku: body.sku.toUpperCase(), currency: body.currency, unitPrice: body.unitPrice });
  }

  /** Removes one customer-specific price (an `itemPricing` sublist line): the customer buys that SKU at its level again. */
  async removeCustomerItemPrice(entityId: string, sku: string, currencyCode: unknown): Promise<ErpChangeEvent> {
    const code = currency.parse(currencyCode ?? undefined);
    const customer = await this.customerId(entityId);
    const item = await this.itemId(sku);
    const removed = await this.db.transaction(async (tx) => {
      const r = await tx.query('DELETE FROM customeritempricing WHERE customer = $1 AND item = $2 AND currency = $3', [customer, item, CURRENCY_IDS[code]]);
      await tx.query('UPDATE customer SET lastmodifieddate = LOCALTIMESTAMP WHERE id = $1', [customer]);
      return r.affectedRows ?? 0;
    });
    if (removed === 0) throw nonexistentId('customer item price', `${entityId}/${sku}/${code}`);
    return this.emit('customer.itemprice.changed', { customerNumber: entityId, sku: sku.toUpperCase(), currency: code, removed: true });
  }

  /** Moves a customer to another price level (null: base price) and/or (in)activates it, saving the customer record. */
  async setCustomerPricing(entityId: string, input: unknown): Promise<ErpChangeEvent> {
    const body = customerPricingBody.parse(input);
    const customer = await this.customerId(entityId);
    if (body.priceLevelId !== undefined && body.priceLevelId !== null) {
      const level = await this.db.query('SELECT 1 FROM pricelevel WHERE id = $1', [body.priceLevelId]);
      if (level.rows.length === 0) throw nonexistentId('priceLevel', String(body.priceLevelId));
    }
    const r = await this.db.query<{ pricelevel: number | null; isinactive: string }>(
      `UPDATE customer SET
         pricelevel = CASE WHEN $2::boolean THEN $3::integer ELSE pricelevel END,
         isinactive = COALESCE($4, isinactive),
         lastmodifieddate = LOCALTIMESTAMP
       WHERE id = $1 RETURNING pricelevel, isinactive`,
      [customer, body.priceLevelId !== undefined, body.priceLevelId ?? null, body.isInactive === undefined ? null : body.isInactive ? 'T' : 'F'],
    );
    const row = r.rows[0];
    return this.emit('customer.pricelevel.changed', {
      customerNumber: entityId, priceLevelId: row?.pricelevel ?? null, isInactive: row?.isinactive === 'T',
    });
  }

  async setCredit(entityId: string, input: unknown): Promise<ErpChangeEvent> {
    const body = creditBody.parse(input);
    const customer = await this.customerId(entityId);
    const r = await this.db.query<{ creditlimit: string | null; creditholdoverride: string; oncredithold: string }>(
      `UPDATE customer SET
         creditlimit = CASE WHEN $2::boolean THEN $3::numeric ELSE creditlimit END,
         creditholdoverride = COALESCE($4, creditholdoverride),
         lastmodifieddate = LOCALTIMESTAMP
       WHERE id = $1 RETURNING creditlimit, creditholdoverride, oncredithold`,
      [customer, body.creditLimit !== undefined, body.creditLimit ?? null, body.creditHoldOverride ?? null],
    );
    const row = r.rows[0];
    return this.emit('customer.credit.changed', {
      customerNumber: entityId, creditLimit: row?.creditlimit ?? null, creditHoldOverride: row?.creditholdoverride, onCreditHold: row?.oncredithold === 'T',
    });
  }

  async setStock(input: unknown): Promise<ErpChangeEvent> {
    const body = stockBody.parse(input);
    const item = await this.itemId(body.sku);
    const loc = await this.db.query<{ id: number }>('SELECT id FROM location WHERE externalid = $1', [body.location]);
    const location = loc.rows[0]?.id;
    if (location === undefined) throw nonexistentId('location', body.location);
    const r = await this.db.query<{ quantityavailable: string; quantitycommitted: string; quantitybackordered: string }>(
      `INSERT INTO inventoryitemlocations (item, location, quantityonhand, quantitycommitted, quantitybackordered, quantityavailable, quantityonorder, lastquantityavailablechange)
       VALUES ($1, $2, $3::numeric, COALESCE($4::numeric, 0), COALESCE($5::numeric, 0), GREATEST($3::numeric - COALESCE($4::numeric, 0), 0), 0, LOCALTIMESTAMP)
       ON CONFLICT (item, location) DO UPDATE SET
         quantityonhand = EXCLUDED.quantityonhand,
         quantitycommitted = COALESCE($4::numeric, inventoryitemlocations.quantitycommitted),
         quantitybackordered = COALESCE($5::numeric, inventoryitemlocations.quantitybackordered),
         quantityavailable = GREATEST(EXCLUDED.quantityonhand - COALESCE($4::numeric, inventoryitemlocations.quantitycommitted, 0), 0),
         lastquantityavailablechange = LOCALTIMESTAMP
       RETURNING quantityavailable, quantitycommitted, quantitybackordered`,
      [item, location, body.onHand, body.committed ?? null, body.backordered ?? null],
    );
    const row = r.rows[0];
    return this.emit('inventory.changed', {
      sku: body.sku.toUpperCase(), locationCode: body.location, onHand: body.onHand,
      committed: Number(row?.quantitycommitted ?? 0), backordered: Number(row?.quantitybackordered ?? 0), available: Number(row?.quantityavailable ?? 0),
    });
  }

  /** `{id}` or `eid:{external id}` → the sales order. */
  async salesOrder(orderRef: string): Promise<{ id: number; externalid: string | null }> {
    const eid = orderRef.startsWith('eid:') ? orderRef.slice(4) : null;
    const found = await this.db.query<{ id: number; externalid: string | null }>(
      eid === null
        ? `SELECT id, externalid FROM transaction WHERE type = 'SalesOrd' AND id = $1`
        : `SELECT id, externalid FROM transaction WHERE type = 'SalesOrd' AND externalid = $1`,
      [eid ?? (/^\d+$/.test(orderRef) ? Number(orderRef) : -1)],
    );
    const order = found.rows[0];
    if (!order) throw nonexistentId('salesOrder', orderRef);
    return order;
  }

  async fulfil(orderRef: string, input: unknown): Promise<ErpChangeEvent> {
    const body = fulfilBody.parse(input ?? {});
    const order = await this.salesOrder(orderRef);
    const transformBody: Record<string, unknown> = { shipStatus: { id: body.shipStatus } };
    if (body.lines) transformBody['item'] = { items: body.lines };
    if (body.trackingNumbers.length > 0) transformBody['package'] = { items: body.trackingNumbers.map((n) => ({ packageTrackingNumber: n })) };
    const ctx = { db: this.db, restBase: this.restBase, query: new URLSearchParams(), strictPropertyNames: false };
    const result = await transformToFulfilment(ctx, order.id, transformBody);
    const status = await this.db.query<{ status: string }>('SELECT status FROM transaction WHERE id = $1', [order.id]);
    return this.emit('salesorder.fulfilled', {
      externalId: order.externalid, erpOrderId: String(order.id), erpFulfilmentId: String(result.id),
      orderStatus: status.rows[0]?.status, shipStatus: body.shipStatus, trackingNumbers: body.trackingNumbers,
    });
  }

  /** Routes `/__sandbox/…` paths this module owns; null when the path isn't one of them. */
  async route(method: string, path: string, query: URLSearchParams, body: () => Promise<unknown>): Promise<{ status: number; body: unknown } | null> {
    const seg = path.split('/').filter(Boolean).slice(1).map(decodeURIComponent); // drop "__sandbox"
    const [a, b, c] = seg;
    const created = async (p: Promise<ErpChangeEvent>): Promise<{ status: number; body: unknown }> => ({ status: 200, body: { event: await p } });
    if (method === 'POST' && a === 'items' && b !== undefined && c === 'prices' && seg.length === 3) return created(this.setItemPrice(b, await body()));
    if (method === 'DELETE' && a === 'items' && b !== undefined && c === 'prices' && seg.length === 3) {
      return created(this.removeItemPrices(b, { priceLevelId: query.get('priceLevelId') ?? undefined, currency: query.get('currency') ?? undefined }));
    }
    if (method === 'POST' && a === 'customers' && b !== undefined && c === 'item-prices' && seg.length === 3) return created(this.setCustomerItemPrice(b, await body()));
    if (method === 'DELETE' && a === 'customers' && b !== undefined && c === 'item-prices' && seg[3] !== undefined && seg.length === 4) {
      return created(this.removeCustomerItemPrice(b, seg[3], query.get('currency') ?? undefined));
    }
    if (method === 'PATCH' && a === 'customers' && b !== undefined && seg.length === 2) return created(this.setCustomerPricing(b, await body()));
    if (method === 'POST' && a === 'customers' && b !== undefined && c === 'credit' && seg.length === 3) return created(this.setCredit(b, await body()));
    if (method === 'POST' && a === 'stock' && seg.length === 1) return created(this.setStock(await body()));
    if (method === 'POST' && a === 'sales-orders' && b !== undefined && c === 'fulfil' && seg.length === 3) return created(this.fulfil(b, await body()));
    const billing = await routeBilling(this, method, seg, body);
    if (billing) return billing;
    const salesReps = await routeSalesReps(this, method, seg, body);
    if (salesReps) return salesReps;
    if (a === 'events' && seg.length === 1 && method === 'GET') {
      const after = Number(query.get('after') ?? '0');
      if (!Number.isInteger(after) || after < 0) throw new NsHttpError(400, 'INVALID_REQUEST', 'after must be a non-negative integer.');
      return { status: 200, body: { events: this.events.filter((e) => e.seq > after), lastSeq: this.events.length, deliveryFailures: this.deliveryFailures } };
    }
    if (a === 'webhooks' && seg.length === 1) {
      if (method === 'POST') {
        const hook = webhookBody.parse(await body());
        this.webhooks.set(hook.url, hook.secret);
        return { status: 200, body: { webhooks: [...this.webhooks.keys()] } };
      }
      if (method === 'GET') return { status: 200, body: { webhooks: [...this.webhooks.keys()] } };
      if (method === 'DELETE') {
        this.webhooks.clear();
        return { status: 200, body: { webhooks: [] } };
      }
    }
    return null;
  }
}

function signature(secret: string, body: string): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex')}`;
}
