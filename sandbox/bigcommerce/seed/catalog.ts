import type { DemoDataset, DemoProduct } from '../../demo-data/types';
import { fromMinor } from '../store/money';
import type { BcStore } from '../store/store';
import type { BcCategory, BcProduct, BcVariant } from '../store/types';

/** The category tree and products with their options and variants, in catalog API shapes. */
export function seedCategories(store: BcStore, dataset: DemoDataset): void {
  const byId = new Map(dataset.categories.map((c) => [c.id, c]));
  const pathOf = (id: number): string => {
    const category = byId.get(id);
    if (!category) return '';
    return `${category.parentId === null ? '' : pathOf(category.parentId).replace(/\/$/, '')}/${category.slug}/`;
  };
  for (const category of dataset.categories) {
    const bc: BcCategory = {
      id: category.id,
      parent_id: category.parentId ?? 0,
      name: category.name,
      description: category.description,
      sort_order: category.sortOrder,
      page_title: category.name,
      is_visible: true,
      image_url: '',
      custom_url: { url: pathOf(category.id), is_customized: false },
    };
    store.categories.set(bc.id, bc);
    store.reserveId('category', bc.id);
  }
}

export function seedProduct(store: BcStore, product: DemoProduct, created: string): void {
  const optionIds = new Map<string, number>();
  const valueIds = new Map<string, number>();
  const options = product.options.map((option, optionIndex) => {
    const optionId = store.nextId('option');
    optionIds.set(option.name, optionId);
    return {
      id: optionId,
      product_id: product.id,
      display_name: option.name,
      type: 'dropdown' as const,
      sort_order: optionIndex,
      option_values: option.values.map((label, valueIndex) => {
        const valueId = store.nextId('option_value');
        valueIds.set(`${option.name}\u0000${label}`, valueId);
        return { id: valueId, label, sort_order: valueIndex, is_default: valueIndex === 0 };
      }),
    };
  });

  const price = fromMinor(product.price);
  const variants: BcVariant[] = product.variants.map((variant) => ({
    id: variant.id,
    product_id: product.id,
    sku: variant.sku,
    sku_id: product.options.length > 0 ? variant.id : null,
    price: variant.price === null ? null : fromMinor(variant.price),
    calculated_price: variant.price === null ? price : fromMinor(variant.price),
    sale_price: null,
    retail_price: null,
    map_price: null,
    weight: null,
    calculated_weight: product.weightGrams / 1000,
    cost_price: null,
    upc: variant.upc,
    mpn: '',
    gtin: '',
    inventory_level: 0,
    inventory_warning_level: 0,
    bin_picking_number: '',
    purchasing_disabled: false,
    purchasing_disabled_message: '',
    image_url: '',
    option_values: variant.optionValues.map((value) => ({
      id: valueIds.get(`${value.optionName}\u0000${value.label}`) ?? 0,
      label: value.label,
      option_id: optionIds.get(value.optionName) ?? 0,
      option_display_name: value.optionName,
    })),
  }));

  const bc: BcProduct = {
    id: product.id,
    name: product.name,
    type: 'physical',
    sku: product.sku,
    description: product.description,
    weight: product.weightGrams / 1000,
    width: 0,
    depth: 0,
    height: 0,
    price,
    cost_price: fromMinor(product.cost),
    retail_price: product.retailPrice === null ? 0 : fromMinor(product.retailPrice),
    sale_price: product.salePrice === null ? 0 : fromMinor(product.salePrice),
    map_price: 0,
    calculated_price: product.salePrice === null ? price : fromMinor(product.salePrice),
    categories: [...product.categoryIds],
    brand_id: product.brandId,
    inventory_level: 0,
    inventory_warning_level: 0,
    inventory_tracking: product.inventoryTracking,
    is_visible: true,
    is_featured: product.isFeatured,
    availability: 'available',
    condition: 'New',
    upc: product.variants[0]?.upc ?? '',
    mpn: '',
    gtin: '',
    search_keywords: '',
    sort_order: 0,
    total_sold: 0,
    order_quantity_minimum: 0,
    order_quantity_maximum: 0,
    custom_url: { url: product.path, is_customized: true },
    custom_fields: product.specs.map((spec) => ({
      id: store.nextId('custom_field'),
      name: spec.name,
      value: spec.value,
    })),
    bulk_pricing_rules: product.bulkPricingRules.map((rule) => ({
      id: store.nextId('bulk_pricing_rule'),
      quantity_min: rule.quantityMin,
      quantity_max: rule.quantityMax ?? 0,
      type: rule.type,
      amount:
        rule.type === 'percent' ? rule.percentOff : fromMinor(rule.type === 'price' ? rule.amountOff : rule.unitPrice),
    })),
    images: product.images.map((image, index) => ({
      id: store.nextId('image'),
      product_id: product.id,
      is_thumbnail: image.isThumbnail,
      sort_order: index,
      description: image.alt,
      image_file: image.url,
      url_zoom: image.url,
      url_standard: image.url,
      url_thumbnail: image.url,
      url_tiny: image.url,
      date_modified: created,
    })),
    options,
    variants,
    date_created: created,
    date_modified: created,
  };
  store.products.set(bc.id, bc);
  store.reserveId('product', bc.id);
  for (const variant of variants) {
    store.variants.set(variant.id, variant);
    store.variantIdBySku.set(variant.sku, variant.id);
    store.reserveId('variant', variant.id);
  }
}
