/**
 * The BigCommerce sandbox's in-memory store. Entities are kept in the REST Management API's own shapes
 * (snake_case, field names from ../shared/bigcommerce/openapi) so REST handlers serialise them directly and the
 * GraphQL emulator reads the same records. Prices are JSON numbers because that is BigCommerce's wire format;
 * any arithmetic on them goes through `./money.ts` (integer ten-thousandths), never float maths.
 */

export type IsoDate = string;

export interface BcBrand {
  id: number;
  name: string;
  page_title: string;
  meta_keywords: string[];
  meta_description: string;
  image_url: string;
  search_keywords: string;
  custom_url: { url: string; is_customized: boolean };
}

export interface BcCategory {
  id: number;
  parent_id: number;
  name: string;
  description: string;
  sort_order: number;
  page_title: string;
  is_visible: boolean;
  image_url: string;
  custom_url: { url: string; is_customized: boolean };
}

export interface BcBulkPricingRule {
  id: number;
  quantity_min: number;
  /** 0 means "no maximum" in the catalog API. */
  quantity_max: number;
  type: 'price' | 'percent' | 'fixed';
  amount: number;
}

export interface BcProductImage {
  id: number;
  product_id: number;
  is_thumbnail: boolean;
  sort_order: number;
  description: string;
  image_file: string;
  url_zoom: string;
  url_standard: string;
  url_thumbnail: string;
  url_tiny: string;
  date_modified: IsoDate;
}

export interface BcCustomField {
  id: number;
  name: string;
  value: string;
}

export interface BcOptionValue {
  id: number;
  label: string;
  option_id: number;
  option_display_name: string;
}

export interface BcProductOption {
  id: number;
  product_id: number;
  display_name: string;
  type: 'dropdown' | 'rectangles' | 'radio_buttons' | 'swatch';
  sort_order: number;
  option_values: { id: number; label: string; sort_order: number; is_default: boolean }[];
}

export interface BcVariant {
  id: number;
  product_id: number;
  sku: string;
  sku_id: number | null;
  /** null: inherits the product's price. */
  price: number | null;
  calculated_price: number;
  sale_price: number | null;
  retail_price: number | null;
  map_price: number | null;
  weight: number | null;
  calculated_weight: number;
  cost_price: number | null;
  upc: string;
  mpn: string;
  gtin: string;
  inventory_level: number;
  inventory_warning_level: number;
  bin_picking_number: string;
  purchasing_disabled: boolean;
  purchasing_disabled_message: string;
  image_url: string;
  option_values: BcOptionValue[];
}

export interface BcProduct {
  id: number;
  name: string;
  type: 'physical' | 'digital';
  sku: string;
  description: string;
  weight: number;
  width: number;
  depth: number;
  height: number;
  price: number;
  cost_price: number;
  retail_price: number;
  sale_price: number;
  map_price: number;
  calculated_price: number;
  categories: number[];
  brand_id: number;
  inventory_level: number;
  inventory_warning_level: number;
  inventory_tracking: 'none' | 'product' | 'variant';
  is_visible: boolean;
  is_featured: boolean;
  availability: 'available' | 'disabled' | 'preorder';
  condition: 'New' | 'Used' | 'Refurbished';
  upc: string;
  mpn: string;
  gtin: string;
  search_keywords: string;
  sort_order: number;
  total_sold: number;
  order_quantity_minimum: number;
  order_quantity_maximum: number;
  custom_url: { url: string; is_customized: boolean };
  custom_fields: BcCustomField[];
  bulk_pricing_rules: BcBulkPricingRule[];
  images: BcProductImage[];
  options: BcProductOption[];
  /** Always at least one (the base variant). */
  variants: BcVariant[];
  date_created: IsoDate;
  date_modified: IsoDate;
}

export interface BcAddress {
  id: number;
  customer_id: number;
  first_name: string;
  last_name: string;
  company: string;
  address1: string;
  address2: string;
  city: string;
  state_or_province: string;
  postal_code: string;
  country_code: string;
  country: string;
  phone: string;
  address_type: 'residential' | 'commercial';
}

export interface BcCustomer {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  company: string;
  phone: string;
  notes: string;
  tax_exempt_category: string;
  customer_group_id: number;
  registration_ip_address: string;
  channel_ids: number[] | null;
  origin_channel_id: number;
  accepts_product_review_abandoned_cart_emails: boolean;
  store_credit_amounts: { amount: number }[];
  addresses: BcAddress[];
  date_created: IsoDate;
  date_modified: IsoDate;
}

export interface BcCustomerGroup {
  id: number;
  name: string;
  is_default: boolean;
  category_access: { type: 'all' | 'specific' | 'none'; categories?: number[] };
  discount_rules: {
    type: 'price_list' | 'all' | 'category' | 'product';
    method?: 'percent' | 'fixed' | 'price';
    amount?: string;
    price_list_id?: number;
    category_id?: number;
    product_id?: number;
  }[];
  is_group_for_guests: boolean;
  date_created: IsoDate;
  date_modified: IsoDate;
}

export interface BcPriceList {
  id: number;
  name: string;
  active: boolean;
  date_created: IsoDate;
  date_modified: IsoDate;
}

export interface BcBulkPricingTier {
  quantity_min: number;
  quantity_max: number | null;
  type: 'fixed' | 'price' | 'percent';
  amount: number;
}

export interface BcPriceRecord {
  price_list_id: number;
  variant_id: number;
  product_id: number;
  sku: string;
  /** Lower-case ISO-4217 as BigCommerce returns it ("usd"). */
  currency: string;
  price: number;
  sale_price: number | null;
  retail_price: number | null;
  map_price: number | null;
  calculated_price: number;
  bulk_pricing_tiers: BcBulkPricingTier[];
  date_created: IsoDate;
  date_modified: IsoDate;
}

export interface BcPriceListAssignment {
  id: number;
  price_list_id: number;
  customer_group_id: number | null;
  channel_id: number | null;
}

export interface BcLocation {
  id: number;
  code: string;
  label: string;
  description: string;
  managed_by_external_source: boolean;
  type_id: 'PHYSICAL' | 'VIRTUAL';
  enabled: boolean;
  storefront_visibility: boolean;
  time_zone: string;
  address: {
    address1: string;
    address2: string;
    city: string;
    state: string;
    zip: string;
    email: string;
    phone: string;
    geo_coordinates: { latitude: number; longitude: number };
    country_code: string;
  };
  operating_hours: Record<string, { open: boolean; opening: string; closing: string }>;
  special_hours: unknown[];
  created_at: IsoDate;
  updated_at: IsoDate;
}

/** Stock of one variant at one location. */
export interface BcInventoryLevel {
  location_id: number;
  variant_id: number;
  product_id: number;
  sku: string;
  total_inventory_onhand: number;
  safety_stock: number;
  is_in_stock: boolean;
  warning_level: number;
  bin_picking_number: string;
  /** False until the first absolute adjustment: relative adjustments are refused before that. */
  absolute_set: boolean;
}

export interface BcOrderProduct {
  id: number;
  order_id: number;
  product_id: number;
  variant_id: number;
  name: string;
  sku: string;
  quantity: number;
  base_price: string;
  price_ex_tax: string;
  price_inc_tax: string;
  total_ex_tax: string;
  total_inc_tax: string;
  type: 'physical';
  product_options: unknown[];
}

export interface BcOrderAddress {
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
  email: string;
}

/** A v2 order; money fields are decimal strings ("12.3400") exactly as the v2 API returns them. */
export interface BcOrder {
  id: number;
  customer_id: number;
  channel_id: number;
  status_id: number;
  status: string;
  date_created: string;
  date_modified: string;
  date_shipped: string;
  subtotal_ex_tax: string;
  subtotal_inc_tax: string;
  total_ex_tax: string;
  total_inc_tax: string;
  total_tax: string;
  items_total: number;
  payment_method: string;
  payment_provider_id: string | null;
  payment_status: string;
  currency_code: string;
  default_currency_code: string;
  staff_notes: string;
  customer_message: string;
  external_source: string | null;
  external_id: string | null;
  external_order_id: string;
  billing_address: BcOrderAddress;
  products: BcOrderProduct[];
  shipping_addresses: (BcOrderAddress & { id: number })[];
  is_deleted: boolean;
}

/** One line of a cart: a catalog variant and how many. Prices are worked out when the cart is read, as BigCommerce reprices a cart for its shopper. */
export interface BcCartLineItem {
  /** UUID, as BigCommerce line item ids are. */
  id: string;
  product_id: number;
  variant_id: number;
  quantity: number;
}

/** A storefront cart (carts.v3.yml names). `customer_id` 0 is a guest cart. */
export interface BcCart {
  /** UUID; the cart id is also the checkout id. */
  id: string;
  customer_id: number;
  channel_id: number;
  currency: { code: string };
  locale: string;
  /** Bumped on every change; mutations that send an older `version` are refused. */
  version: number;
  line_items: BcCartLineItem[];
  created_time: IsoDate;
  updated_time: IsoDate;
}

export interface BcWebhook {
  id: number;
  client_id: string;
  store_hash: string;
  scope: string;
  destination: string;
  is_active: boolean;
  headers: Record<string, string> | null;
  created_at: number;
  updated_at: number;
}

export type StorefrontTokenKind = 'storefront' | 'private' | 'impersonation';

export interface IssuedToken {
  jti: string;
  kind: StorefrontTokenKind;
  channelIds: number[];
  /** Unix seconds. */
  expiresAt: number;
  /** Private tokens only. */
  scopes: ('Unauthenticated' | 'Customer' | 'B2B')[];
}
