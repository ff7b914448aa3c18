/**
 * The `sales-reps` feed: one row per sales rep with the customers assigned to it (README.md). Like every feed, a
 * bad row is reported with its line and field and the rest are read.
 */
import type { SalesRep } from '../erp';
import type { ErpIssue } from '../errors';
import type { Mapped } from './mapping';
import type { ExpectedColumns, SourceRecord } from './records';

export const SALES_REP_COLUMNS: ExpectedColumns = { required: ['rep_id', 'email'], optional: ['first_name', 'last_name', 'customer_numbers'] };

export function mapSalesRepRow(record: SourceRecord): Mapped<SalesRep> {
  const value = (field: string): string => (record.fields[field] ?? '').trim();
  const issues: ErpIssue[] = [];
  for (const field of SALES_REP_COLUMNS.required) {
    if (value(field) === '') issues.push({ source: record.file, line: record.line, field, message: 'is missing' });
  }
  if (issues.length > 0) return { ok: false, issues };
  // The file carries no company names; the customer number stands in for one.
  const numbers = [...new Set(value('customer_numbers').split(/[\s;]+/).filter((n) => n !== ''))];
  return {
    ok: true,
    value: {
      id: value('rep_id'),
      email: value('email'),
      firstName: value('first_name'),
      lastName: value('last_name'),
      accounts: numbers.map((customerNumber) => ({ customerNumber, companyName: customerNumber })),
    },
  };
}
