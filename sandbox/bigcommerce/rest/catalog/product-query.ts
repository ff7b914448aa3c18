import { readInList, readIntList } from '../../http/filters';
import type { BcProduct } from '../../store/types';

/**
 * The `GET /v3/catalog/products` filters the storefront and the ERP sync use. Returns the matching products
 * in the requested order, or `{invalid}` naming the bad filter (BigCommerce answers 422 for those).
 */
export function filterProducts(products: Iterable<BcProduct>, query: URLSearchParams): BcProduct[] | { invalid: Record<string, string> } {
  const invalid: Record<string, string> = {};
  const ids = readIntList(query, 'id');
  if (ids.invalid) invalid['id:in'] = ids.invalid;
  const categories = readIntList(query, 'categories');
  if (categories.invalid) invalid['categories:in'] = categories.invalid;
  const brand = optionalInt(query, 'brand_id', invalid);
  const idMin = optionalInt(query, 'id:min', invalid);
  const idMax = optionalInt(query, 'id:max', invalid);
  const visible = optionalBool(query, 'is_visible', invalid);
  const featured = optionalBool(query, 'is_featured', invalid);
  const sort = query.get('sort') ?? 'id';
  const sortable = ['id', 'name', 'sku', 'price', 'date_modified', 'date_last_imported', 'inventory_level', 'is_visible', 'total_sold', 'calculated_price'];
  if (!sortable.includes(sort)) invalid.sort = `sort must be one of ${sortable.join(', ')}`;
  const direction = query.get('direction') ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc') invalid.direction = 'direction must be asc or desc';
  if (Object.keys(invalid).length > 0) return { invalid };

  const skus = readInList(query, 'sku');
  const name = query.get('name');
  const keyword = query.get('keyword')?.toLowerCase();
  const type = query.get('type');
  const matches = [...products].filter(
    (p) =>
      (!ids.values || ids.values.includes(p.id)) &&
      (!skus || skus.includes(p.sku)) &&
      (name === null || p.name === name) &&
      (keyword === undefined || [p.name, p.sku, p.description, p.search_keywords].some((text) => text.toLowerCase().includes(keyword))) &&
      (!categories.values || categories.values.some((c) => p.categories.includes(c))) &&
      (brand === undefined || p.brand_id === brand) &&
      (idMin === undefined || p.id >= idMin) &&
      (idMax === undefined || p.id <= idMax) &&
      (visible === undefined || p.is_visible === visible) &&
      (featured === undefined || p.is_featured === featured) &&
      (type === null || p.type === type),
  );
  const key = sort as keyof BcProduct;
  const sign = direction === 'desc' ? -1 : 1;
  return matches.sort((a, b) => sign * compare(a[key], b[key]) || a.id - b.id);
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function optionalInt(query: URLSearchParams, name: string, invalid: Record<string, string>): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) invalid[name] = `${name} must be an integer, got "${raw}"`;
  return value;
}

function optionalBool(query: URLSearchParams, name: string, invalid: Record<string, string>): boolean | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  invalid[name] = `${name} must be true or false, got "${raw}"`;
  return undefined;
}
