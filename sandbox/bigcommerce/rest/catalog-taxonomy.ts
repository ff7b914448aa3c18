import { z } from 'zod';
import { readIntList } from '../http/filters';
import { v3Error, v3NotFound, v3Unprocessable } from '../http/errors';
import { isResponse, readPage, single, v3Page } from '../http/pagination';
import type { Router } from '../http/router';
import type { SandboxResponse } from '../http/types';
import { nowIso, type BcStore } from '../store/store';
import type { BcBrand, BcCategory } from '../store/types';
import { fieldErrors, idParam } from './catalog/field-errors';
import { passThroughQuery } from './catalog/route-helpers';

/**
 * `/v3/catalog/categories` and `/v3/catalog/brands`. No spec for these is shipped in ../shared, so the shapes
 * follow BigCommerce's documented category/brand objects (the store types). Deleting a category or brand
 * detaches it from products, as BigCommerce does, so products never point at missing taxonomy.
 */

const customUrl = z.object({ url: z.string().min(1).max(255), is_customized: z.boolean().optional() });
const categoryFields = {
  parent_id: z.number().int().min(0),
  name: z.string().min(1).max(50),
  description: z.string(),
  sort_order: z.number().int(),
  page_title: z.string(),
  is_visible: z.boolean(),
  image_url: z.string(),
  custom_url: customUrl,
};
const categoryPost = z.object(categoryFields).partial().required({ parent_id: true, name: true });
const categoryPut = z.object(categoryFields).partial();

const brandFields = {
  name: z.string().min(1).max(255),
  page_title: z.string(),
  meta_keywords: z.array(z.string()),
  meta_description: z.string(),
  image_url: z.string(),
  search_keywords: z.string(),
  custom_url: customUrl,
};
const brandPost = z.object(brandFields).partial().required({ name: true });
const brandPut = z.object(brandFields).partial();

export function registerCatalogTaxonomyRoutes(router: Router): void {
  router.get('/v3/catalog/categories', (req, { store }) => {
    const page = readPage(req.query);
    if (isResponse(page)) return page;
    const ids = readIntList(req.query, 'id');
    const parents = readIntList(req.query, 'parent_id');
    if (ids.invalid || parents.invalid) return v3Error(422, 'The filter(s) specified are invalid.', { filter: ids.invalid ?? parents.invalid });
    const name = req.query.get('name');
    const visible = req.query.get('is_visible');
    const rows = [...store.categories.values()]
      .filter(
        (c) =>
          (!ids.values || ids.values.includes(c.id)) &&
          (!parents.values || parents.values.includes(c.parent_id)) &&
          (name === null || c.name === name) &&
          (visible === null || String(c.is_visible) === visible),
      )
      .sort((a, b) => a.id - b.id);
    return v3Page(rows, page, passThroughQuery(req.query));
  });

  router.get('/v3/catalog/categories/:id', (req, { store }) => {
    const category = store.categories.get(idParam(req.params.id) ?? 0);
    return category ? single(category) : v3NotFound('The requested category was not found.');
  });

  router.post('/v3/catalog/categories', (req, { store }) => {
    const parsed = categoryPost.safeParse(req.body);
    if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, req.body));
    const input = parsed.data;
    const problem = categoryProblem(store, input.parent_id, input.name);
    if (problem) return problem;
    const id = store.nextId('category');
    const category: BcCategory = {
      id,
      parent_id: input.parent_id,
      name: input.name,
      description: input.description ?? '',
      sort_order: input.sort_order ?? 0,
      page_title: input.page_title ?? '',
      is_visible: input.is_visible ?? true,
      image_url: input.image_url ?? '',
      custom_url: { url: input.custom_url?.url ?? `/${slug(input.name)}/`, is_customized: input.custom_url?.is_customized ?? false },
    };
    store.categories.set(id, category);
    store.emit('store/category/created', { type: 'category', id });
    return single(category);
  });

  router.put('/v3/catalog/categories/:id', (req, { store }) => {
    const category = store.categories.get(idParam(req.params.id) ?? 0);
    if (!category) return v3NotFound('The requested category was not found.');
    const parsed = categoryPut.safeParse(req.body);
    if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, req.body));
    const input = parsed.data;
    const problem = categoryProblem(store, input.parent_id ?? category.parent_id, input.name ?? category.name, category.id);
    if (problem) return problem;
    const { custom_url, ...rest } = input;
    Object.assign(category, rest);
    if (custom_url) category.custom_url = { url: custom_url.url, is_customized: custom_url.is_customized ?? true };
    store.emit('store/category/updated', { type: 'category', id: category.id });
    return single(category);
  });

  router.delete('/v3/catalog/categories/:id', (req, { store }) => {
    const category = store.categories.get(idParam(req.params.id) ?? 0);
    if (!category) return v3NotFound('The requested category was not found.');
    deleteCategoryTree(store, category.id);
    return { status: 204 };
  });

  router.delete('/v3/catalog/categories', (req, { store }) => {
    const ids = readIntList(req.query, 'id');
    if (ids.invalid) return v3Error(422, 'The filter(s) specified are invalid.', { 'id:in': ids.invalid });
    if (!ids.values) return v3Unprocessable({ 'id:in': 'A filter is required to delete categories.' });
    for (const id of ids.values) if (store.categories.has(id)) deleteCategoryTree(store, id);
    return { status: 204 };
  });

  router.get('/v3/catalog/brands', (req, { store }) => {
    const page = readPage(req.query);
    if (isResponse(page)) return page;
    const ids = readIntList(req.query, 'id');
    if (ids.invalid) return v3Error(422, 'The filter(s) specified are invalid.', { 'id:in': ids.invalid });
    const name = req.query.get('name');
    const rows = [...store.brands.values()]
      .filter((b) => (!ids.values || ids.values.includes(b.id)) && (name === null || b.name === name))
      .sort((a, b) => a.id - b.id);
    return v3Page(rows, page, passThroughQuery(req.query));
  });

  router.get('/v3/catalog/brands/:id', (req, { store }) => {
    const brand = store.brands.get(idParam(req.params.id) ?? 0);
    return brand ? single(brand) : v3NotFound('The requested brand was not found.');
  });

  router.post('/v3/catalog/brands', (req, { store }) => {
    const parsed = brandPost.safeParse(req.body);
    if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, req.body));
    const input = parsed.data;
    if (brandNameTaken(store, input.name)) return brandConflict(input.name);
    const id = store.nextId('brand');
    const brand: BcBrand = {
      id,
      name: input.name,
      page_title: input.page_title ?? '',
      meta_keywords: input.meta_keywords ?? [],
      meta_description: input.meta_description ?? '',
      image_url: input.image_url ?? '',
      search_keywords: input.search_keywords ?? '',
      custom_url: { url: input.custom_url?.url ?? `/brands/${slug(input.name)}/`, is_customized: input.custom_url?.is_customized ?? false },
    };
    store.brands.set(id, brand);
    return single(brand);
  });

  router.put('/v3/catalog/brands/:id', (req, { store }) => {
    const brand = store.brands.get(idParam(req.params.id) ?? 0);
    if (!brand) return v3NotFound('The requested brand was not found.');
    const parsed = brandPut.safeParse(req.body);
    if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, req.body));
    if (parsed.data.name !== undefined && brandNameTaken(store, parsed.data.name, brand.id)) return brandConflict(parsed.data.name);
    const { custom_url, ...rest } = parsed.data;
    Object.assign(brand, rest);
    if (custom_url) brand.custom_url = { url: custom_url.url, is_customized: custom_url.is_customized ?? true };
    return single(brand);
  });

  router.delete('/v3/catalog/brands/:id', (req, { store }) => {
    const brand = store.brands.get(idParam(req.params.id) ?? 0);
    if (!brand) return v3NotFound('The requested brand was not found.');
    store.brands.delete(brand.id);
    for (const product of store.products.values()) {
      if (product.brand_id === brand.id) {
        product.brand_id = 0;
        product.date_modified = nowIso();
      }
    }
    return { status: 204 };
  });
}

/** 422 for an unknown parent, 409 for a sibling with the same name (category names are unique per parent). */
function categoryProblem(store: BcStore, parentId: number, name: string, selfId?: number): SandboxResponse | undefined {
  if (parentId !== 0 && !store.categories.has(parentId)) return v3Unprocessable({ parent_id: `Category ${parentId} does not exist.` });
  if (selfId !== undefined && parentId === selfId) return v3Unprocessable({ parent_id: 'A category cannot be its own parent.' });
  const lower = name.toLowerCase();
  for (const c of store.categories.values()) {
    if (c.id !== selfId && c.parent_id === parentId && c.name.toLowerCase() === lower) {
      return v3Error(409, 'Category name is a duplicate', { name: `A category named "${name}" already exists under parent ${parentId}.` });
    }
  }
  return undefined;
}

function deleteCategoryTree(store: BcStore, id: number): void {
  for (const child of [...store.categories.values()]) if (child.parent_id === id) deleteCategoryTree(store, child.id);
  store.categories.delete(id);
  for (const product of store.products.values()) {
    if (product.categories.includes(id)) {
      product.categories = product.categories.filter((c) => c !== id);
      product.date_modified = nowIso();
    }
  }
  store.emit('store/category/deleted', { type: 'category', id });
}

function brandNameTaken(store: BcStore, name: string, selfId?: number): boolean {
  const lower = name.toLowerCase();
  return [...store.brands.values()].some((b) => b.id !== selfId && b.name.toLowerCase() === lower);
}

function brandConflict(name: string): SandboxResponse {
  return v3Error(409, 'Brand name is a duplicate', { name: `A brand named "${name}" already exists.` });
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
