import type { SearchProductsSortInput } from '@/graphql/generated/graphql';

/**
 * Listing URL parameters (sort, paging cursor, in-stock filter, search term, category and brand filters) read
 * from `searchParams` with every value checked: anything malformed falls back to the default rather than
 * reaching the Storefront API as-is.
 */
export const SORT_OPTIONS = [
  { value: 'RELEVANCE', label: 'Relevance' },
  { value: 'FEATURED', label: 'Featured' },
  { value: 'A_TO_Z', label: 'Name: A to Z' },
  { value: 'Z_TO_A', label: 'Name: Z to A' },
  { value: 'NEWEST', label: 'Newest' },
  { value: 'BEST_SELLING', label: 'Best selling' },
  { value: 'LOWEST_PRICE', label: 'List price: low to high' },
  { value: 'HIGHEST_PRICE', label: 'List price: high to low' },
] as const satisfies readonly { value: SearchProductsSortInput; label: string }[];

export type RawSearchParams = Record<string, string | string[] | undefined>;

export interface ListingParams {
  sort: SearchProductsSortInput;
  after: string | null;
  before: string | null;
  inStockOnly: boolean;
  searchTerm: string;
  categoryId: number | null;
  brandId: number | null;
}

export const PAGE_SIZE = 24;
const MAX_SEARCH_TERM = 200;

export function parseListingParams(raw: RawSearchParams, defaultSort: SearchProductsSortInput): ListingParams {
  const sortValue = first(raw.sort);
  const sort = SORT_OPTIONS.find((option) => option.value === sortValue)?.value ?? defaultSort;
  const after = cursor(first(raw.after));
  return {
    sort,
    after,
    // Both cursors at once is contradictory; `after` wins.
    before: after ? null : cursor(first(raw.before)),
    inStockOnly: first(raw.inStock) === '1',
    searchTerm: (first(raw.q) ?? '').trim().slice(0, MAX_SEARCH_TERM),
    categoryId: positiveInt(first(raw.category)),
    brandId: positiveInt(first(raw.brand)),
  };
}

/** The query string for the same listing with some parameters changed; null or false removes a parameter. */
export function listingHref(basePath: string, params: ListingParams, change: Partial<ListingParams>, defaultSort: SearchProductsSortInput): string {
  const next = { ...params, ...change };
  const query = new URLSearchParams();
  if (next.searchTerm) query.set('q', next.searchTerm);
  if (next.categoryId) query.set('category', String(next.categoryId));
  if (next.brandId) query.set('brand', String(next.brandId));
  if (next.inStockOnly) query.set('inStock', '1');
  if (next.sort !== defaultSort) query.set('sort', next.sort);
  if (next.after) query.set('after', next.after);
  if (next.before) query.set('before', next.before);
  const text = query.toString();
  return text ? `${basePath}?${text}` : basePath;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function cursor(value: string | undefined): string | null {
  // BigCommerce cursors are short opaque base64 strings.
  return value && /^[A-Za-z0-9+/=_-]{1,200}$/.test(value) ? value : null;
}

function positiveInt(value: string | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const number = Number(value);
  return number > 0 ? number : null;
}
