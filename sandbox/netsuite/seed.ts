/**
 * Seeds the emulator's tables from the shared demo dataset, so NetSuite and the BigCommerce sandbox agree on SKUs
 * (item.itemid), companies (customer.entityid = erpCustomerNumber), price levels (pricelevel.id = demo id),
 * locations (location.externalid = code), stock and credit figures.
 */
import type { CurrencyCode, DemoDataset } from '../demo-data/types';
import { type Db, insertRows, minorToDecimal, type SqlValue } from './db';
import { erpDrift, type ErpDrift } from './drift';

/** NetSuite currency internal ids. USD is 1 in a US-based account (the base currency is always id 1). */
export const CURRENCY_IDS: Record<CurrencyCode, number> = { USD: 1, CAD: 2 };

/** Seeded rows get a fixed, old modification time so delta reads in tests see only what the test changes. */
export const SEEDED_AT = '2025-01-01 00:00:00';

/** First item internal id; items are numbered in dataset order, so ids are deterministic per seed. */
const FIRST_ITEM_ID = 2001;

/** Sales reps are employees, numbered in dataset order from here (NetSuite's own docs show employee/40). */
const FIRST_EMPLOYEE_ID = 41;

export interface SeedResult {
  itemIdBySku: Map<string, number>;
  /** What the seed changed relative to the dataset (drift.ts); null when seeded without drift. */
  drift: ErpDrift | null;
}

export interface SeedOptions {
  /**
   * Default true: seed contract prices and stock with the documented deterministic drift (drift.ts), so the ERP
   * differs from the BigCommerce sandbox (seeded from the same dataset) and the first sync has real work.
   */
  drift?: boolean;
}

function currencyId(code: CurrencyCode): number {
  return CURRENCY_IDS[code];
}

export async function seedFromDataset(db: Db, dataset: DemoDataset, options: SeedOptions = {}): Promise<SeedResult> {
  // The dataset is shared with the BigCommerce sandbox: drift works on copies, never on it.
  const drift = options.drift === false ? null : erpDrift(dataset);
  const data: DemoDataset = drift ? { ...dataset, contractPrices: drift.contractPrices, stock: drift.stock } : dataset;
  await insertRows(db, 'currency', ['id', 'symbol', 'name'], [
    [1, 'USD', 'US Dollar'],
    [2, 'CAD', 'Canadian Dollar'],
  ]);

  const termDays = [...new Set(data.companies.map((c) => c.termsDays))].sort((a, b) => a - b);
  const termIdByDays = new Map(termDays.map((days, index) => [days, index + 1]));
  await insertRows(db, 'term', ['id', 'name', 'daysuntilnetdue'], termDays.map((d, i) => [i + 1, `Net ${d}`, d]));

  await insertRows(db, 'pricelevel', ['id', 'name', 'isinactive'], data.priceLevels.map((l) => [l.id, l.name, 'F']));

  await insertRows(
    db,
    'location',
    ['id', 'name', 'fullname', 'externalid', 'city', 'state', 'zip', 'country'],
    data.locations.map((l) => [l.id, l.label, l.label, l.code, l.city, l.state, l.postalCode, l.countryCode]),
  );

  const itemIdBySku = new Map<string, number>();
  const itemRows: SqlValue[][] = [];
  for (const product of data.products) {
    for (const variant of product.variants) {
      if (itemIdBySku.has(variant.sku)) throw new Error(`demo dataset: duplicate SKU ${variant.sku}`);
      const id = FIRST_ITEM_ID + itemIdBySku.size;
      itemIdBySku.set(variant.sku, id);
      const label = variant.optionValues.map((o) => o.label).join(' / ');
      itemRows.push([id, variant.sku, label ? `${product.name} – ${label}` : product.name, 'InvtPart', 'F', SEEDED_AT]);
    }
  }
  await insertRows(db, 'item', ['id', 'itemid', 'displayname', 'itemtype', 'isinactive', 'lastmodifieddate'], itemRows);

  const itemId = (sku: string, where: string): number => {
    const id = itemIdBySku.get(sku);
    if (id === undefined) throw new Error(`demo dataset: ${where} names SKU ${sku}, which no product variant has`);
    return id;
  };

  const pricingRows: SqlValue[][] = [];
  for (const price of data.contractPrices) {
    const item = itemId(price.sku, `contract price for level ${price.priceLevelId}`);
    for (const brk of price.breaks) {
      pricingRows.push([item, item, price.priceLevelId, currencyId(price.currency), brk.minQuantity, minorToDecimal(brk.unitPrice), 1]);
    }
  }
  await insertRows(db, 'pricing', ['internalid', 'item', 'pricelevel', 'currency', 'quantity', 'unitprice', 'saleunit'], pricingRows);

  // The demo's sales reps are the account's sales-rep employees; each company's "Sales Rep" is the one listing it.
  const employeeIdByRep = new Map(data.salesReps.map((r, index) => [r.id, FIRST_EMPLOYEE_ID + index]));
  await insertRows(
    db,
    'employee',
    ['id', 'entityid', 'firstname', 'lastname', 'email', 'issalesrep', 'isinactive', 'lastmodifieddate'],
    data.salesReps.map((r, index) => [FIRST_EMPLOYEE_ID + index, `${r.firstName} ${r.lastName}`, r.firstName, r.lastName, r.email, 'T', 'F', SEEDED_AT]),
  );

  await insertRows(
    db,
    'customer',
    [
      'id', 'entityid', 'companyname', 'pricelevel', 'currency', 'terms', 'salesrep', 'creditlimit', 'balancesearch',
      'unbilledorderssearch', 'overduebalancesearch', 'creditholdoverride', 'lastmodifieddate',
    ],
    data.companies.map((c) => [
      c.id, c.erpCustomerNumber, c.name, c.priceLevelId, currencyId(c.currency), termIdByDays.get(c.termsDays) ?? null,
      c.salesRepId === null ? null : (employeeIdByRep.get(c.salesRepId) ?? null),
      minorToDecimal(c.creditLimit), minorToDecimal(c.balance), minorToDecimal(c.unbilledOrders),
      minorToDecimal(c.overdueBalance), c.creditHoldOverride, SEEDED_AT,
    ]),
  );

  await insertRows(
    db,
    'customeritempricing',
    ['customer', 'item', 'level', 'currency', 'price'],
    data.customerItemPrices.map((p) => [
      p.companyId, itemId(p.sku, `customer price for company ${p.companyId}`), null, currencyId(p.currency), minorToDecimal(p.unitPrice),
    ]),
  );

  await insertRows(
    db,
    'inventoryitemlocations',
    ['item', 'location', 'quantityonhand', 'quantityavailable', 'quantitycommitted', 'quantitybackordered', 'quantityonorder', 'lastquantityavailablechange'],
    data.stock.map((s) => [
      itemId(s.sku, `stock at location ${s.locationId}`), s.locationId, s.onHand, s.available, s.committed, s.backordered, 0, SEEDED_AT,
    ]),
  );

  // Explicit ids were inserted; move the sequence past them so REST-created customers don't collide.
  await db.exec(`SELECT setval('customer_id_seq', GREATEST((SELECT COALESCE(MAX(id), 0) FROM customer) + 1, 1000))`);
  await db.exec(`SELECT setval('employee_id_seq', GREATEST((SELECT COALESCE(MAX(id), 0) FROM employee) + 1, 500))`);
  return { itemIdBySku, drift };
}
