import { z } from 'zod';

/** orders.v2.oas2.yml `order_Post` / `order_Put` (the parts the storefront and the ERP post-back use). */

/** v2 money may be sent as a JSON number or a decimal string; both must be finite and ≥ 0. */
export const amount = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]).transform(Number).pipe(z.number().min(0).max(1e12));

export const addressInput = z.object({
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  company: z.string().optional(),
  street_1: z.string().optional(),
  street_2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip: z.string(),
  country: z.string().optional(),
  country_iso2: z.string().length(2).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});
export type OrderAddressInput = z.infer<typeof addressInput>;

const catalogLine = z.object({
  product_id: z.number().int().min(1),
  variant_id: z.number().int().optional(),
  product_options: z.array(z.object({ id: z.number().int(), value: z.union([z.string(), z.number()]).transform(String) })).optional(),
  quantity: z.number().int().min(1),
  price_inc_tax: amount.optional(),
  price_ex_tax: amount.optional(),
  name: z.string().optional(),
});
const customLine = z.object({
  name: z.string().min(1),
  quantity: z.number().int().min(1),
  price_inc_tax: amount,
  price_ex_tax: amount,
  sku: z.string().optional(),
});
/** A line with `product_id` is a catalog line; anything else must be a complete custom line. */
export const productLine = z.union([catalogLine, customLine]);
export type CatalogLineInput = z.infer<typeof catalogLine>;
export type ProductLineInput = z.infer<typeof productLine>;

export const orderPostInput = z.object({
  billing_address: addressInput,
  products: z.array(z.unknown()).optional(),
  consignments: z.unknown().optional(),
  shipping_addresses: z.array(addressInput).optional(),
  status_id: z.number().int().optional(),
  customer_id: z.number().int().min(0).optional(),
  channel_id: z.number().int().optional(),
  payment_method: z.string().optional(),
  staff_notes: z.string().optional(),
  customer_message: z.string().optional(),
  external_source: z.string().nullable().optional(),
  external_order_id: z.string().optional(),
  default_currency_code: z.string().length(3).optional(),
  shipping_cost_ex_tax: amount.optional(),
  shipping_cost_inc_tax: amount.optional(),
  subtotal_ex_tax: amount.optional(),
  subtotal_inc_tax: amount.optional(),
  total_ex_tax: amount.optional(),
  total_inc_tax: amount.optional(),
});
export type OrderPostInput = z.infer<typeof orderPostInput>;

export const orderPutInput = z.object({
  status_id: z.number().int().optional(),
  customer_id: z.number().int().min(0).optional(),
  payment_method: z.string().optional(),
  staff_notes: z.string().optional(),
  customer_message: z.string().optional(),
  external_order_id: z.string().optional(),
  billing_address: addressInput.partial().optional(),
  products: z.unknown().optional(),
});
export type OrderPutInput = z.infer<typeof orderPutInput>;

/**
 * orders.v2.oas2.yml `orderShipment_Post`: `order_address_id` and `items` are required; the length limits are the
 * spec's. `shipping_provider` is one of the core providers, "" or a third-party `carrier_{id}`.
 */
export const SHIPPING_PROVIDERS = ['', 'auspost', 'canadapost', 'endicia', 'usps', 'fedex', 'ups', 'upsready', 'upsonline', 'shipperhq', 'royalmail'] as const;

export const shipmentPostInput = z.object({
  order_address_id: z.number().int(),
  items: z.array(z.object({ order_product_id: z.number().int(), quantity: z.number().int().min(1) })).min(1),
  tracking_number: z.string().max(50).optional(),
  tracking_link: z.string().max(500).optional(),
  tracking_carrier: z.string().optional(),
  shipping_provider: z
    .string()
    .refine((p) => (SHIPPING_PROVIDERS as readonly string[]).includes(p) || /^carrier_\w+$/.test(p), 'not a shipping provider BigCommerce knows')
    .optional(),
  shipping_method: z.string().optional(),
  merchant_shipping_cost: amount.optional(),
  comments: z.string().max(65535).optional(),
});
export type ShipmentPostInput = z.infer<typeof shipmentPostInput>;
