/**
 * The demo dataset: one deterministic description of a plausible industrial distributor that every emulator
 * draws from (the BigCommerce sandbox seeds its store from it; the NetSuite emulator seeds its tables from it), so
 * the two always agree on SKUs, companies, prices and stock.
 *
 * It is ERP-neutral and BigCommerce-neutral on purpose: each emulator maps it into its own API's shapes.
 * Money is always integer minor units of the named currency (USD cents), never floats.
 */

/** An integer amount in the currency's minor unit (cents for USD/CAD). */
export type MinorUnits = number;

export type CurrencyCode = 'USD' | 'CAD';

export interface DemoDataset {
  seed: number;
  /** The BigCommerce store the sandbox pretends to be. */
  store: { hash: string; name: string; defaultCurrency: CurrencyCode; channelId: number };
  brands: DemoBrand[];
  /** A tree: roots have parentId null. */
  categories: DemoCategory[];
  products: DemoProduct[];
  locations: DemoLocation[];
  /** One row per sellable SKU (variant SKU) per location. */
  stock: DemoStockLevel[];
  /** ERP price levels / contract groups. Each maps to one BigCommerce customer group + price list. */
  priceLevels: DemoPriceLevel[];
  /** Contract prices: one row per price level × sellable SKU × currency that has a contract price. */
  contractPrices: DemoContractPrice[];
  /** Customer-specific item prices that override the company's price level for a few SKUs. */
  customerItemPrices: DemoCustomerItemPrice[];
  companies: DemoCompany[];
  buyers: DemoBuyer[];
  salesReps: DemoSalesRep[];
}

export interface DemoBrand {
  id: number;
  name: string;
  slug: string;
}

export interface DemoCategory {
  id: number;
  parentId: number | null;
  name: string;
  /** URL path segment, lower-case, unique among siblings. */
  slug: string;
  description: string;
  sortOrder: number;
}

/** Catalog (product-level) bulk pricing: what buyers without a price-list record get. */
export type DemoBulkPricingRule = { quantityMin: number; quantityMax: number | null } & (
  | { type: 'percent'; percentOff: number }
  | { type: 'price'; amountOff: MinorUnits }
  | { type: 'fixed'; unitPrice: MinorUnits }
);

export interface DemoProduct {
  id: number;
  /** Parent SKU. For products without options it equals the single variant's SKU. */
  sku: string;
  name: string;
  /** Unique storefront path, e.g. "/hex-cap-screw-m8-x-40-zinc/". */
  path: string;
  /** Short HTML description. */
  description: string;
  brandId: number;
  categoryIds: number[];
  /** Catalog list price in the store's default currency. */
  price: MinorUnits;
  salePrice: MinorUnits | null;
  retailPrice: MinorUnits | null;
  cost: MinorUnits;
  weightGrams: number;
  isFeatured: boolean;
  /** Where stock is tracked: on the product (no options) or per variant (options). */
  inventoryTracking: 'product' | 'variant';
  images: DemoImage[];
  /** Technical specifications shown on the product page (BigCommerce custom fields). */
  specs: { name: string; value: string }[];
  /** Empty for products without options. */
  options: { name: string; values: string[] }[];
  /** Always at least one: products without options have one base variant whose SKU equals the product SKU. */
  variants: DemoVariant[];
  bulkPricingRules: DemoBulkPricingRule[];
  /** Unit of measure sold in ("EA", "BX/100", "FT"). */
  unitOfMeasure: string;
}

export interface DemoImage {
  /** Path served by the sandbox, e.g. "/images/products/1042-1.svg". */
  url: string;
  alt: string;
  isThumbnail: boolean;
}

export interface DemoVariant {
  id: number;
  sku: string;
  /** One label per product option, in option order. Empty for a base variant. */
  optionValues: { optionName: string; label: string }[];
  /** null: inherits the product price. */
  price: MinorUnits | null;
  upc: string;
}

export interface DemoLocation {
  id: number;
  /** Unique code shared with the ERP (NetSuite location name/external id). */
  code: string;
  label: string;
  city: string;
  state: string;
  postalCode: string;
  countryCode: string;
}

export interface DemoStockLevel {
  sku: string;
  locationId: number;
  onHand: number;
  committed: number;
  backordered: number;
  /** onHand − committed, never below 0: what the storefront may sell. */
  available: number;
}

export interface DemoPriceLevel {
  id: number;
  /** ERP-facing name, e.g. "Contract A – Industrial OEM". */
  name: string;
  /** Currencies this level carries prices in. */
  currencies: CurrencyCode[];
}

export interface DemoQuantityBreak {
  /** Lowest quantity (inclusive) at which this unit price applies. The first break is always 1. */
  minQuantity: number;
  unitPrice: MinorUnits;
}

export interface DemoContractPrice {
  priceLevelId: number;
  sku: string;
  currency: CurrencyCode;
  /** Quantity breaks in ascending minQuantity order; breaks[0].minQuantity === 1 and is the base contract price. */
  breaks: DemoQuantityBreak[];
}

export interface DemoCustomerItemPrice {
  companyId: number;
  sku: string;
  currency: CurrencyCode;
  unitPrice: MinorUnits;
}

export type CreditHoldOverride = 'AUTO' | 'ON' | 'OFF';

export interface DemoCompany {
  id: number;
  /** ERP customer number (NetSuite entityid), e.g. "C10042". */
  erpCustomerNumber: string;
  name: string;
  priceLevelId: number;
  currency: CurrencyCode;
  /** Payment terms in days (Net 30 → 30). */
  termsDays: number;
  creditLimit: MinorUnits;
  /** Open AR balance. */
  balance: MinorUnits;
  /** Open (unbilled) sales orders. */
  unbilledOrders: MinorUnits;
  overdueBalance: MinorUnits;
  creditHoldOverride: CreditHoldOverride;
  salesRepId: number | null;
  address: DemoAddress;
}

export interface DemoAddress {
  street1: string;
  city: string;
  state: string;
  postalCode: string;
  countryCode: string;
  phone: string;
}

export interface DemoBuyer {
  id: number;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  companyId: number;
  role: 'admin' | 'buyer';
}

export interface DemoSalesRep {
  id: number;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  /** Companies this rep may act for: always a strict subset of all companies. */
  companyIds: number[];
}

export interface GenerateOptions {
  seed?: number;
  /** Number of products (default 2,400). Scales to 100,000 for benchmarks. */
  products?: number;
}
