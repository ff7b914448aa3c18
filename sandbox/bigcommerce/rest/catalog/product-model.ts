import type { BcStore } from '../../store/store';
import { nowIso } from '../../store/store';
import type { BcProduct, BcVariant } from '../../store/types';
import type { ProductPostInput, ProductPutInput } from './schemas';
import { createOptionVariant, emitSku, priceVariant } from './variant-model';
import { v3Error } from '../../http/errors';
import type { SandboxResponse } from '../../http/types';

/**
 * Product lifecycle in the emulated catalog. A product without options owns exactly one *base variant* that
 * mirrors the product's SKU and prices (BigCommerce's `base_variant_id`); a product with options owns only its
 * option variants. `store.variants` / `store.variantIdBySku` are updated on every change so price lists,
 * inventory and GraphQL (which look SKUs up there) never see a stale catalog.
 */

/** 409 when a name or SKU is already taken, or a brand/category does not exist (as the spec's 409 says). */
export function catalogConflict(
  store: BcStore,
  input: { name?: string; sku?: string; brand_id?: number; categories?: number[]; variantSkus?: string[] },
  selfId?: number,
): SandboxResponse | undefined {
  if (input.name !== undefined) {
    const lower = input.name.toLowerCase();
    for (const product of store.products.values()) {
      if (product.id !== selfId && product.name.toLowerCase() === lower) {
        return v3Error(409, `The product name is a duplicate`, { name: `The product name "${input.name}" is already in use.` });
      }
    }
  }
  const skus = [...(input.sku ? [input.sku] : []), ...(input.variantSkus ?? [])];
  const seen = new Set<string>();
  for (const sku of skus) {
    const owner = skuOwner(store, sku);
    if (seen.has(sku) || (owner !== undefined && owner !== selfId)) {
      return v3Error(409, 'The product sku is a duplicate', { sku: `Sku ${sku} is not unique.` });
    }
    seen.add(sku);
  }
  if (input.brand_id !== undefined && input.brand_id !== 0 && !store.brands.has(input.brand_id)) {
    return v3Error(409, 'Brand not found', { brand_id: `Brand ${input.brand_id} does not exist.` });
  }
  const missing = input.categories?.find((id) => !store.categories.has(id));
  if (missing !== undefined) return v3Error(409, 'Category not found', { categories: `Category ${missing} does not exist.` });
  return undefined;
}

/** Product id owning `sku` (as product SKU or any variant SKU). */
export function skuOwner(store: BcStore, sku: string): number | undefined {
  const variantId = store.variantIdBySku.get(sku);
  if (variantId !== undefined) return store.variants.get(variantId)?.product_id;
  for (const product of store.products.values()) if (product.sku === sku) return product.id;
  return undefined;
}

export function createProduct(store: BcStore, input: ProductPostInput): BcProduct {
  const now = nowIso();
  const id = store.nextId('product');
  const price = input.price;
  const product: BcProduct = {
    id,
    name: input.name,
    type: input.type,
    sku: input.sku ?? '',
    description: input.description ?? '',
    weight: input.weight,
    width: input.width ?? 0,
    depth: input.depth ?? 0,
    height: input.height ?? 0,
    price,
    cost_price: input.cost_price ?? 0,
    retail_price: input.retail_price ?? 0,
    sale_price: input.sale_price ?? 0,
    map_price: input.map_price ?? 0,
    calculated_price: price,
    categories: input.categories ?? [],
    brand_id: input.brand_id ?? 0,
    inventory_level: input.inventory_level ?? 0,
    inventory_warning_level: input.inventory_warning_level ?? 0,
    inventory_tracking: input.inventory_tracking ?? 'none',
    is_visible: input.is_visible ?? true,
    is_featured: input.is_featured ?? false,
    availability: input.availability ?? 'available',
    condition: input.condition ?? 'New',
    upc: input.upc ?? '',
    mpn: input.mpn ?? '',
    gtin: input.gtin ?? '',
    search_keywords: input.search_keywords ?? '',
    sort_order: input.sort_order ?? 0,
    total_sold: 0,
    order_quantity_minimum: input.order_quantity_minimum ?? 0,
    order_quantity_maximum: input.order_quantity_maximum ?? 0,
    custom_url: { url: input.custom_url?.url ?? `/${slug(input.name)}/`, is_customized: input.custom_url?.is_customized ?? false },
    custom_fields: [],
    bulk_pricing_rules: [],
    images: [],
    options: [],
    variants: [],
    date_created: now,
    date_modified: now,
  };
  setSubResources(store, product, input);
  store.products.set(id, product);
  if (input.variants && input.variants.length > 0) {
    for (const variant of input.variants) createOptionVariant(store, product, { ...variant, product_id: id });
  } else {
    addVariant(store, product, baseVariant(store, product));
  }
  repriceProduct(product);
  store.emit('store/product/created', { type: 'product', id });
  return product;
}

export function updateProduct(store: BcStore, product: BcProduct, input: ProductPutInput): void {
  const { custom_fields, bulk_pricing_rules, custom_url, ...scalars } = input;
  const previousSku = product.sku;
  Object.assign(product, scalars);
  if (custom_url) product.custom_url = { url: custom_url.url, is_customized: custom_url.is_customized ?? true };
  setSubResources(store, product, { custom_fields, bulk_pricing_rules });
  const base = baseVariantOf(product);
  if (base) {
    // The base variant *is* the product's SKU in BigCommerce: renaming one renames the other.
    if (base.sku !== product.sku) {
      store.variantIdBySku.delete(previousSku);
      base.sku = product.sku;
      if (product.sku) store.variantIdBySku.set(product.sku, base.id);
    }
    if (input.upc !== undefined) base.upc = input.upc;
    if (input.inventory_level !== undefined) base.inventory_level = input.inventory_level;
  }
  repriceProduct(product);
  product.date_modified = nowIso();
  store.emit('store/product/updated', { type: 'product', id: product.id });
}

export function deleteProduct(store: BcStore, product: BcProduct): void {
  for (const variant of product.variants) forgetVariant(store, variant);
  store.products.delete(product.id);
  store.emit('store/product/deleted', { type: 'product', id: product.id });
}

/** The base variant of a product without options (undefined once the product has option variants). */
export function baseVariantOf(product: BcProduct): BcVariant | undefined {
  const only = product.variants[0];
  return product.variants.length === 1 && only && only.option_values.length === 0 ? only : undefined;
}

export function addVariant(store: BcStore, product: BcProduct, variant: BcVariant): void {
  product.variants.push(variant);
  store.variants.set(variant.id, variant);
  if (variant.sku) store.variantIdBySku.set(variant.sku, variant.id);
}

/** Removes a variant from the lookup maps and drops its price records and stock, as deleting a SKU does. */
export function forgetVariant(store: BcStore, variant: BcVariant): void {
  store.variants.delete(variant.id);
  if (store.variantIdBySku.get(variant.sku) === variant.id) store.variantIdBySku.delete(variant.sku);
  for (const records of store.priceRecords.values()) {
    for (const [key, record] of records) if (record.variant_id === variant.id) records.delete(key);
  }
  for (const [key, level] of store.inventory) if (level.variant_id === variant.id) store.inventory.delete(key);
  emitSku(store, 'store/sku/deleted', variant);
}

/** Recomputes calculated prices after a product price change (variants with `price: null` inherit). */
export function repriceProduct(product: BcProduct): void {
  product.calculated_price = product.sale_price > 0 ? product.sale_price : product.price;
  for (const variant of product.variants) priceVariant(product, variant);
}

function baseVariant(store: BcStore, product: BcProduct): BcVariant {
  return {
    id: store.nextId('variant'),
    product_id: product.id,
    sku: product.sku,
    sku_id: null,
    price: null,
    calculated_price: product.price,
    sale_price: null,
    retail_price: null,
    map_price: null,
    weight: null,
    calculated_weight: product.weight,
    cost_price: null,
    upc: product.upc,
    mpn: product.mpn,
    gtin: product.gtin,
    inventory_level: product.inventory_level,
    inventory_warning_level: product.inventory_warning_level,
    bin_picking_number: '',
    purchasing_disabled: false,
    purchasing_disabled_message: '',
    image_url: '',
    option_values: [],
  };
}

function setSubResources(
  store: BcStore,
  product: BcProduct,
  input: Pick<ProductPutInput, 'custom_fields' | 'bulk_pricing_rules'>,
): void {
  if (input.custom_fields) {
    product.custom_fields = input.custom_fields.map((field) => ({ id: store.nextId('custom_field'), ...field }));
  }
  if (input.bulk_pricing_rules) {
    product.bulk_pricing_rules = input.bulk_pricing_rules.map((rule) => ({ id: store.nextId('bulk_pricing_rule'), ...rule }));
  }
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
