import type { CatalogScope, PricingContext, StoreRef } from './contexts';

/**
 * The cache manifest: every cache profile with its lifetime, what its key is scoped to and which tags invalidate
 * it, plus the Redis key layout. Cache keys and tag strings are built here and nowhere else.
 *
 * Lifetimes are short on purpose. Entries are dropped the moment something changes (sync change events,
 * BigCommerce webhooks, see change-event-tags.ts and webhook-tags.ts); the TTL only bounds how stale an entry can
 * get if an invalidation is ever lost. `staleSeconds` is how long past its TTL an entry may still be served while
 * one request refreshes it (stale-while-revalidate): allowed for catalog data, never for prices or stock.
 *
 * The key of every per-buyer profile is built from a PricingContext (or the buyer's own id), so per-buyer data
 * cannot be written under a key that lacks it: the builders below take nothing else.
 */

export interface CacheProfile {
  name: string;
  ttlSeconds: number;
  staleSeconds: number;
  /** `memory` profiles stay in process (data Redis already holds, or HTML pages); the rest are shared via Redis. */
  tiers: 'memory+redis' | 'memory';
}

export const PROFILES = {
  /** customer id → the customer group BigCommerce has the buyer in now. */
  buyerGroup: { name: 'buyer-group', ttlSeconds: 300, staleSeconds: 0, tiers: 'memory+redis' },
  /** customer group → its price lists and category access. */
  groupPricing: { name: 'group-pricing', ttlSeconds: 300, staleSeconds: 0, tiers: 'memory+redis' },
  /** The channel's default price list and the store's guest group. */
  storePricing: { name: 'store-pricing', ttlSeconds: 300, staleSeconds: 0, tiers: 'memory+redis' },
  /** SEO path → product, category or brand. */
  route: { name: 'route', ttlSeconds: 300, staleSeconds: 300, tiers: 'memory+redis' },
  /** Home page: category tree and featured products. */
  categoryTree: { name: 'category-tree', ttlSeconds: 300, staleSeconds: 300, tiers: 'memory+redis' },
  /** Search filters: category tree and brands. */
  searchFacets: { name: 'search-facets', ttlSeconds: 300, staleSeconds: 300, tiers: 'memory+redis' },
  /** Category name and description. */
  category: { name: 'category', ttlSeconds: 300, staleSeconds: 300, tiers: 'memory+redis' },
  /** Product page catalog data: names, images, specs, variants. No prices. */
  catalogProduct: { name: 'catalog-product', ttlSeconds: 300, staleSeconds: 300, tiers: 'memory+redis' },
  /** One page of a category or search listing (catalog cards, no prices). */
  searchPage: { name: 'search-page', ttlSeconds: 120, staleSeconds: 120, tiers: 'memory+redis' },
  /** A product card's price in one pricing context. */
  priceOverlay: { name: 'price-overlay', ttlSeconds: 120, staleSeconds: 0, tiers: 'memory+redis' },
  /** A variant's price, SKU and purchasability in one pricing context. */
  variantPrice: { name: 'variant-price', ttlSeconds: 120, staleSeconds: 0, tiers: 'memory+redis' },
  /** "Why this price" for a variant in one pricing context. */
  priceExplanation: { name: 'price-explanation', ttlSeconds: 300, staleSeconds: 0, tiers: 'memory+redis' },
  /** A product's stock (the same for every viewer). */
  inventory: { name: 'inventory', ttlSeconds: 60, staleSeconds: 0, tiers: 'memory+redis' },
  /** A variant's stock per warehouse (the same for every viewer). */
  variantInventory: { name: 'variant-inventory', ttlSeconds: 60, staleSeconds: 0, tiers: 'memory+redis' },
  /** An ERP customer's credit snapshot. The sync already keeps it in Redis, so only the process keeps a copy. */
  creditSnapshot: { name: 'credit-snapshot', ttlSeconds: 30, staleSeconds: 0, tiers: 'memory' },
  /**
   * A whole catalog page's HTML for one session (lib/cache/page-cache.ts). Lives at most as long as the shortest
   * profile it was rendered from, and is dropped by any tag of any entry it read.
   */
  page: { name: 'page', ttlSeconds: 60, staleSeconds: 0, tiers: 'memory' },
} as const satisfies Record<string, CacheProfile>;

/** One cache entry: its profile, key and the tags that drop it. `T` is the value's type. */
export interface CacheEntry<T> {
  profile: CacheProfile;
  key: string;
  tags: readonly string[];
  /** Tags only the loaded value can name (the products a listing shows, what a path leads to). */
  tagsOf?: (value: T) => readonly string[];
  /** Phantom: ties the entry to its value type. */
  readonly __value?: T;
}

/** Every invalidation tag. */
export const tags = {
  product: (productId: number) => `product:${productId}`,
  category: (categoryId: number) => `category:${categoryId}`,
  /** Which products, categories and brands exist (listings, featured products, paths that found nothing). */
  catalogMembership: 'catalog:membership',
  categoryTree: 'catalog:categories',
  brands: 'catalog:brands',
  /** Listings filtered to in-stock products: any stock change can add or remove a product. */
  inStockListings: 'catalog:in-stock-listings',
  inventory: (productId: number) => `inventory:product:${productId}`,
  /** Every stock entry, for a stock change that names no product. */
  allInventory: 'inventory:all',
  priceList: (priceListId: number) => `price-list:${priceListId}`,
  price: (priceListId: number, productId: number) => `price:${priceListId}:product:${productId}`,
  customer: (customerId: number) => `customer:${customerId}`,
  customerGroup: (customerGroupId: number) => `customer-group:${customerGroupId}`,
  /** The channel default price list and the guest group. */
  storePricing: 'store:pricing',
  credit: (customerNumber: string) => `credit:${customerNumber}`,
  /** Every page kept for one session (page-cache.ts), dropped when the session changes anything. */
  session: (digest: string) => `session:${digest}`,
} as const;

const storeSegment = (store: StoreRef) => `s=${store.storeHash}/c=${store.channelId}`;
const catalogSegment = (scope: CatalogScope) => `${storeSegment(scope)}/v=${scope.visibility}`;
const pricingSegment = (context: PricingContext) =>
  `${storeSegment(context)}/cur=${context.currency}/g=${context.customerGroup}/pl=${context.priceListIds.join('.') || 'none'}`;

function entry<T>(profile: CacheProfile, segments: (string | number)[], fixedTags: readonly string[], tagsOf?: (value: T) => readonly string[]): CacheEntry<T> {
  return { profile, key: [profile.name, ...segments.map((s) => encodeURIComponent(String(s)))].join('|'), tags: fixedTags, tagsOf };
}

/** Tags every priced entry of a product carries: each price list that may price it, and the product itself. */
function priceTags(context: PricingContext, productId: number): string[] {
  return [tags.product(productId), ...context.priceListIds.flatMap((id) => [tags.priceList(id), tags.price(id, productId)])];
}

export const cacheEntries = {
  buyerGroup: (store: StoreRef, customerId: number) => entry<number | null>(PROFILES.buyerGroup, [storeSegment(store), customerId], [tags.customer(customerId)]),
  groupPricing: <T>(store: StoreRef, customerGroupId: number) =>
    entry<T>(PROFILES.groupPricing, [storeSegment(store), customerGroupId], [tags.customerGroup(customerGroupId), tags.storePricing]),
  storePricing: <T>(store: StoreRef) => entry<T>(PROFILES.storePricing, [storeSegment(store)], [tags.storePricing]),

  route: <T>(scope: CatalogScope, path: string, tagsOf: (value: T) => readonly string[]) =>
    entry<T>(PROFILES.route, [catalogSegment(scope), path], [], tagsOf),
  categoryTree: <T>(scope: CatalogScope, featured: number, tagsOf: (value: T) => readonly string[]) =>
    entry<T>(PROFILES.categoryTree, [catalogSegment(scope), featured], [tags.categoryTree, tags.catalogMembership], tagsOf),
  searchFacets: <T>(scope: CatalogScope) =>
    entry<T>(PROFILES.searchFacets, [catalogSegment(scope)], [tags.categoryTree, tags.brands, tags.catalogMembership]),
  category: <T>(scope: CatalogScope, categoryId: number) => entry<T>(PROFILES.category, [catalogSegment(scope), categoryId], [tags.category(categoryId)]),
  catalogProduct: <T>(scope: CatalogScope, productId: number) =>
    entry<T>(PROFILES.catalogProduct, [catalogSegment(scope), productId], [tags.product(productId), tags.catalogMembership]),
  /** `query` is the listing's canonical query (every filter, sort and cursor), see product-listing.ts. */
  searchPage: <T>(scope: CatalogScope, query: string, inStockOnly: boolean, tagsOf: (value: T) => readonly string[]) =>
    entry<T>(PROFILES.searchPage, [catalogSegment(scope), query], inStockOnly ? [tags.catalogMembership, tags.inStockListings] : [tags.catalogMembership], tagsOf),

  priceOverlay: <T>(context: PricingContext, productId: number) => entry<T>(PROFILES.priceOverlay, [pricingSegment(context), productId], priceTags(context, productId)),
  variantPrice: <T>(context: PricingContext, productId: number, variantId: number) =>
    entry<T>(PROFILES.variantPrice, [pricingSegment(context), productId, variantId], priceTags(context, productId)),
  priceExplanation: <T>(context: PricingContext, productId: number, variantId: number) =>
    entry<T>(PROFILES.priceExplanation, [pricingSegment(context), productId, variantId], [
      ...priceTags(context, productId),
      ...(typeof context.customerGroup === 'number' ? [tags.customerGroup(context.customerGroup)] : [tags.storePricing]),
    ]),

  inventory: <T>(store: StoreRef, productId: number) =>
    entry<T>(PROFILES.inventory, [storeSegment(store), productId], [tags.inventory(productId), tags.allInventory, tags.product(productId)]),
  variantInventory: <T>(store: StoreRef, productId: number, variantId: number) =>
    entry<T>(PROFILES.variantInventory, [storeSegment(store), productId, variantId], [tags.inventory(productId), tags.allInventory, tags.product(productId)]),

  creditSnapshot: <T>(store: StoreRef, customerNumber: string) => entry<T>(PROFILES.creditSnapshot, [storeSegment(store), customerNumber], [tags.credit(customerNumber)]),

  /** `session` is a digest of the session cookie (page-cache.ts), `url` the path and query string. */
  page: <T>(store: StoreRef, session: string, url: string) => entry<T>(PROFILES.page, [storeSegment(store), session, url], [tags.session(session)]),
};

/** Every Redis key the cache uses, namespaced per store. `{storeHash}` is a hash tag: one store's keys share a cluster slot. */
export function cacheRedisKeys(storeHash: string) {
  const base = `cache:{${storeHash}}:v1:`;
  return {
    /** Prefix of entries (`entry:<key>`), tag indexes (`tag:<tag>`, a set of entry keys) and invalidation times (`tagged:<tag>`). */
    base,
    entry: (key: string) => `${base}entry:${key}`,
    /** Short lock: which instance refreshes a stale entry. */
    refreshing: (key: string) => `${base}refreshing:${key}`,
    /** Stream of invalidations made by this app (webhooks), which every instance follows to drop its memory copies. */
    invalidations: `${base}invalidations`,
    /** Id of the last sync change event whose invalidation reached Redis, so each is applied once and none is missed. */
    syncCursor: `${base}sync-cursor`,
  };
}
