import 'server-only';
import { cacheEntries } from './manifest';
import { cached } from './read-through';
import { cacheRuntime } from './runtime';

/**
 * An ERP customer's credit snapshot for display (cart, account pages), kept in process memory for seconds and
 * dropped by the sync's `credit-changed` event. The snapshot already lives in Redis (the credit sync writes it),
 * so this saves the round trips, not a load. The checkout credit gate must read live, never through this.
 */
export function cachedCreditSnapshot<T>(customerNumber: string, read: () => Promise<T>): Promise<T> {
  return cached(cacheEntries.creditSnapshot<T>(cacheRuntime().store, customerNumber), read);
}
