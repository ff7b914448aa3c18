/**
 * NetSuite ⇄ domain mapping, all in one place: SuiteQL string values to numbers and integer minor units, currency
 * internal ids to ISO codes, SKU canonical form, location codes, credit hold, order and shipment status codes, and
 * the sales-order body. Every failure names the query, the row and the field.
 */
import type {
  CreditHoldOverride, CustomerCredit, CustomerItemPrice, CustomerPricing, Fulfilment, InventoryLevel,
  ItemContractPrices, LevelPrice, OrderStatus, PriceLevel, SalesOrderInput,
} from '../erp';
import { ErpError } from '../errors';
import { currencyExponent, minorToWireNumber, parseDecimalToMinor } from '../money';
import { canonicalSku } from '../sku';
import type { SuiteQlRow } from './client';

/** Where a row came from, for error messages: `suiteql:inventory row 5123`. */
export interface RowRef {
  source: string;
  row: number;
}

function fail(ref: RowRef, field: string, message: string): never {
  throw new ErpError('validation', `${ref.source} row ${ref.row}, field ${field}: ${message}`, {
    issues: [{ source: ref.source, line: ref.row, field, message }],
  });
}

export function text(row: SuiteQlRow, field: string, ref: RowRef): string {
  const value = row[field];
  if (typeof value !== 'string' || value === '') fail(ref, field, 'missing');
  return value;
}

export function optionalText(row: SuiteQlRow, field: string): string | null {
  const value = row[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

export function id(row: SuiteQlRow, field: string, ref: RowRef): number {
  const value = text(row, field, ref);
  if (!/^-?\d+$/.test(value)) fail(ref, field, `"${value}" is not an internal id`);
  return Number(value);
}

/** Quantities: NetSuite omits null columns, and an absent committed/backordered quantity means zero [I]. */
export function quantity(row: SuiteQlRow, field: string, ref: RowRef): number {
  const value = optionalText(row, field);
  if (value === null) return 0;
  if (!/^-?\d+(\.\d+)?$/.test(value)) fail(ref, field, `"${value}" is not a quantity`);
  return Number(value);
}

export function money(row: SuiteQlRow, field: string, currency: string, ref: RowRef): number {
  const parsed = parseDecimalToMinor(text(row, field, ref), currencyExponent(currency));
  if (!parsed.ok) fail(ref, field, parsed.error);
  return parsed.value;
}

export function optionalMoney(row: SuiteQlRow, field: string, currency: string, ref: RowRef): number | null {
  return optionalText(row, field) === null ? null : money(row, field, currency, ref);
}

/** NetSuite booleans in SuiteQL are 'T'/'F'. */
export function flag(row: SuiteQlRow, field: string): boolean {
  return row[field] === 'T';
}

/** Currency internal id ⇄ ISO code, loaded once per read from the `currency` table. */
export class CurrencyMap {
  private readonly byId = new Map<number, string>();
  private readonly byCode = new Map<string, number>();

  constructor(rows: SuiteQlRow[]) {
    rows.forEach((row, index) => {
      const ref = { source: 'suiteql:currency', row: index + 1 };
      const code = text(row, 'symbol', ref).trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(code)) fail(ref, 'symbol', `"${code}" is not an ISO 4217 code`);
      this.byId.set(id(row, 'id', ref), code);
      this.byCode.set(code, id(row, 'id', ref));
    });
  }

  code(row: SuiteQlRow, field: string, ref: RowRef): string {
    const currencyId = id(row, field, ref);
    const code = this.byId.get(currencyId);
    if (code === undefined) fail(ref, field, `currency id ${currencyId} is not in the currency table`);
    return code;
  }

  idFor(code: string): number | undefined {
    return this.byCode.get(code.toUpperCase());
  }
}

export function mapPriceLevel(row: SuiteQlRow, ref: RowRef): PriceLevel {
  return { id: String(id(row, 'id', ref)), name: text(row, 'name', ref), isInactive: flag(row, 'isinactive') };
}

/**
 * Folds the item-pricing rows of one item (consecutive, ordered by level, currency, quantity) into its price
 * matrix. The lowest threshold is the first tier whatever NetSuite stored there (public queries show both 0 and 1,
 * §4.7.A), so it is normalised to 1.
 */
export function foldItemPricing(rows: { row: SuiteQlRow; ref: RowRef }[], currencies: CurrencyMap): ItemContractPrices {
  const first = rows[0];
  if (!first) throw new Error('foldItemPricing needs at least one row');
  const sku = canonicalSku(text(first.row, 'sku', first.ref));
  const byKey = new Map<string, LevelPrice>();
  for (const { row, ref } of rows) {
    if (optionalText(row, 'pricelevel') === null) continue; // LEFT JOIN row: the item has no prices
    const priceLevelId = String(id(row, 'pricelevel', ref));
    const currency = currencies.code(row, 'currency', ref);
    const key = `${priceLevelId}:${currency}`;
    let level = byKey.get(key);
    if (!level) {
      level = { priceLevelId, currency, tiers: [] };
      byKey.set(key, level);
    }
    const minQuantity = quantity(row, 'quantity', ref);
    level.tiers.push({ minQuantity: level.tiers.length === 0 ? 1 : minQuantity, unitPrice: money(row, 'unitprice', currency, ref) });
  }
  return { sku, prices: [...byKey.values()] };
}

export function foldCustomerPricing(rows: { row: SuiteQlRow; ref: RowRef }[], currencies: CurrencyMap): CustomerPricing {
  const first = rows[0];
  if (!first) throw new Error('foldCustomerPricing needs at least one row');
  const level = optionalText(first.row, 'pricelevel');
  const itemPrices: CustomerItemPrice[] = [];
  for (const { row, ref } of rows) {
    if (optionalText(row, 'item') === null) continue;
    const sku = canonicalSku(text(row, 'sku', ref));
    const currency = currencies.code(row, 'currency', ref);
    const levelId = optionalText(row, 'level');
    // [I] A line names a level or gives a fixed price; -1 is NetSuite's "Custom" level, i.e. a fixed price.
    if (levelId !== null && levelId !== '-1') itemPrices.push({ sku, currency, kind: 'level', priceLevelId: levelId });
    else itemPrices.push({ sku, currency, kind: 'fixed', unitPrice: money(row, 'price', currency, ref) });
  }
  return { customerNumber: text(first.row, 'entityid', first.ref).trim(), priceLevelId: level, itemPrices, isInactive: flag(first.row, 'isinactive') };
}

export function mapInventory(row: SuiteQlRow, ref: RowRef): InventoryLevel {
  return {
    sku: canonicalSku(text(row, 'sku', ref)),
    // Location code = external id (the shared code); fall back to the name for accounts that never set one.
    locationCode: optionalText(row, 'locationcode') ?? text(row, 'locationname', ref),
    onHand: quantity(row, 'quantityonhand', ref),
    available: Math.max(0, quantity(row, 'quantityavailable', ref)),
    committed: quantity(row, 'quantitycommitted', ref),
    backordered: quantity(row, 'quantitybackordered', ref),
  };
}

const HOLD_OVERRIDES = new Set<CreditHoldOverride>(['AUTO', 'ON', 'OFF']);

/**
 * Effective hold: ON always, OFF never, AUTO as NetSuite computed it (`oncredithold`). If NetSuite didn't send
 * the computed flag, AUTO falls back to "over limit or anything overdue" [I].
 */
export function effectiveHold(
  override: CreditHoldOverride,
  computed: boolean | null,
  figures: { creditLimit: number | null; balance: number; unbilledOrders: number; overdueBalance: number },
): boolean {
  if (override === 'ON') return true;
  if (override === 'OFF') return false;
  if (computed !== null) return computed;
  const overLimit = figures.creditLimit !== null && figures.balance + figures.unbilledOrders > figures.creditLimit;
  return overLimit || figures.overdueBalance > 0;
}

export function mapCredit(row: SuiteQlRow, ref: RowRef, currencies: CurrencyMap): CustomerCredit {
  const currency = currencies.code(row, 'currency', ref);
  const rawOverride = (optionalText(row, 'creditholdoverride') ?? 'AUTO').toUpperCase();
  if (!HOLD_OVERRIDES.has(rawOverride as CreditHoldOverride)) fail(ref, 'creditholdoverride', `"${rawOverride}" is not AUTO, ON or OFF`);
  const creditHoldOverride = rawOverride as CreditHoldOverride;
  const creditLimit = optionalMoney(row, 'creditlimit', currency, ref);
  const balance = optionalMoney(row, 'balancesearch', currency, ref) ?? 0;
  const unbilledOrders = optionalMoney(row, 'unbilledorderssearch', currency, ref) ?? 0;
  const overdueBalance = optionalMoney(row, 'overduebalancesearch', currency, ref) ?? 0;
  const computed = optionalText(row, 'oncredithold');
  const days = optionalText(row, 'daysuntilnetdue');
  return {
    customerNumber: text(row, 'entityid', ref).trim(),
    currency,
    creditLimit,
    balance,
    unbilledOrders,
    overdueBalance,
    availableCredit: creditLimit === null ? null : creditLimit - balance - unbilledOrders,
    creditHoldOverride,
    onHold: effectiveHold(creditHoldOverride, computed === null ? null : computed === 'T', { creditLimit, balance, unbilledOrders, overdueBalance }),
    termsDays: days === null ? null : Number(days),
    termsName: optionalText(row, 'termsname'),
  };
}

const ORDER_STATUS: Record<string, OrderStatus> = {
  A: 'pending_approval',
  B: 'pending_fulfillment',
  C: 'cancelled',
  D: 'partially_fulfilled',
  E: 'pending_billing_partially_fulfilled',
  F: 'pending_billing',
  G: 'billed',
  H: 'closed',
};

/** Accepts the REST enum id ("B") and the SuiteQL/search code form ("SalesOrd:B"). */
export function mapOrderStatus(raw: string): OrderStatus {
  const code = raw.replace(/^SalesOrd:/i, '').trim().toUpperCase();
  const status = ORDER_STATUS[code];
  if (!status) throw new ErpError('upstream', `Unknown NetSuite sales order status "${raw}".`);
  return status;
}

export function mapShipStatus(raw: string): Fulfilment['shipStatus'] {
  const code = raw.replace(/^ItemShip:/i, '').trim().toUpperCase();
  if (code === 'A') return 'picked';
  if (code === 'B') return 'packed';
  if (code === 'C') return 'shipped';
  throw new ErpError('upstream', `Unknown NetSuite fulfilment ship status "${raw}".`);
}

export interface OrderRefs {
  customerId: number;
  currencyId: number;
  itemIdBySku: Map<string, number>;
  locationIdByCode: Map<string, number>;
}

/**
 * The PUT eid: body (§4.7.D). Web prices are kept as custom prices (`price.id = -1` [I]) so NetSuite doesn't
 * re-price the order; money goes out as exact decimal numbers.
 */
export function toSalesOrderBody(order: SalesOrderInput, refs: OrderRefs): Record<string, unknown> {
  const exp = currencyExponent(order.currency);
  const location = (code: string | undefined): { id: string } | undefined => {
    if (code === undefined) return undefined;
    const found = refs.locationIdByCode.get(code);
    return found === undefined ? undefined : { id: String(found) };
  };
  return {
    entity: { id: String(refs.customerId) },
    tranDate: order.orderDate,
    ...(order.poNumber ? { otherRefNum: order.poNumber } : {}),
    memo: order.memo ?? `BigCommerce order ${order.orderId}`,
    orderStatus: { id: 'B' },
    currency: { id: String(refs.currencyId) },
    ...(order.locationCode ? { location: location(order.locationCode) } : {}),
    shippingCost: minorToWireNumber(order.shippingCost, exp),
    ...(order.shippingAddress
      ? {
          shippingAddress: {
            addressee: order.shippingAddress.addressee,
            addr1: order.shippingAddress.street1,
            city: order.shippingAddress.city,
            state: order.shippingAddress.state,
            zip: order.shippingAddress.postalCode,
            country: { id: order.shippingAddress.countryCode },
          },
        }
      : {}),
    item: {
      items: order.lines.map((line) => {
        const itemId = refs.itemIdBySku.get(canonicalSku(line.sku));
        if (itemId === undefined) throw new Error(`unresolved SKU ${line.sku}`); // resolved by the adapter first
        const lineLocation = location(line.locationCode ?? order.locationCode);
        return {
          item: { id: String(itemId) },
          quantity: line.quantity,
          rate: minorToWireNumber(line.unitPrice, exp),
          price: { id: '-1' },
          ...(lineLocation ? { location: lineLocation } : {}),
        };
      }),
    },
  };
}
