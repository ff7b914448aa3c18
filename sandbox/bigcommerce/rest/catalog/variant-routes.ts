import { readInList, readIntList } from '../../http/filters';
import { v3Error, v3NotFound, v3Unprocessable } from '../../http/errors';
import { isResponse, readPage, single, v3Page } from '../../http/pagination';
import type { Router } from '../../http/router';
import type { SandboxResponse } from '../../http/types';
import type { BcStore } from '../../store/store';
import type { BcProduct, BcVariant } from '../../store/types';
import { fieldErrors, idParam } from './field-errors';
import { skuOwner } from './product-model';
import { findProduct, mapData, passThroughQuery, productNotFound } from './route-helpers';
import { variantBatchItemInput, variantPostInput, variantPutInput, type VariantPutInput } from './schemas';
import { createOptionVariant, deleteVariant, duplicateCombination, resolveOptionValues, updateVariant } from './variant-model';
import { readFieldSelection, selectVariantFields, variantView } from './views';

/** product-variants_catalog.v3.yml: "Currently the limit is 50 variants" per batch PUT. */
const VARIANT_BATCH_LIMIT = 50;

export function registerVariantRoutes(router: Router): void {
  router.get('/v3/catalog/products/:product_id/variants', (req, { store }) => {
    const product = findProduct(store, req.params.product_id);
    if (!product) return productNotFound();
    const page = readPage(req.query);
    if (isResponse(page)) return page;
    const selection = readFieldSelection(req.query, new Set());
    return mapData(v3Page(product.variants, page, passThroughQuery(req.query)), (v: BcVariant) => selectVariantFields(v, selection));
  });

  router.post('/v3/catalog/products/:product_id/variants', (req, { store }) => {
    const product = findProduct(store, req.params.product_id);
    if (!product) return productNotFound();
    const parsed = variantPostInput.safeParse(req.body);
    if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, req.body));
    if (skuOwner(store, parsed.data.sku) !== undefined) return skuConflict(parsed.data.sku);
    const created = createOptionVariant(store, product, { ...parsed.data, product_id: product.id });
    if (typeof created === 'string') return v3Unprocessable({ option_values: created });
    return single(variantView(created));
  });

  router.get('/v3/catalog/products/:product_id/variants/:variant_id', (req, { store }) => {
    const found = findVariant(store, req.params.product_id, req.params.variant_id);
    if ('status' in found) return found;
    return single(selectVariantFields(found.variant, readFieldSelection(req.query, new Set())));
  });

  router.put('/v3/catalog/products/:product_id/variants/:variant_id', (req, { store }) => {
    const found = findVariant(store, req.params.product_id, req.params.variant_id);
    if ('status' in found) return found;
    const parsed = variantPutInput.safeParse(req.body);
    if (!parsed.success) return v3Unprocessable(fieldErrors(parsed.error, req.body));
    const conflict = variantSkuConflict(store, found.variant, parsed.data);
    if (conflict) return conflict;
    updateVariant(store, found.product, found.variant, parsed.data);
    return single(variantView(found.variant));
  });

  router.delete('/v3/catalog/products/:product_id/variants/:variant_id', (req, { store }) => {
    const found = findVariant(store, req.params.product_id, req.params.variant_id);
    if ('status' in found) return found;
    // [I] The emulator keeps "every product has at least one variant": the last variant cannot be deleted.
    if (found.product.variants.length === 1) {
      return v3Unprocessable({ variant_id: 'The last variant of a product cannot be deleted; delete the product instead.' });
    }
    deleteVariant(store, found.product, found.variant);
    return { status: 204 };
  });

  router.get('/v3/catalog/variants', (req, { store }) => {
    const page = readPage(req.query);
    if (isResponse(page)) return page;
    const ids = readIntList(req.query, 'id');
    const productIds = readIntList(req.query, 'product_id');
    if (ids.invalid || productIds.invalid) {
      return v3Error(422, 'The filter(s) specified are invalid.', {
        ...(ids.invalid ? { 'id:in': ids.invalid } : {}),
        ...(productIds.invalid ? { 'product_id:in': productIds.invalid } : {}),
      });
    }
    const skus = readInList(req.query, 'sku');
    const upc = req.query.get('upc');
    const variants = [...store.variants.values()]
      .filter(
        (v) =>
          (!ids.values || ids.values.includes(v.id)) &&
          (!productIds.values || productIds.values.includes(v.product_id)) &&
          (!skus || skus.includes(v.sku)) &&
          (upc === null || v.upc === upc),
      )
      .sort((a, b) => a.id - b.id);
    const selection = readFieldSelection(req.query, new Set());
    return mapData(v3Page(variants, page, passThroughQuery(req.query)), (v: BcVariant) => selectVariantFields(v, selection));
  });

  router.put('/v3/catalog/variants', (req, { store }) => {
    if (!Array.isArray(req.body)) return v3Unprocessable({ body: 'error.expected.jsarray' });
    if (req.body.length > VARIANT_BATCH_LIMIT) {
      return v3Error(413, `The request payload is too large. The maximum items allowed in the array is ${VARIANT_BATCH_LIMIT}`);
    }
    const plan = planBatch(store, req.body);
    if ('batch_errors' in plan) return { status: 422, body: plan };
    const results: BcVariant[] = [];
    for (const step of plan.steps) {
      if (step.kind === 'update') {
        updateVariant(store, step.product, step.variant, step.input);
        results.push(step.variant);
      } else {
        const created = createOptionVariant(store, step.product, step.input);
        // Planning resolved the options already, so creation cannot fail here.
        if (typeof created !== 'string') results.push(created);
      }
    }
    return { status: 200, body: { data: results.map(variantView), meta: {} } };
  });
}

type BatchStep =
  | { kind: 'update'; product: BcProduct; variant: BcVariant; input: VariantPutInput }
  | { kind: 'create'; product: BcProduct; input: Parameters<typeof createOptionVariant>[2] };

/** Validates every item before anything changes; 422 lists one entry per failing item, as the spec's `batch_errors`. */
function planBatch(store: BcStore, items: unknown[]): { steps: BatchStep[] } | { batch_errors: unknown[] } {
  const steps: BatchStep[] = [];
  const batchErrors: unknown[] = [];
  const fail = (errors: Record<string, string>, title = 'JSON data is missing or invalid') =>
    batchErrors.push({ status: 422, title, type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes', errors });
  const batchSkus = new Set<string>();
  for (const [index, item] of items.entries()) {
    const parsed = variantBatchItemInput.safeParse(item);
    if (!parsed.success) {
      fail(fieldErrors(parsed.error, item, `[${index}].`));
      continue;
    }
    const data = parsed.data;
    const sku = data.sku;
    if (sku !== undefined && batchSkus.has(sku)) fail({ [`[${index}].sku`]: `Sku ${sku} appears twice in the batch.` });
    if (sku !== undefined) batchSkus.add(sku);
    if ('id' in data) {
      const { id, ...input } = data;
      const variant = store.variants.get(id);
      const product = variant && store.products.get(variant.product_id);
      if (!variant || !product) {
        fail({ [`[${index}].id`]: `Variant ${id} does not exist.` });
        continue;
      }
      const owner = input.sku === undefined ? undefined : store.variantIdBySku.get(input.sku);
      if (input.sku !== undefined && ((owner !== undefined && owner !== id) || (owner === undefined && skuOwner(store, input.sku) !== undefined && skuOwner(store, input.sku) !== product.id))) {
        fail({ [`[${index}].sku`]: `Sku ${input.sku} is not unique.` }, 'The variant sku is a duplicate');
        continue;
      }
      steps.push({ kind: 'update', product, variant, input });
    } else {
      const product = store.products.get(data.product_id);
      if (!product) {
        fail({ [`[${index}].product_id`]: `Product ${data.product_id} does not exist.` });
        continue;
      }
      if (skuOwner(store, data.sku) !== undefined) {
        fail({ [`[${index}].sku`]: `Sku ${data.sku} is not unique.` }, 'The variant sku is a duplicate');
        continue;
      }
      // Resolve without creating options so a failing batch leaves the product untouched.
      const resolved = resolveOptionValues(store, product, data.option_values, false);
      if ('error' in resolved) fail({ [`[${index}].option_values`]: resolved.error });
      else if (duplicateCombination(product, resolved.values)) fail({ [`[${index}].option_values`]: 'A variant with this option value combination already exists.' });
      else steps.push({ kind: 'create', product, input: data });
    }
  }
  return batchErrors.length > 0 ? { batch_errors: batchErrors } : { steps };
}

function findVariant(store: BcStore, rawProductId: string | undefined, rawVariantId: string | undefined): { product: BcProduct; variant: BcVariant } | SandboxResponse {
  const product = findProduct(store, rawProductId);
  if (!product) return productNotFound();
  const variantId = idParam(rawVariantId);
  const variant = product.variants.find((v) => v.id === variantId);
  return variant ? { product, variant } : v3NotFound('The requested variant was not found.');
}

function variantSkuConflict(store: BcStore, variant: BcVariant, input: VariantPutInput): SandboxResponse | undefined {
  if (input.sku === undefined || input.sku === variant.sku) return undefined;
  return skuOwner(store, input.sku) === undefined ? undefined : skuConflict(input.sku);
}

function skuConflict(sku: string): SandboxResponse {
  return v3Error(409, 'The variant sku is a duplicate', { sku: `Sku ${sku} is not unique.` });
}
