/**
 * The two contexts a cache key can be scoped to. Only lib/cache/viewer-context.ts builds them, from the verified
 * session and what BigCommerce says about the buyer's group; the manifest turns them into key segments.
 */

/** Which store and storefront channel an entry belongs to. */
export interface StoreRef {
  storeHash: string;
  channelId: number;
}

/**
 * Everything BigCommerce uses to resolve a price (price_lists.v3.yml "Order of operations"): store, channel,
 * currency, and the customer group with the price lists that can apply to it. Every buyer of the same contract
 * shares one context; a guest never shares one with a customer.
 */
export interface PricingContext extends StoreRef {
  /**
   * ISO code, or `channel-default` while the storefront asks for prices without a currency code (the channel's
   * default currency): the key then says exactly what was asked.
   */
  currency: string;
  /** `guest` for visitors (priced through the store's guest group, if any); a group id (0 = no group) otherwise. */
  customerGroup: number | 'guest';
  /**
   * The price lists that can decide this context's prices: the group's (on this channel, on no channel, or the
   * legacy v2 group rule) and the channel's default list. Sorted. Part of the key, so re-pointing a group's list
   * starts new entries, and the source of the exact `price-list` tags a sync event invalidates.
   */
  priceListIds: readonly number[];
}

/**
 * Whose catalog an entry shows. Catalog data (names, images, descriptions, listings) is the same for everyone
 * except that a customer group can restrict which categories its buyers see, so it is shared by every group with
 * access to all categories (`all`), and kept apart per group otherwise, and for guests.
 */
export interface CatalogScope extends StoreRef {
  visibility: 'all' | 'guest' | `group-${number}`;
}
