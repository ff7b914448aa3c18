/**
 * `customer` record: identity, pricing assignment, sales rep and credit (§4.7.C). PATCH updates the credit, pricing
 * and sales-rep fields the sync reads, so tests can move a customer onto hold, into another price level or to
 * another rep.
 */
import { nonexistentId } from '../errors';
import {
  checkPropertyNames, enumValue, invalidContent, invalidFieldValue, isoDateTime, num, readEnumId, readNumber, readRefId,
  readString, ref, selfLink, shape, type Json,
} from './common';
import { ID_FIELDS, field, ref as refField } from './fields';
import type { RecordType } from './types';

const HOLD_NAMES: Record<string, string> = { AUTO: 'Auto', ON: 'On', OFF: 'Off' };
const WRITABLE = ['companyName', 'externalId', 'priceLevel', 'creditLimit', 'creditHoldOverride', 'terms', 'salesRep'] as const;
// balance/overdueBalance/unbilledOrders are computed by NetSuite (read-only): orders, invoices and payments move them
// (customer-balances.ts).

const CUSTOMER_FIELDS = [
  ...ID_FIELDS,
  field('entityId', 'ID', 'string', 'entityid'),
  field('companyName', 'Company Name', 'string', 'companyname'),
  refField('priceLevel', 'Price Level', 'priceLevel', 'pricelevel'),
  refField('currency', 'Currency', 'currency', 'currency'),
  refField('terms', 'Terms', 'term', 'terms'),
  refField('salesRep', 'Sales Rep', 'employee', 'salesrep'),
  field('creditLimit', 'Credit Limit', 'number', 'creditlimit'),
  field('balance', 'Balance', 'number', 'balancesearch'),
  field('unbilledOrders', 'Unbilled Orders', 'number', 'unbilledorderssearch'),
  field('overdueBalance', 'Overdue Balance', 'number', 'overduebalancesearch'),
  field('daysOverdue', 'Days Overdue', 'integer', 'daysoverduesearch'),
  field('creditHoldOverride', 'Credit Hold', 'enum', 'creditholdoverride', { values: Object.keys(HOLD_NAMES) }),
  field('isInactive', 'Inactive', 'boolean', 'isinactive'),
  field('lastModifiedDate', 'Date Last Modified', 'date-time', 'lastmodifieddate'),
] as const;

interface CustomerRow {
  id: number; entityid: string; externalid: string | null; companyname: string | null;
  pricelevel: number | null; pricelevelname: string | null; currency: number; currencyname: string;
  terms: number | null; termsname: string | null; salesrep: number | null; salesrepname: string | null; creditlimit: string | null; balancesearch: string;
  unbilledorderssearch: string; overduebalancesearch: string; daysoverduesearch: number;
  creditholdoverride: string; oncredithold: string; isinactive: string; lastmodifieddate: Date;
}

export const customerRecord: RecordType = {
  name: 'customer',
  table: 'customer',
  fields: CUSTOMER_FIELDS,

  async get(ctx, id) {
    const r = await ctx.db.query<CustomerRow>(
      `SELECT c.*, pl.name AS pricelevelname, cur.name AS currencyname, t.name AS termsname, e.entityid AS salesrepname
       FROM customer c LEFT JOIN pricelevel pl ON pl.id = c.pricelevel JOIN currency cur ON cur.id = c.currency
       LEFT JOIN term t ON t.id = c.terms LEFT JOIN employee e ON e.id = c.salesrep WHERE c.id = $1`,
      [id],
    );
    const c = r.rows[0];
    if (!c) throw nonexistentId('customer', String(id));
    const record: Json = {
      links: selfLink(ctx, `customer/${c.id}`),
      id: String(c.id),
      entityId: c.entityid,
      externalId: c.externalid,
      companyName: c.companyname,
      priceLevel: ref(ctx, 'priceLevel', c.pricelevel, c.pricelevelname),
      currency: ref(ctx, 'currency', c.currency, c.currencyname),
      terms: ref(ctx, 'term', c.terms, c.termsname),
      salesRep: ref(ctx, 'employee', c.salesrep, c.salesrepname),
      creditLimit: num(c.creditlimit),
      balance: num(c.balancesearch),
      unbilledOrders: num(c.unbilledorderssearch),
      overdueBalance: num(c.overduebalancesearch),
      daysOverdue: c.daysoverduesearch,
      creditHoldOverride: enumValue(c.creditholdoverride, HOLD_NAMES[c.creditholdoverride] ?? c.creditholdoverride),
      isInactive: c.isinactive === 'T',
      lastModifiedDate: isoDateTime(c.lastmodifieddate),
    };
    return shape(ctx, record, ['creditHoldOverride']);
  },

  async update(ctx, id, body) {
    checkPropertyNames(ctx, body, WRITABLE);
    const sets: string[] = [];
    const params: unknown[] = [];
    const set = (column: string, value: unknown): void => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    const companyName = readString(body, 'companyName');
    if (companyName !== undefined) set('companyname', companyName);
    const priceLevel = readRefId(body, 'priceLevel');
    if (priceLevel !== undefined) {
      const exists = await ctx.db.query('SELECT 1 FROM pricelevel WHERE id = $1', [priceLevel]);
      if (exists.rows.length === 0) throw invalidFieldValue(priceLevel, 'priceLevel', 'priceLevel');
      set('pricelevel', priceLevel);
    }
    const creditLimit = readNumber(body, 'creditLimit');
    if (creditLimit !== undefined) set('creditlimit', String(creditLimit));
    const terms = readRefId(body, 'terms');
    if (terms !== undefined) set('terms', terms);
    // [I] null clears the field, as for any reference on a REST update.
    if (body['salesRep'] === null) set('salesrep', null);
    const salesRep = readRefId(body, 'salesRep');
    if (salesRep !== undefined) {
      // The field lists only active employees marked as sales reps, so nothing else is a valid value.
      const rep = await ctx.db.query(`SELECT 1 FROM employee WHERE id = $1 AND issalesrep = 'T' AND isinactive = 'F'`, [salesRep]);
      if (rep.rows.length === 0) throw invalidFieldValue(salesRep, 'salesRep', 'salesRep');
      set('salesrep', salesRep);
    }
    const hold = readEnumId(body, 'creditHoldOverride');
    if (hold !== undefined) {
      if (!(hold in HOLD_NAMES)) throw invalidContent(`Invalid creditHoldOverride ${hold}; expected AUTO, ON or OFF.`, 'creditHoldOverride');
      set('creditholdoverride', hold);
    }
    if (sets.length === 0) return;
    params.push(id);
    await ctx.db.query(`UPDATE customer SET ${sets.join(', ')}, lastmodifieddate = now() WHERE id = $${params.length}`, params);
  },
};
