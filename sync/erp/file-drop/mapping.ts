/**
 * File-drop row validation and mapping: one function per feed, turning a source record into a domain row or a
 * list of issues naming file, line and field. Column names are documented in README.md.
 */
import type { CreditHoldOverride, CustomerCredit, InventoryLevel } from '../erp';
import type { ErpIssue } from '../errors';
import { currencyExponent, parseDecimalToMinor } from '../money';
import { canonicalSku } from '../sku';
import type { SourceRecord } from './records';

/** Lookups the validators need: the item master and known price levels/locations (null: not checked). */
export interface Known {
  skus: Set<string> | null;
  priceLevels: Set<string> | null;
  locations: Set<string> | null;
}

export type Mapped<T> = { ok: true; value: T } | { ok: false; issues: ErpIssue[] };

class RowReader {
  readonly issues: ErpIssue[] = [];
  constructor(private readonly record: SourceRecord) {}

  private issue(field: string, message: string): void {
    this.issues.push({ source: this.record.file, line: this.record.line, field, message });
  }

  text(field: string, required = true): string {
    const value = (this.record.fields[field] ?? '').trim();
    if (required && value === '') this.issue(field, 'is missing');
    return value;
  }

  sku(field: string, known: Known): string {
    const sku = canonicalSku(this.text(field));
    if (sku !== '' && known.skus && !known.skus.has(sku)) this.issue(field, `unknown SKU "${sku}" (not in items.csv)`);
    return sku;
  }

  currency(field: string): string {
    const code = this.text(field).toUpperCase();
    if (code !== '' && !/^[A-Z]{3}$/.test(code)) this.issue(field, `"${code}" is not an ISO 4217 currency code`);
    return code;
  }

  money(field: string, currency: string, required = true): number | null {
    const raw = this.text(field, required);
    if (raw === '') return null;
    const parsed = parseDecimalToMinor(raw, currencyExponent(currency || 'USD'));
    if (!parsed.ok) {
      this.issue(field, parsed.error);
      return null;
    }
    return parsed.value;
  }

  quantity(field: string, required = true): number | null {
    const raw = this.text(field, required);
    if (raw === '') return null;
    if (!/^\d+$/.test(raw)) {
      this.issue(field, `"${raw}" is not a whole non-negative quantity`);
      return null;
    }
    return Number(raw);
  }

  oneOf(field: string, allowed: Set<string> | null, what: string): string {
    const value = this.text(field);
    if (value !== '' && allowed && !allowed.has(value)) this.issue(field, `unknown ${what} "${value}"`);
    return value;
  }

  done<T>(value: () => T): Mapped<T> {
    return this.issues.length > 0 ? { ok: false, issues: this.issues } : { ok: true, value: value() };
  }
}

export interface PriceRow { priceLevelId: string; sku: string; currency: string; minQuantity: number; unitPrice: number }

export function mapPriceRow(record: SourceRecord, known: Known): Mapped<PriceRow> {
  const r = new RowReader(record);
  const priceLevelId = r.oneOf('price_level', known.priceLevels, 'price level');
  const sku = r.sku('sku', known);
  const currency = r.currency('currency');
  const minQuantity = r.quantity('min_quantity');
  const unitPrice = r.money('unit_price', currency);
  return r.done(() => ({ priceLevelId, sku, currency, minQuantity: Math.max(1, minQuantity ?? 1), unitPrice: unitPrice ?? 0 }));
}

export interface CustomerPriceRow { customerNumber: string; sku: string; currency: string; unitPrice: number }

export function mapCustomerPriceRow(record: SourceRecord, known: Known): Mapped<CustomerPriceRow> {
  const r = new RowReader(record);
  const customerNumber = r.text('customer_number');
  const sku = r.sku('sku', known);
  const currency = r.currency('currency');
  const unitPrice = r.money('unit_price', currency);
  return r.done(() => ({ customerNumber, sku, currency, unitPrice: unitPrice ?? 0 }));
}

export function mapInventoryRow(record: SourceRecord, known: Known): Mapped<InventoryLevel> {
  const r = new RowReader(record);
  const sku = r.sku('sku', known);
  const locationCode = r.oneOf('location', known.locations, 'location code');
  const onHand = r.quantity('on_hand');
  const committed = r.quantity('committed', false) ?? 0;
  const backordered = r.quantity('backordered', false) ?? 0;
  const available = r.quantity('available', false);
  return r.done(() => ({
    sku, locationCode, onHand: onHand ?? 0, committed, backordered,
    // Blank available: on hand minus committed, never below zero (what may be sold).
    available: available ?? Math.max(0, (onHand ?? 0) - committed),
  }));
}

const HOLDS = new Set(['AUTO', 'ON', 'OFF']);

export interface CustomerRow { credit: CustomerCredit; priceLevelId: string | null }

export function mapCustomerRow(record: SourceRecord, known: Known): Mapped<CustomerRow> {
  const r = new RowReader(record);
  const customerNumber = r.text('customer_number');
  const priceLevel = r.text('price_level', false);
  if (priceLevel !== '' && known.priceLevels && !known.priceLevels.has(priceLevel)) {
    r.oneOf('price_level', known.priceLevels, 'price level');
  }
  const currency = r.currency('currency');
  const creditLimit = r.money('credit_limit', currency, false);
  const balance = r.money('balance', currency) ?? 0;
  const unbilledOrders = r.money('unbilled_orders', currency, false) ?? 0;
  const overdueBalance = r.money('overdue_balance', currency, false) ?? 0;
  const hold = (r.text('credit_hold_override', false) || 'AUTO').toUpperCase();
  if (!HOLDS.has(hold)) r.oneOf('credit_hold_override', HOLDS, 'credit hold override (AUTO, ON or OFF)');
  const terms = r.quantity('terms_days', false);
  return r.done(() => {
    const override = hold as CreditHoldOverride;
    const overLimit = creditLimit !== null && balance + unbilledOrders > creditLimit;
    return {
      priceLevelId: priceLevel === '' ? null : priceLevel,
      credit: {
        customerNumber, currency, creditLimit, balance, unbilledOrders, overdueBalance,
        availableCredit: creditLimit === null ? null : creditLimit - balance - unbilledOrders,
        creditHoldOverride: override,
        // No ERP computes the hold for us here: AUTO = over limit or anything overdue (NetSuite's rule, §4.7.C).
        onHold: override === 'ON' || (override === 'AUTO' && (overLimit || overdueBalance > 0)),
        termsDays: terms,
        termsName: terms === null ? null : `Net ${terms}`,
      },
    };
  });
}
