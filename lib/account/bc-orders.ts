import { z } from 'zod';
import { parseOrderMessage } from '@/sync/flows/orders/order-message';

/**
 * The parts of BigCommerce v2 orders, order products and shipments (orders.v2.oas2.yml) the account area reads,
 * and how an order's shipments turn into tracking numbers. v2 money is decimal text; it becomes integer minor
 * units only through lib/money.
 */
export const decimal = z.union([z.string(), z.number()]);

export const accountOrderSchema = z.looseObject({
  id: z.number().int(),
  customer_id: z.number().int(),
  date_created: z.string(),
  status: z.string(),
  currency_code: z.string(),
  total_inc_tax: decimal,
  items_total: z.number().int().optional(),
  items_shipped: z.number().int().optional(),
  customer_message: z.string().nullish(),
  staff_notes: z.string().nullish(),
  external_order_id: z.string().nullish(),
  payment_method: z.string().nullish(),
});
export type AccountOrder = z.infer<typeof accountOrderSchema>;

export const accountOrderLineSchema = z.looseObject({
  id: z.number().int(),
  product_id: z.number().int(),
  variant_id: z.number().int().nullish(),
  name: z.string(),
  sku: z.string().nullish(),
  quantity: z.number().int(),
  quantity_shipped: z.number().int().optional(),
  price_ex_tax: decimal,
  total_ex_tax: decimal,
});
export type AccountOrderLine = z.infer<typeof accountOrderLineSchema>;

export const accountShipmentSchema = z.looseObject({
  id: z.number().int(),
  tracking_number: z.string().nullish(),
  tracking_carrier: z.string().nullish(),
  comments: z.string().nullish(),
});
export type AccountShipment = z.infer<typeof accountShipmentSchema>;

/**
 * Every tracking number of an order's shipments. A shipment's `tracking_number` holds one; the order post-back lists
 * the rest of an ERP fulfilment's numbers in the shipment's comments ("ERP fulfilment 812 (IF812): tracking A, B",
 * see sync/flows/orders/shipment-plan.ts), so both are read.
 */
export function trackingNumbersOf(shipments: readonly AccountShipment[]): string[] {
  const numbers: string[] = [];
  for (const shipment of shipments) {
    if (shipment.tracking_number?.trim()) numbers.push(shipment.tracking_number.trim());
    for (const match of (shipment.comments ?? '').matchAll(/\btracking ([^\n]+)/g)) {
      numbers.push(...(match[1] ?? '').split(',').map((n) => n.trim()).filter(Boolean));
    }
  }
  return [...new Set(numbers)];
}

/** The ERP's document number, or null while the order has not been posted (the post-back writes it). */
export function erpNumberOf(order: AccountOrder): string | null {
  return order.external_order_id?.trim() || null;
}

export function poNumberOf(order: AccountOrder): string | null {
  return parseOrderMessage(order.customer_message).poNumber ?? null;
}

/** v2 dates are RFC 2822 ("Tue, 20 Nov 2012 00:00:00 +0000"); shown as the UTC calendar day. */
export function orderDay(rfc2822: string): string {
  const time = Date.parse(rfc2822);
  return Number.isNaN(time) ? rfc2822 : new Date(time).toISOString().slice(0, 10);
}
