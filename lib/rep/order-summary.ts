import { z } from 'zod';
import type { BigCommerceRestClient } from '../bigcommerce/rest';
import { moneyFromDecimal, type Money } from '../money/money';

/**
 * What a rep wants to know about an account's orders before a call: the last order (date and value) and the open
 * ones (placed, not yet shipped or finished), from BigCommerce's v2 orders by customer. One request per buyer of
 * the account: each reads that buyer's newest orders only, so "open" counts among those.
 */
export const ORDERS_READ_PER_BUYER = 50;

/**
 * order_statuses that are still in progress: Pending (1), Partially Shipped (3), Awaiting Payment (7), Awaiting
 * Pickup (8), Awaiting Shipment (9), Awaiting Fulfillment (11), Manual Verification Required (12).
 */
const OPEN_STATUS_IDS = new Set([1, 3, 7, 8, 9, 11, 12]);

const orderSchema = z.looseObject({
  id: z.number().int(),
  date_created: z.string(),
  status_id: z.number().int(),
  total_inc_tax: z.union([z.string(), z.number()]),
  currency_code: z.string(),
});

export interface AccountOrderSummary {
  lastOrder: { orderId: number; placedAt: Date; total: Money } | null;
  openCount: number;
  /** Open order value per currency (an account orders in one currency, but nothing here assumes it). */
  openTotals: Money[];
  /** True when some buyer has more orders than were read, so older open orders may be missing from the count. */
  truncated: boolean;
}

export async function accountOrderSummary(rest: BigCommerceRestClient, customerIds: readonly number[]): Promise<AccountOrderSummary> {
  const pages = await Promise.all(
    customerIds.map((customerId) =>
      rest.get('/v2/orders', {
        query: { customer_id: customerId, sort: 'date_created:desc', limit: ORDERS_READ_PER_BUYER },
        // A buyer without orders is answered 204 with no body.
        schema: z.array(orderSchema).optional(),
      }),
    ),
  );
  let lastOrder: AccountOrderSummary['lastOrder'] = null;
  let openCount = 0;
  const openTotals = new Map<string, Money>();
  for (const order of pages.flatMap((page) => page ?? [])) {
    const placedAt = new Date(order.date_created);
    const total = moneyFromDecimal(order.total_inc_tax, order.currency_code);
    // v2 dates have whole seconds; of orders placed in the same second, the higher id is the later one.
    const later = !lastOrder || placedAt > lastOrder.placedAt || (placedAt.getTime() === lastOrder.placedAt.getTime() && order.id > lastOrder.orderId);
    if (later) lastOrder = { orderId: order.id, placedAt, total };
    if (!OPEN_STATUS_IDS.has(order.status_id)) continue;
    openCount++;
    const sum = openTotals.get(total.currency);
    openTotals.set(total.currency, { currency: total.currency, minor: (sum?.minor ?? 0) + total.minor });
  }
  return { lastOrder, openCount, openTotals: [...openTotals.values()], truncated: pages.some((page) => (page?.length ?? 0) >= ORDERS_READ_PER_BUYER) };
}
