import { z } from 'zod';
import type { SyncContext } from '../../context';

/**
 * The parts of a BigCommerce v2 order (orders.v2.oas2.yml) the post-back reads. v2 money is a decimal string
 * ("17.2500"); it stays text here and becomes integer minor units only through lib/money.
 */
const decimal = z.union([z.string(), z.number()]);

/**
 * BigCommerce statuses that are not, or are no longer, an order to fulfil (order_statuses table): the post skips
 * them and the catch-up scan does not offer them. A later status change brings such an order back.
 */
export const NOT_POSTABLE_STATUSES: Readonly<Record<number, string>> = {
  0: 'it is Incomplete (the checkout was not finished)',
  5: 'it is Cancelled',
  6: 'it is Declined',
};

export const bcOrderSchema = z.looseObject({
  id: z.number().int(),
  customer_id: z.number().int(),
  status_id: z.number().int(),
  date_created: z.string(),
  date_modified: z.string(),
  currency_code: z.string(),
  shipping_cost_ex_tax: decimal,
  discount_amount: decimal.optional(),
  coupon_discount: decimal.optional(),
  customer_message: z.string().nullish(),
  staff_notes: z.string().nullish(),
  external_order_id: z.string().nullish(),
  is_deleted: z.boolean().optional(),
});
export type BcOrder = z.infer<typeof bcOrderSchema>;

export const bcOrderLineSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  sku: z.string().nullish(),
  quantity: z.number().int(),
  quantity_shipped: z.number().int().optional(),
  price_ex_tax: decimal,
  order_address_id: z.number().int().optional(),
});
export type BcOrderLine = z.infer<typeof bcOrderLineSchema>;

export const bcShippingAddressSchema = z.looseObject({
  id: z.number().int(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  company: z.string().nullish(),
  street_1: z.string().nullish(),
  street_2: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zip: z.string().nullish(),
  country_iso2: z.string().nullish(),
});
export type BcShippingAddress = z.infer<typeof bcShippingAddressSchema>;

export const bcShipmentSchema = z.looseObject({
  id: z.number().int(),
  tracking_number: z.string().nullish(),
  comments: z.string().nullish(),
  items: z.array(z.looseObject({ order_product_id: z.number().int(), quantity: z.number().int() })),
});
export type BcShipment = z.infer<typeof bcShipmentSchema>;

export function readOrder(ctx: SyncContext, orderId: number): Promise<BcOrder> {
  return ctx.rest.get(`/v2/orders/${orderId}`, { schema: bcOrderSchema });
}

async function all<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** Every line (the endpoint pages at 50 by default; the client asks for the 250 cap). */
export function readOrderLines(ctx: SyncContext, orderId: number): Promise<BcOrderLine[]> {
  return all(ctx.rest.paginateV2(`/v2/orders/${orderId}/products`, bcOrderLineSchema));
}

export function readShippingAddresses(ctx: SyncContext, orderId: number): Promise<BcShippingAddress[]> {
  return all(ctx.rest.paginateV2(`/v2/orders/${orderId}/shipping_addresses`, bcShippingAddressSchema));
}

/** An order without shipments answers 204, which reads as no rows. */
export function readShipments(ctx: SyncContext, orderId: number): Promise<BcShipment[]> {
  return all(ctx.rest.paginateV2(`/v2/orders/${orderId}/shipments`, bcShipmentSchema));
}

/** Everything the ERP order is built from, read in one place so mapping stays a pure function. */
export interface OrderSnapshot {
  order: BcOrder;
  lines: BcOrderLine[];
  addresses: BcShippingAddress[];
  /** The buyer's customer record, or null for a guest order or a customer since deleted. */
  customer: { id: number; notes: string | null } | null;
}

const customerSchema = z.looseObject({ id: z.number().int(), notes: z.string().nullish() });

export async function readOrderSnapshot(ctx: SyncContext, order: BcOrder): Promise<OrderSnapshot> {
  const [lines, addresses, customers] = await Promise.all([
    readOrderLines(ctx, order.id),
    readShippingAddresses(ctx, order.id),
    order.customer_id === 0 ? Promise.resolve([]) : ctx.rest.getV3('/v3/customers', z.array(customerSchema), { 'id:in': order.customer_id }).then((r) => r.data),
  ]);
  const customer = customers.find((c) => c.id === order.customer_id);
  return { order, lines, addresses, customer: customer ? { id: customer.id, notes: customer.notes ?? null } : null };
}
