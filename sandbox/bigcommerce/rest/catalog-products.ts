import { readIncludes } from '../http/filters';
import { v3Error, v3Unprocessable } from '../http/errors';
import { isResponse, readPage, single, v3Page } from '../http/pagination';
import type { Router } from '../http/router';
import type { SandboxResponse } from '../http/types';
import type { BcStore } from '../store/store';
import type { BcProduct } from '../store/types';
import { fieldErrors } from './catalog/field-errors';
import { findProduct, mapData, passThroughQuery, productNotFound } from './catalog/route-helpers';
import { catalogConflict, createProduct, deleteProduct, updateProduct } from './catalog/product-model';
import { filterProducts } from './catalog/product-query';
import { productBatchItemInput, productPostInput, productPutInput, type ProductPutInput } from './catalog/schemas';
import { productView, readFieldSelection } from './catalog/views';
import { registerVariantRoutes } from './catalog/variant-routes';

/** Batch limits from products_catalog.v3.yml: PUT ≤ 10 products, DELETE ≤ 250 ids. */
const PRODUCT_BATCH_LIMIT = 10;
const PRODUCT_DELETE_LIMIT = 250;

/** `/v3/catalog/products` (+ variants) as products_catalog.v3.yml and product-variants_catalog.v3.yml define it. */
export function registerCatalogProductRoutes(router: Router): void {
  router.get('/v3/catalog/products', (req, { store }) => {
    const page = readPage(req.query);
    if (isResponse(page)) return page;
    const products = filterProducts(store.products.values(), req.query);
    if (!Array.isArray(products)) return v3Error(422, 'The filter(s) specified are invalid.', products.invalid);
    const selection = readFieldSelection(req.query, readIncludes(req.query));
    const listed = v3Page(products, page, passThroughQuery(req.query));
    return mapData(listed, (p: BcProduct) => productView(p, selection));
  });

  router.get('/v3/catalog/products/:product_id', (req, { store }) => {
    const product = findProduct(store, req.params.product_id);
    if (!product) return productNotFound();
    return single(productView(product, readFieldSelection(req.query, readIncludes(req.query))));
  });

  router.post('/v3/catalog/products', (req, { store }) => {
    const parsed = productPostInput.safeParse(req.body);
    if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, req.body));
    const input = parsed.data;
    const conflict = catalogConflict(store, {
      name: input.name,
      sku: input.sku || undefined,
      brand_id: input.brand_id,
      categories: input.categories,
      variantSkus: input.variants?.map((v) => v.sku),
    });
    if (conflict) return conflict;
    const product = createProduct(store, input);
    return single(productView(product, readFieldSelection(req.query, new Set(['variants', 'images', 'custom_fields', 'bulk_pricing_rules']))));
  });

  router.put('/v3/catalog/products/:product_id', (req, { store }) => {
    const product = findProduct(store, req.params.product_id);
    if (!product) return productNotFound();
    const parsed = productPutInput.safeParse(req.body);
    if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, req.body));
    const conflict = conflictFor(store, parsed.data, product.id);
    if (conflict) return conflict;
    updateProduct(store, product, parsed.data);
    return single(productView(product, readFieldSelection(req.query, new Set(['variants', 'images', 'custom_fields', 'bulk_pricing_rules']))));
  });

  router.put('/v3/catalog/products', (req, { store }) => {
    if (!Array.isArray(req.body)) return v3Unprocessable({ body: 'error.expected.jsarray' });
    if (req.body.length > PRODUCT_BATCH_LIMIT) {
      return v3Error(413, `The request payload is too large. The maximum items allowed in the array is ${PRODUCT_BATCH_LIMIT}.`);
    }
    // All-or-nothing: every item is validated before any product changes.
    const updates: { product: BcProduct; input: ProductPutInput }[] = [];
    for (const [index, item] of req.body.entries()) {
      const parsed = productBatchItemInput.safeParse(item);
      if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, item, `[${index}].`));
      const { id, ...input } = parsed.data;
      const product = store.products.get(id);
      if (!product) return v3Unprocessable({ [`[${index}].id`]: `Product ${id} does not exist.` });
      const conflict = conflictFor(store, input, id);
      if (conflict) return conflict;
      updates.push({ product, input });
    }
    for (const { product, input } of updates) updateProduct(store, product, input);
    const selection = readFieldSelection(req.query, new Set());
    return { status: 200, body: { data: updates.map((u) => productView(u.product, selection)), meta: {} } };
  });

  router.delete('/v3/catalog/products/:product_id', (req, { store }) => {
    const product = findProduct(store, req.params.product_id);
    if (!product) return productNotFound();
    deleteProduct(store, product);
    return { status: 204 };
  });

  router.delete('/v3/catalog/products', (req, { store }) => {
    // A filter is mandatory so a bare DELETE cannot wipe the catalog (spec: "you must include a filter").
    if (![...req.query.keys()].some((k) => k !== 'page' && k !== 'limit')) {
      return v3Unprocessable({ filter: 'At least one filter is required to delete products.' });
    }
    const products = filterProducts(store.products.values(), req.query);
    if (!Array.isArray(products)) return v3Error(422, 'The filter(s) specified are invalid.', products.invalid);
    if (products.length > PRODUCT_DELETE_LIMIT) {
      return v3Error(413, `The request payload is too large. The maximum number of products deleted at once is ${PRODUCT_DELETE_LIMIT}.`);
    }
    for (const product of products) deleteProduct(store, product);
    return { status: 204 };
  });

  registerVariantRoutes(router);
}

function conflictFor(store: BcStore, input: ProductPutInput, selfId: number): SandboxResponse | undefined {
  return catalogConflict(store, { name: input.name, sku: input.sku || undefined, brand_id: input.brand_id, categories: input.categories }, selfId);
}
