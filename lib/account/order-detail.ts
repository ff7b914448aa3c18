import { z } from 'zod';
import { isBigCommerceApiError, type BigCommerceRestClient } from '@/lib/bigcommerce/rest';
import { formatMoney, moneyFromDecimal, type Money } from '@/lib/money/money';
import { parseOrderMessage } from '@/sync/flows/orders/order-message';
import {
  accountOrderLineSchema, accountOrderSchema, accountShipmentSchema, erpNumberOf, orderDay, trackingNumbersOf,
  type AccountOrderLine,
} from './bc-orders';

/**
 * One of the buyer's orders with its lines, for the order page and for reorder. Only the order's own buyer gets it:
 * another customer's order, or one that does not exist, answers null, so a guessed id shows exactly what a missing
 * one does (404).
 */
export interface OrderLine {
  sku: string;
  name: string;
  quantity: number;
  quantityShipped: number;
  /** What the buyer paid per unit on this order (ex tax: the contract price). */
  unitPrice: Money;
  lineTotal: Money;
}

export interface OrderDetail {
  id: number;
  date: string;
  status: string;
  paymentMethod: string | null;
  erpNumber: string | null;
  poNumber: string | null;
  requestedDeliveryDate: string | null;
  comment: string | null;
  total: string;
  trackingNumbers: string[];
  lines: OrderLine[];
}

export async function readOrderDetail(rest: BigCommerceRestClient, customerId: number, orderId: number): Promise<OrderDetail | null> {
  if (!Number.isSafeInteger(orderId) || orderId <= 0 || !Number.isSafeInteger(customerId) || customerId <= 0) return null;
  let order: z.infer<typeof accountOrderSchema>;
  try {
    order = await rest.get(`/v2/orders/${orderId}`, { schema: accountOrderSchema });
  } catch (error) {
    if (isBigCommerceApiError(error) && error.status === 404) return null;
    throw error;
  }
  if (order.customer_id !== customerId) return null;
  const [lines, shipments] = await Promise.all([
    readAllLines(rest, orderId),
    (order.items_shipped ?? 0) > 0 ? rest.get(`/v2/orders/${orderId}/shipments`, { schema: z.array(accountShipmentSchema).optional() }) : Promise.resolve([]),
  ]);
  const message = parseOrderMessage(order.customer_message);
  return {
    id: order.id,
    date: orderDay(order.date_created),
    status: order.status,
    paymentMethod: order.payment_method ?? null,
    erpNumber: erpNumberOf(order),
    poNumber: message.poNumber ?? null,
    requestedDeliveryDate: message.requestedDeliveryDate ?? null,
    comment: message.comment ?? null,
    total: formatMoney(moneyFromDecimal(order.total_inc_tax, order.currency_code)),
    trackingNumbers: trackingNumbersOf(shipments ?? []),
    lines: lines.map((line) => orderLine(line, order.currency_code)),
  };
}

/** An order's lines; v2 pages them (50 by default), and a large B2B order can have more than one page. */
async function readAllLines(rest: BigCommerceRestClient, orderId: number): Promise<AccountOrderLine[]> {
  const lines: AccountOrderLine[] = [];
  for await (const line of rest.paginateV2(`/v2/orders/${orderId}/products`, accountOrderLineSchema)) lines.push(line);
  return lines;
}

function orderLine(line: AccountOrderLine, currency: string): OrderLine {
  return {
    sku: line.sku ?? '',
    name: line.name,
    quantity: line.quantity,
    quantityShipped: line.quantity_shipped ?? 0,
    unitPrice: moneyFromDecimal(line.price_ex_tax, currency),
    lineTotal: moneyFromDecimal(line.total_ex_tax, currency),
  };
}
