import type { BcStore } from '../../store/store';
import type { BcCategory, BcProduct } from '../../store/types';
import { toUnits4 } from '../../store/money';
import { productInStock } from './inventory';

/** Storefront catalog reads: only visible products, in the store's default order (sort_order, then id). */
export function visibleProducts(store: BcStore, options: { hideOutOfStock?: boolean } = {}): BcProduct[] {
  return [...store.products.values()]
    .filter((p) => p.is_visible && (!options.hideOutOfStock || productInStock(store, p)))
    .sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
}

export function visibleCategory(store: BcStore, id: number): BcCategory | undefined {
  const category = store.categories.get(id);
  return category?.is_visible ? category : undefined;
}

export function childCategories(store: BcStore, parentId: number): BcCategory[] {
  return [...store.categories.values()]
    .filter((c) => c.parent_id === parentId && c.is_visible)
    .sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
}

export function categoryWithDescendants(store: BcStore, id: number): number[] {
  return [id, ...childCategories(store, id).flatMap((c) => categoryWithDescendants(store, c.id))];
}

/** Storefront paths compare without regard to a trailing slash. */
export function samePath(a: string, b: string): boolean {
  const norm = (p: string) => `/${p.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
  return norm(a) === norm(b);
}

export interface SearchFilters {
  searchTerm?: string;
  categoryEntityIds: number[];
  searchSubCategories: boolean;
  brandEntityIds: number[];
  isFeatured?: boolean;
  hideOutOfStock?: boolean;
  minPrice?: number;
  maxPrice?: number;
}

export type SearchSort = 'A_TO_Z' | 'BEST_SELLING' | 'FEATURED' | 'HIGHEST_PRICE' | 'LOWEST_PRICE' | 'NEWEST' | 'RELEVANCE' | 'Z_TO_A';

/**
 * site.search.searchProducts: every word of the term must occur in the name, SKU, description or keywords;
 * categories match directly or, with searchSubCategories, through descendants. Price filters and price sorts
 * use the catalog price — BigCommerce documents that GraphQL price sorting ignores price lists.
 */
export function searchProducts(store: BcStore, filters: SearchFilters, sort: SearchSort = 'RELEVANCE'): BcProduct[] {
  const words = (filters.searchTerm ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const categoryIds = new Set(
    filters.searchSubCategories ? filters.categoryEntityIds.flatMap((id) => categoryWithDescendants(store, id)) : filters.categoryEntityIds,
  );
  const brandIds = new Set(filters.brandEntityIds);
  const min = filters.minPrice === undefined ? undefined : toUnits4(filters.minPrice);
  const max = filters.maxPrice === undefined ? undefined : toUnits4(filters.maxPrice);

  const matches = visibleProducts(store, { hideOutOfStock: filters.hideOutOfStock }).filter((p) => {
    const haystack = `${p.name} ${p.sku} ${p.description} ${p.search_keywords} ${p.variants.map((v) => v.sku).join(' ')}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) return false;
    if (categoryIds.size > 0 && !p.categories.some((c) => categoryIds.has(c))) return false;
    if (brandIds.size > 0 && !brandIds.has(p.brand_id)) return false;
    if (filters.isFeatured !== undefined && p.is_featured !== filters.isFeatured) return false;
    const price = toUnits4(p.calculated_price);
    return (min === undefined || price >= min) && (max === undefined || price <= max);
  });
  return sortProducts(matches, sort, words);
}

function sortProducts(products: BcProduct[], sort: SearchSort, words: string[]): BcProduct[] {
  const byName = (a: BcProduct, b: BcProduct) => a.name.localeCompare(b.name) || a.id - b.id;
  const price = (p: BcProduct) => toUnits4(p.calculated_price);
  switch (sort) {
    case 'A_TO_Z':
      return products.sort(byName);
    case 'Z_TO_A':
      return products.sort((a, b) => byName(b, a));
    case 'FEATURED':
      return products.sort((a, b) => Number(b.is_featured) - Number(a.is_featured) || a.id - b.id);
    case 'NEWEST':
      return products.sort((a, b) => b.date_created.localeCompare(a.date_created) || b.id - a.id);
    case 'BEST_SELLING':
      return products.sort((a, b) => b.total_sold - a.total_sold || a.id - b.id);
    case 'LOWEST_PRICE':
      return products.sort((a, b) => price(a) - price(b) || a.id - b.id);
    case 'HIGHEST_PRICE':
      return products.sort((a, b) => price(b) - price(a) || a.id - b.id);
    case 'RELEVANCE': {
      // Name hits before description-only hits; otherwise the default order.
      const nameHits = (p: BcProduct) => words.filter((w) => p.name.toLowerCase().includes(w)).length;
      return products.sort((a, b) => nameHits(b) - nameHits(a));
    }
  }
}
