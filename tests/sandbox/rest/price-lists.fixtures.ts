import type { BcStore } from '../../../sandbox/bigcommerce/store/store';
import type { BcProduct, BcVariant } from '../../../sandbox/bigcommerce/store/types';

/**
 * Minimal catalog rows written straight into the sandbox store (the catalog routes and the demo-data generator
 * are built elsewhere). Shared by the price-list, inventory and webhook tests.
 */
export function addProduct(
  store: BcStore,
  options: { sku: string; variantSkus?: string[]; tracking?: BcProduct['inventory_tracking']; price?: number },
): { product: BcProduct; variants: BcVariant[] } {
  const id = store.nextId('product');
  const now = new Date().toISOString();
  const skus = options.variantSkus ?? [options.sku];
  const hasOptions = options.variantSkus !== undefined;
  const variants: BcVariant[] = skus.map((sku) => {
    const variantId = store.nextId('variant');
    return {
      id: variantId, product_id: id, sku, sku_id: hasOptions ? variantId : null, price: null, calculated_price: options.price ?? 10,
      sale_price: null, retail_price: null, map_price: null, weight: null, calculated_weight: 1, cost_price: null, upc: '', mpn: '', gtin: '',
      inventory_level: 0, inventory_warning_level: 0, bin_picking_number: '', purchasing_disabled: false, purchasing_disabled_message: '',
      image_url: '', option_values: [],
    };
  });
  const product: BcProduct = {
    id, name: `Product ${options.sku}`, type: 'physical', sku: options.sku, description: '', weight: 1, width: 0, depth: 0, height: 0,
    price: options.price ?? 10, cost_price: 0, retail_price: 0, sale_price: 0, map_price: 0, calculated_price: options.price ?? 10,
    categories: [], brand_id: 0, inventory_level: 0, inventory_warning_level: 0, inventory_tracking: options.tracking ?? (hasOptions ? 'variant' : 'product'),
    is_visible: true, is_featured: false, availability: 'available', condition: 'New', upc: '', mpn: '', gtin: '', search_keywords: '',
    sort_order: 0, total_sold: 0, order_quantity_minimum: 0, order_quantity_maximum: 0, custom_url: { url: `/p-${id}/`, is_customized: false },
    custom_fields: [], bulk_pricing_rules: [], images: [],
    options: hasOptions ? [{ id: store.nextId('option'), product_id: id, display_name: 'Size', type: 'dropdown', sort_order: 0, option_values: [] }] : [],
    variants, date_created: now, date_modified: now,
  };
  store.products.set(id, product);
  for (const v of variants) {
    store.variants.set(v.id, v);
    store.variantIdBySku.set(v.sku, v.id);
  }
  return { product, variants };
}

export function addCustomerGroup(store: BcStore, name: string): number {
  const id = store.nextId('customer_group');
  const now = new Date().toISOString();
  store.customerGroups.set(id, {
    id, name, is_default: false, category_access: { type: 'all' }, discount_rules: [], is_group_for_guests: false, date_created: now, date_modified: now,
  });
  return id;
}

/** Body typing helpers so assertions stay free of `any`. */
export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export function dataArray(body: unknown): Record<string, unknown>[] {
  const data = asRecord(body).data;
  if (!Array.isArray(data)) throw new Error(`expected data[], got ${JSON.stringify(body)}`);
  return data as Record<string, unknown>[];
}
