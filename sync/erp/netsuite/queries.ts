/**
 * Every SuiteQL statement the adapter sends, as templates. Only these shapes need to work in the emulator, and a
 * reviewer can check them against the contract sheet (§4.7) in one place. Interpolated values are either validated
 * numeric ids, validated timestamps, or go through `sqlString`.
 */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `YYYY-MM-DD HH24:MI:SS`, validated by the caller (watermark.ts). */
function since(column: string, timestamp: string | null): string {
  return timestamp === null ? '' : `${column} >= TO_TIMESTAMP('${timestamp}', 'YYYY-MM-DD HH24:MI:SS')`;
}

function where(...conditions: string[]): string {
  const parts = conditions.filter((c) => c !== '');
  return parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`;
}

function after(column: string, key: number | null): string {
  return key === null ? '' : `${column} > ${Math.trunc(key)}`;
}

/** The ERP's clock, so watermarks never depend on ours. [I] SYSDATE / FROM dual as in Oracle SQL. */
export const SERVER_NOW = `SELECT TO_CHAR(SYSDATE, 'YYYY-MM-DD HH24:MI:SS') AS now FROM dual`;

export const CURRENCIES = 'SELECT id, symbol FROM currency ORDER BY id';

export const PRICE_LEVELS = 'SELECT id, name, isinactive FROM pricelevel ORDER BY id';

/**
 * One row per price-matrix cell, every item present (LEFT JOIN) so an item that lost all its prices, or became
 * inactive, comes through with no cells and the consumer clears it. Delta: items modified since — editing the
 * price sublist saves the item record [I].
 */
export function itemPricing(sinceTs: string | null, afterItem: number | null): string {
  return `SELECT i.id AS item, i.itemid AS sku, p.pricelevel, p.currency, p.quantity, p.unitprice
FROM item i LEFT JOIN pricing p ON p.item = i.id AND i.isinactive = 'F'
${where(since('i.lastmodifieddate', sinceTs), after('i.id', afterItem))}
ORDER BY i.id, p.pricelevel, p.currency, p.quantity`;
}

/**
 * Customer → price level and whether it is inactive, plus the customer's item-pricing lines. Delta: customers
 * modified since (inactivating a customer saves its record).
 */
export function customerPricing(sinceTs: string | null, afterCustomer: number | null): string {
  return `SELECT c.id AS customer, c.entityid, c.pricelevel, c.isinactive, cip.item, i.itemid AS sku, cip.level, cip.currency, cip.price
FROM customer c LEFT JOIN customeritempricing cip ON cip.customer = c.id LEFT JOIN item i ON i.id = cip.item
${where(since('c.lastmodifieddate', sinceTs), after('c.id', afterCustomer))}
ORDER BY c.id, cip.item, cip.currency`;
}

/** Per-location quantities (§4.7.B). Delta on lastquantityavailablechange. */
export function inventory(sinceTs: string | null, afterItem: number | null): string {
  return `SELECT iil.item, i.itemid AS sku, iil.location, l.externalid AS locationcode, l.name AS locationname,
  iil.quantityonhand, iil.quantityavailable, iil.quantitycommitted, iil.quantitybackordered
FROM inventoryitemlocations iil INNER JOIN item i ON i.id = iil.item INNER JOIN location l ON l.id = iil.location
${where(since('iil.lastquantityavailablechange', sinceTs), after('iil.item', afterItem))}
ORDER BY iil.item, iil.location`;
}

/**
 * Credit figures (§4.7.C). Balances move through transactions without necessarily touching the customer record
 * [I], so the delta also takes customers with a transaction modified since.
 */
export function credit(sinceTs: string | null, afterCustomer: number | null, entityId?: string): string {
  const changed = sinceTs === null
    ? ''
    : `(${since('c.lastmodifieddate', sinceTs)} OR c.id IN (SELECT t.entity FROM transaction t WHERE ${since('t.lastmodifieddate', sinceTs)}))`;
  return `SELECT c.id AS customer, c.entityid, c.currency, c.creditlimit, c.balancesearch, c.unbilledorderssearch,
  c.overduebalancesearch, c.creditholdoverride, c.oncredithold, tm.name AS termsname, tm.daysuntilnetdue
FROM customer c LEFT JOIN term tm ON tm.id = c.terms
${where(changed, after('c.id', afterCustomer), entityId === undefined ? '' : `c.entityid = ${sqlString(entityId)}`)}
ORDER BY c.id`;
}

export function customerByNumber(entityId: string): string {
  return `SELECT id, currency FROM customer WHERE entityid = ${sqlString(entityId)}`;
}

export function itemsBySku(skus: string[]): string {
  return `SELECT id, itemid FROM item WHERE UPPER(itemid) IN (${skus.map((s) => sqlString(s.toUpperCase())).join(', ')}) ORDER BY id`;
}

export function locationsByCode(codes: string[]): string {
  return `SELECT id, externalid, name FROM location WHERE externalid IN (${codes.map(sqlString).join(', ')}) OR name IN (${codes.map(sqlString).join(', ')}) ORDER BY id`;
}

/** Fulfilments of one order and their tracking numbers ([V3] NextTransactionLink / TrackingNumberMap joins). */
export function fulfilments(orderId: number): string {
  return `SELECT f.id AS fulfillment, f.tranid, f.status, tn.trackingnumber
FROM nexttransactionlink ntl INNER JOIN transaction f ON f.id = ntl.nextdoc
LEFT JOIN trackingnumbermap m ON m.transaction = f.id LEFT JOIN trackingnumber tn ON tn.id = m.trackingnumber
WHERE ntl.linktype IN ('PickPack', 'ShipRcpt') AND ntl.previousdoc = ${Math.trunc(orderId)}
ORDER BY f.id, tn.id`;
}

/**
 * Active sales reps (employees with "Sales Rep" ticked) and their active customers, one row per (rep, customer);
 * a rep without customers comes through once with no customer columns (LEFT JOIN). Always complete: reps are few.
 */
export function salesReps(afterRep: number | null): string {
  return `SELECT e.id AS rep, e.email, e.firstname, e.lastname, c.entityid AS customernumber, c.companyname
FROM employee e LEFT JOIN customer c ON c.salesrep = e.id AND c.isinactive = 'F'
${where(`e.issalesrep = 'T'`, `e.isinactive = 'F'`, after('e.id', afterRep))}
ORDER BY e.id, c.id`;
}

/**
 * One customer's open invoices (§4.7: `transaction` type 'CustInvc'; [I] `foreignamountremaining`, `duedate` as in
 * SuiteQL's transaction table). Dates are selected as text because raw dates print in the account's date format.
 */
export function openInvoices(entityId: string): string {
  return `SELECT t.id, t.tranid, t.currency, TO_CHAR(t.trandate, 'YYYY-MM-DD') AS trandate, TO_CHAR(t.duedate, 'YYYY-MM-DD') AS duedate,
  t.foreigntotal, t.foreignamountremaining
FROM transaction t INNER JOIN customer c ON c.id = t.entity
WHERE t.type = 'CustInvc' AND t.foreignamountremaining > 0 AND c.entityid = ${sqlString(entityId)}
ORDER BY t.duedate, t.id`;
}
