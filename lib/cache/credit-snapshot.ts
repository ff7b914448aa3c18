import 'server-only';
import { cacheEntries } from './manifest';
import { cached } from './read-through';
import { cacheRuntime } from './runtime';

/**
 * An ERP customer's credit figures for display (cart, account, checkout pages), kept in process memory for seconds
 * and dropped by the sync's `credit-changed` event, so a page view does not cost an ERP request. Placing an order
 * must read live, never through this.
 */
export function cachedCreditSnapshot<T>(customerNumber: string, read: () => Promise<T>): Promise<T> {
  return cached(cacheEntries.creditSnapshot<T>(cacheRuntime().store, customerNumber), read);
}
