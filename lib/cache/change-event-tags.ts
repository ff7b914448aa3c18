import type { ChangeEvent } from '@/sync/state/change-events';
import { tags } from './manifest';

/**
 * What a sync change event invalidates. Exact where the event says exactly what changed: a price list's products
 * drop only the entries of pricing contexts that use that list; stock drops those products' stock for everyone.
 * When an event names no product (a record deleted from a list whose product the sync did not know) the whole
 * list, or all stock, goes instead: wider than needed, never narrower.
 */
export function changeEventTags(event: ChangeEvent): string[] {
  switch (event.type) {
    case 'price-list-changed':
      if (event.productIds.length === 0 && event.variantIds.length > 0) return [tags.priceList(event.priceListId)];
      return event.productIds.map((productId) => tags.price(event.priceListId, productId));
    case 'inventory-changed': {
      const stock = event.productIds.length > 0 ? event.productIds.map(tags.inventory) : [tags.allInventory];
      // An in-stock-only listing can gain or lose any product when stock moves.
      return [...stock, tags.inStockListings];
    }
    case 'customer-group-changed':
      // The buyers' group lookups, and the group's own (the sync may just have given it its list).
      return [...event.customerIds.map(tags.customer), tags.customerGroup(event.customerGroupId)];
    case 'credit-changed':
      return event.customerNumbers.map(tags.credit);
  }
}
