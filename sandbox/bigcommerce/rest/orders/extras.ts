import type { BcStore } from '../../store/store';

/**
 * Order fields the shared `BcOrder` type has no slot for (shipping cost). Kept per store in a WeakMap so a
 * reseeded store starts clean and other modules' view of `BcOrder` is unchanged.
 */
export interface OrderExtras {
  shipping: { ex: string; inc: string };
}

const extras = new WeakMap<BcStore, Map<number, OrderExtras>>();

export function orderExtras(store: BcStore, orderId: number): OrderExtras {
  let byOrder = extras.get(store);
  if (!byOrder) {
    byOrder = new Map();
    extras.set(store, byOrder);
  }
  let entry = byOrder.get(orderId);
  if (!entry) {
    entry = { shipping: { ex: '0.0000', inc: '0.0000' } };
    byOrder.set(orderId, entry);
  }
  return entry;
}
