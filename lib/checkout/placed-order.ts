import 'server-only';
import { z } from 'zod';
import { getManagementClient } from '@/lib/bigcommerce/management-client';
import { isBigCommerceApiError } from '@/lib/bigcommerce/rest';
import { formatMoney, moneyFromDecimal } from '@/lib/money/money';
import { parseOrderMessage } from '@/sync/flows/orders/order-message';

/**
 * A placed order for its confirmation page, read from BigCommerce. Only the order's own buyer may see it: any
 * other customer id (or a missing order) answers null, so a guessed order number shows nothing.
 */
export interface PlacedOrderDisplay {
  id: number;
  status: string;
  paymentMethod: string;
  poNumber: string | null;
  requestedDeliveryDate: string | null;
  comment: string | null;
  shipTo: string[];
  lines: { sku: string; name: string; quantity: number; unitPrice: string; lineTotal: string }[];
  total: string;
}

const decimal = z.union([z.string(), z.number()]);
const orderSchema = z.looseObject({
  id: z.number().int(),
  customer_id: z.number().int(),
  status: z.string(),
  payment_method: z.string(),
  currency_code: z.string(),
  total_inc_tax: decimal,
  customer_message: z.string().nullish(),
});
const lineSchema = z.looseObject({ sku: z.string().nullish(), name: z.string(), quantity: z.number().int(), price_inc_tax: decimal, total_inc_tax: decimal });
const addressSchema = z.looseObject({ company: z.string().nullish(), street_1: z.string().nullish(), city: z.string().nullish(), state: z.string().nullish(), zip: z.string().nullish(), country: z.string().nullish() });

export async function placedOrderFor(customerId: number, orderId: number): Promise<PlacedOrderDisplay | null> {
  const rest = getManagementClient();
  let order: z.infer<typeof orderSchema>;
  try {
    order = await rest.get(`/v2/orders/${orderId}`, { schema: orderSchema });
  } catch (error) {
    if (isBigCommerceApiError(error) && error.status === 404) return null;
    throw error;
  }
  if (order.customer_id !== customerId) return null;
  const [lines, addresses] = await Promise.all([
    rest.get(`/v2/orders/${orderId}/products`, { schema: z.array(lineSchema) }),
    rest.get(`/v2/orders/${orderId}/shipping_addresses`, { schema: z.array(addressSchema) }),
  ]);
  const money = (value: z.infer<typeof decimal>) => formatMoney(moneyFromDecimal(value, order.currency_code));
  const message = parseOrderMessage(order.customer_message);
  const [address] = addresses;
  return {
    id: order.id,
    status: order.status,
    paymentMethod: order.payment_method,
    poNumber: message.poNumber ?? null,
    requestedDeliveryDate: message.requestedDeliveryDate ?? null,
    comment: message.comment ?? null,
    shipTo: address ? [address.company, address.street_1, `${address.city ?? ''}, ${address.state ?? ''} ${address.zip ?? ''}`, address.country].filter((l): l is string => Boolean(l?.trim())) : [],
    lines: lines.map((l) => ({ sku: l.sku ?? '', name: l.name, quantity: l.quantity, unitPrice: money(l.price_inc_tax), lineTotal: money(l.total_inc_tax) })),
    total: money(order.total_inc_tax),
  };
}
