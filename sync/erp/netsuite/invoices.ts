/**
 * NetSuite rows → `OpenInvoice` (rows of `queries.openInvoices`). Amounts come as decimals in the invoice's
 * currency; dates as YYYY-MM-DD text (the query formats them).
 */
import type { OpenInvoice } from '../erp';
import type { SuiteQlRow } from './client';
import { id, money, optionalText, text, type CurrencyMap, type RowRef } from './mapping';

export function mapOpenInvoice(row: SuiteQlRow, ref: RowRef, currencies: CurrencyMap): OpenInvoice {
  const currency = currencies.code(row, 'currency', ref);
  const erpInvoiceId = String(id(row, 'id', ref));
  return {
    erpInvoiceId,
    number: optionalText(row, 'tranid') ?? erpInvoiceId,
    currency,
    invoiceDate: text(row, 'trandate', ref),
    dueDate: optionalText(row, 'duedate'),
    total: money(row, 'foreigntotal', currency, ref),
    amountRemaining: money(row, 'foreignamountremaining', currency, ref),
  };
}
