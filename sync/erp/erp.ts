/**
 * The ERP interface the sync engine depends on. The ERP is the source of truth for contract pricing, per-location
 * inventory and customer credit; web orders go back to it. Nothing ERP-specific leaks through here: ids the sync
 * engine keys on are the business keys both systems share (SKU, customer number = BigCommerce company
 * `erpCustomerNumber`, location code), and money is integer minor units of an ISO currency.
 *
 * Reads are async iterables so a million rows stream through without sitting in memory. A read returns its
 * watermark up front, taken *before* the first row is read: persist it only after the whole read was consumed, then
 * pass it as `since` next time. Rows changed during a read are therefore read again next time (reads are
 * idempotent upserts on the consumer side), never missed.
 */
import type { ErpError, ErpIssue } from './errors';

/** Integer amount in the currency's minor unit (cents for USD/CAD). */
export type MinorUnits = number;
/** ISO 4217 code, upper case. */
export type CurrencyCode = string;
/** Opaque delta cursor. Only the adapter that issued it can interpret it. */
export type Watermark = string & { readonly __brand: 'ErpWatermark' };

export interface ReadOptions {
  /** Omitted: a bulk (full) read. Given: only what changed since this watermark (inclusive; overlap is safe). */
  since?: Watermark;
}

export interface ErpRead<T> {
  /** Store this after `rows` was fully consumed, and pass it as `since` next time. */
  watermark: Watermark;
  rows: AsyncIterable<T>;
  /**
   * Input rows this read refused (file/line/field/reason), known before `rows` yields. Adapters that validate
   * input (file-drop) fill it; the good rows still stream. Absent or empty: nothing was refused.
   */
  rejected?: ErpIssue[];
}

// ---------- Contract pricing ----------

export interface PriceLevel {
  /** The ERP's id of the price level / contract group (stable; BigCommerce customer group + price list key). */
  id: string;
  name: string;
  isInactive: boolean;
}

export interface QuantityTier {
  /** Lowest quantity (inclusive) at which `unitPrice` applies. The first tier is 1. */
  minQuantity: number;
  unitPrice: MinorUnits;
}

export interface LevelPrice {
  priceLevelId: string;
  currency: CurrencyCode;
  /** Ascending by minQuantity, first tier minQuantity = 1. */
  tiers: QuantityTier[];
}

/**
 * All contract prices of one SKU. In a delta read, a SKU that appears carries its *complete* price matrix: replace
 * what you hold for that SKU, don't merge (that is how removed tiers and levels propagate). `prices: []` means the
 * SKU has no contract prices any more.
 */
export interface ItemContractPrices {
  sku: string;
  prices: LevelPrice[];
}

/** A customer-specific price for one SKU: a fixed price, or a pointer to a price level's tiers. */
export type CustomerItemPrice =
  | { sku: string; currency: CurrencyCode; kind: 'fixed'; unitPrice: MinorUnits }
  | { sku: string; currency: CurrencyCode; kind: 'level'; priceLevelId: string };

/**
 * Which group a customer belongs to and its item-specific overrides. Like `ItemContractPrices`, a delta row is
 * complete for that customer: replace, don't merge.
 */
export interface CustomerPricing {
  customerNumber: string;
  /** null: the customer buys at base/catalog price. */
  priceLevelId: string | null;
  itemPrices: CustomerItemPrice[];
  /**
   * true: the ERP customer is inactive (it no longer buys), so its buyers must not see contract prices. Absent:
   * active (adapters whose source has no such flag).
   */
  isInactive?: boolean;
}

export interface ContractPricingRead {
  watermark: Watermark;
  /** Always complete (the table is small). */
  priceLevels: AsyncIterable<PriceLevel>;
  items: AsyncIterable<ItemContractPrices>;
  customers: AsyncIterable<CustomerPricing>;
  /** As `ErpRead.rejected`: refused input rows, known before anything yields. */
  rejected?: ErpIssue[];
}

// ---------- Inventory ----------

export interface InventoryLevel {
  sku: string;
  locationCode: string;
  onHand: number;
  /** What may be sold: push this (not onHand) to the storefront. */
  available: number;
  committed: number;
  backordered: number;
}

// ---------- Credit ----------

export type CreditHoldOverride = 'AUTO' | 'ON' | 'OFF';

export interface CustomerCredit {
  customerNumber: string;
  currency: CurrencyCode;
  /** null: no limit configured. */
  creditLimit: MinorUnits | null;
  balance: MinorUnits;
  unbilledOrders: MinorUnits;
  overdueBalance: MinorUnits;
  /** creditLimit − balance − unbilledOrders; null when there is no limit. May be negative. */
  availableCredit: MinorUnits | null;
  creditHoldOverride: CreditHoldOverride;
  /** The effective hold: pay-on-account must be refused when true. */
  onHold: boolean;
  /** Net days (Net 30 → 30); null when the customer has no terms. */
  termsDays: number | null;
  termsName: string | null;
}

// ---------- Orders ----------

export interface SalesOrderLine {
  sku: string;
  quantity: number;
  /** The price the buyer was charged on the web (kept as a custom price in the ERP). */
  unitPrice: MinorUnits;
  locationCode?: string;
}

export interface SalesOrderInput {
  /** BigCommerce store hash and order id: together the idempotency key `bc-{storeHash}-{orderId}`. */
  storeHash: string;
  orderId: number;
  customerNumber: string;
  currency: CurrencyCode;
  /** YYYY-MM-DD */
  orderDate: string;
  poNumber?: string;
  memo?: string;
  locationCode?: string;
  shippingCost: MinorUnits;
  shippingAddress?: {
    addressee: string;
    street1: string;
    city: string;
    state: string;
    postalCode: string;
    countryCode: string;
  };
  lines: SalesOrderLine[];
}

export interface PostedOrder {
  externalId: string;
  erpOrderId: string;
  /** false: the order already existed (a replay); nothing was written. */
  created: boolean;
}

export type OrderStatus =
  | 'pending_approval'
  | 'pending_fulfillment'
  | 'partially_fulfilled'
  | 'pending_billing_partially_fulfilled'
  | 'pending_billing'
  | 'billed'
  | 'cancelled'
  | 'closed';

export interface Fulfilment {
  erpFulfilmentId: string;
  number: string | null;
  shipStatus: 'picked' | 'packed' | 'shipped';
  trackingNumbers: string[];
}

export interface SalesOrderState {
  externalId: string;
  erpOrderId: string;
  erpOrderNumber: string | null;
  status: OrderStatus;
  lines: { sku: string; quantity: number; quantityFulfilled: number }[];
  fulfilments: Fulfilment[];
  /** All tracking numbers across fulfilments, de-duplicated. */
  trackingNumbers: string[];
}

// ---------- Sales reps ----------

/** A customer account a sales rep looks after (NetSuite: a customer whose "Sales Rep" is that employee). */
export interface RepAccount {
  customerNumber: string;
  companyName: string;
}

/**
 * An active sales rep and the active customers assigned to it. Reps are few, so a read is always complete: a rep
 * it does not return is no longer a rep, and an account missing from `accounts` is no longer assigned to it.
 */
export interface SalesRep {
  /** The ERP's id of the rep (NetSuite employee internal id): stable, the key the storefront keeps it under. */
  id: string;
  /** How the rep signs in to the storefront; as the ERP holds it (the consumer validates and normalises it). */
  email: string;
  firstName: string;
  lastName: string;
  accounts: RepAccount[];
}

export interface SalesRepRead {
  rows: AsyncIterable<SalesRep>;
  /** As `ErpRead.rejected`: refused input rows, known before `rows` yields. */
  rejected?: ErpIssue[];
}

// ---------- Invoices ----------

/** An invoice the customer still owes money on (read-only: the storefront shows them, payments stay in the ERP). */
export interface OpenInvoice {
  /** The ERP's internal id (stable). */
  erpInvoiceId: string;
  /** The number printed on the invoice (NetSuite `tranid`); the internal id when the ERP has none. */
  number: string;
  currency: CurrencyCode;
  /** YYYY-MM-DD */
  invoiceDate: string;
  /** YYYY-MM-DD; null when the ERP set no due date. */
  dueDate: string | null;
  total: MinorUnits;
  /** What is still open; always > 0 (paid invoices are not open). */
  amountRemaining: MinorUnits;
}

// ---------- The interface ----------

export interface ErpAdapter {
  /** For logs and metrics: "netsuite", "file-drop". */
  readonly kind: string;
  readContractPricing(options?: ReadOptions): Promise<ContractPricingRead>;
  readInventory(options?: ReadOptions): Promise<ErpRead<InventoryLevel>>;
  readCredit(options?: ReadOptions): Promise<ErpRead<CustomerCredit>>;
  /** One customer's credit, live (for the checkout credit gate). null: unknown customer. */
  getCredit(customerNumber: string): Promise<CustomerCredit | null>;
  /** Every active sales rep with its assigned customers (always a complete read). */
  readSalesReps(): Promise<SalesRepRead>;
  /**
   * Idempotent: posting the same BigCommerce order twice (or retrying after a timeout) creates exactly one ERP
   * order. Rejects with an `ErpError` whose `kind` says whether retrying can help.
   */
  postSalesOrder(order: SalesOrderInput): Promise<PostedOrder>;
  /** null: the ERP has no order for this external id. */
  getSalesOrder(externalId: string): Promise<SalesOrderState | null>;
  /** One customer's open invoices (amount remaining > 0), earliest due first. Unknown customer: []. */
  readOpenInvoices(customerNumber: string): Promise<OpenInvoice[]>;
}

/** The idempotency key of a BigCommerce order in any ERP. */
export function orderExternalId(storeHash: string, orderId: number): string {
  return `bc-${storeHash}-${orderId}`;
}

export type { ErpError };
