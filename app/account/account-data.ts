import 'server-only';
import { readOrderDetail, type OrderDetail } from '@/lib/account/order-detail';
import { readOrderHistory, type OrderHistoryPage } from '@/lib/account/order-history';
import { getManagementClient } from '@/lib/bigcommerce/management-client';

/**
 * The account pages' BigCommerce reads for the buyer the verified session names (the caller passes
 * `getSignedInBuyer()`'s id; nothing from the request chooses whose orders are read). A failed read is a state
 * of the page, not a crash.
 */
export type OrderHistoryData = { kind: 'history'; history: OrderHistoryPage } | { kind: 'error' };

export async function getOrderHistoryData(customerId: number, page: number): Promise<OrderHistoryData> {
  try {
    return { kind: 'history', history: await readOrderHistory(getManagementClient(), customerId, page) };
  } catch (error) {
    console.error('[account] reading the order history failed:', error);
    return { kind: 'error' };
  }
}

/** null: not this buyer's order (or no such order). Errors other than "not found" propagate to the error page. */
export async function getOrderDetail(customerId: number, orderId: number): Promise<OrderDetail | null> {
  return readOrderDetail(getManagementClient(), customerId, orderId);
}

/** `?page=` as a page number; anything else is page 1. */
export function pageParam(raw: string | string[] | undefined): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isSafeInteger(value) && value >= 1 ? value : 1;
}
