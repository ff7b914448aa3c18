import { z } from 'zod';
import type { BigCommerceRestClient } from '@/lib/bigcommerce/rest';
import { formatMoney, moneyFromDecimal } from '@/lib/money/money';
import { accountOrderSchema, accountShipmentSchema, erpNumberOf, orderDay, poNumberOf, trackingNumbersOf } from './bc-orders';
import { repAttributionOf } from '@/sync/flows/orders/rep-attribution';

/**
 * One page of a buyer's order history, newest first, from BigCommerce REST v2. The REST quota is shared with the
 * sync, so a page costs a bounded number of calls: the page itself, its count, and the shipments of only those
 * orders on it that have shipped something (`items_shipped` > 0).
 */
export const ORDERS_PER_PAGE = 10;

export interface OrderSummary {
  id: number;
  date: string;
  status: string;
  total: string;
  /** null: not posted to the ERP yet. */
  erpNumber: string | null;
  poNumber: string | null;
  /** The sales rep who placed it while acting for the buyer, or null. */
  placedBy: string | null;
  trackingNumbers: string[];
}

export interface OrderHistoryPage {
  orders: OrderSummary[];
  page: number;
  pageCount: number;
  orderCount: number;
}

const countSchema = z.looseObject({ count: z.number().int() });

/** `customerId` must come from the verified session; a non-positive id (a guest's orders are id 0) reads nothing. */
export async function readOrderHistory(rest: BigCommerceRestClient, customerId: number, page: number): Promise<OrderHistoryPage> {
  if (!Number.isSafeInteger(customerId) || customerId <= 0) throw new RangeError(`not a customer id: ${customerId}`);
  const wanted = Number.isSafeInteger(page) && page >= 1 ? page : 1;
  const [{ count }, orders] = await Promise.all([
    rest.get('/v2/orders/count', { query: { customer_id: customerId }, schema: countSchema }),
    // v2 answers 204 (no body) past the last page.
    rest.get('/v2/orders', {
      query: { customer_id: customerId, sort: 'id:desc', page: wanted, limit: ORDERS_PER_PAGE },
      schema: z.array(accountOrderSchema).optional(),
    }),
  ]);
  // The filter is BigCommerce's; this check keeps another buyer's order off the page even if a filter were ignored.
  const own = (orders ?? []).filter((order) => order.customer_id === customerId);
  const shipments = await Promise.all(
    own.map((order) =>
      (order.items_shipped ?? 0) > 0 ? rest.get(`/v2/orders/${order.id}/shipments`, { schema: z.array(accountShipmentSchema).optional() }) : Promise.resolve([]),
    ),
  );
  return {
    page: wanted,
    orderCount: count,
    pageCount: Math.max(1, Math.ceil(count / ORDERS_PER_PAGE)),
    orders: own.map((order, index) => ({
      id: order.id,
      date: orderDay(order.date_created),
      status: order.status,
      total: formatMoney(moneyFromDecimal(order.total_inc_tax, order.currency_code)),
      erpNumber: erpNumberOf(order),
      poNumber: poNumberOf(order),
      placedBy: repAttributionOf(order.staff_notes)?.name ?? null,
      trackingNumbers: trackingNumbersOf(shipments[index] ?? []),
    })),
  };
}
