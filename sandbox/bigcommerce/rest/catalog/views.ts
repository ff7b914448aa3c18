import type { BcProduct, BcVariant } from '../../store/types';
import { baseVariantOf } from './product-model';

/**
 * Response shapes. The store keeps what the storefront uses; fields the spec's `product_Full` /
 * `productVariant_Full` also carry get BigCommerce's defaults here, so clients see the full object.
 * Sub-resources appear only when named in `include` (BigCommerce omits the keys otherwise).
 */

export const PRODUCT_INCLUDES = ['variants', 'images', 'custom_fields', 'bulk_pricing_rules', 'primary_image', 'modifiers', 'options', 'videos'] as const;

export interface FieldSelection {
  includes: Set<string>;
  /** `include_fields`: only these (plus `id`) are returned. */
  only?: Set<string>;
  /** `exclude_fields`: these are dropped (never `id`). */
  without?: Set<string>;
}

export function productView(product: BcProduct, selection: FieldSelection): Record<string, unknown> {
  const { variants, images, custom_fields, bulk_pricing_rules, options, ...scalars } = product;
  const full: Record<string, unknown> = {
    ...scalars,
    tax_class_id: 0,
    product_tax_code: '',
    fixed_cost_shipping_price: 0,
    is_free_shipping: false,
    related_products: [-1],
    warranty: '',
    bin_picking_number: '',
    layout_file: '',
    availability_description: '',
    gift_wrapping_options_type: 'any',
    gift_wrapping_options_list: [],
    is_condition_shown: false,
    page_title: '',
    meta_keywords: [],
    meta_description: '',
    view_count: 0,
    preorder_release_date: null,
    preorder_message: '',
    is_preorder_only: false,
    is_price_hidden: false,
    price_hidden_label: '',
    open_graph_type: 'product',
    open_graph_title: '',
    open_graph_description: '',
    open_graph_use_meta_description: true,
    open_graph_use_product_name: true,
    open_graph_use_image: true,
    reviews_rating_sum: 0,
    reviews_count: 0,
  };
  // A product with options has no base SKU in this emulator; the spec types the field as a plain integer, so it is left out.
  const base = baseVariantOf(product);
  if (base) full.base_variant_id = base.id;
  const picked = selectFields(full, selection);
  const { includes } = selection;
  if (includes.has('variants')) picked.variants = variants.map(variantView);
  if (includes.has('images')) picked.images = images.map(imageView);
  if (includes.has('primary_image')) {
    const primary = images.find((i) => i.is_thumbnail) ?? images[0];
    // `primary_image` is typed as an object in product_Full; a product without images simply has none.
    if (primary) picked.primary_image = imageView(primary);
  }
  if (includes.has('custom_fields')) picked.custom_fields = custom_fields;
  if (includes.has('bulk_pricing_rules')) picked.bulk_pricing_rules = bulk_pricing_rules;
  if (includes.has('options')) picked.options = options.map((o) => ({ ...o, name: `${o.display_name}-${o.id}`, config: {} }));
  if (includes.has('modifiers')) picked.modifiers = [];
  if (includes.has('videos')) picked.videos = [];
  return picked;
}

export function variantView(variant: BcVariant): Record<string, unknown> {
  return { ...variant, width: null, height: null, depth: null, is_free_shipping: false, fixed_cost_shipping_price: null };
}

export function selectVariantFields(variant: BcVariant, selection: FieldSelection): Record<string, unknown> {
  return selectFields(variantView(variant), selection);
}

function imageView(image: BcProduct['images'][number]): Record<string, unknown> {
  return { ...image, image_url: image.url_standard };
}

function selectFields(full: Record<string, unknown>, { only, without }: FieldSelection): Record<string, unknown> {
  if (!only && !without) return full;
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(full)) {
    if (key !== 'id' && only && !only.has(key)) continue;
    if (key !== 'id' && without?.has(key)) continue;
    picked[key] = value;
  }
  return picked;
}

export function readFieldSelection(query: URLSearchParams, includes: Set<string>): FieldSelection {
  const list = (name: string): Set<string> | undefined => {
    const raw = query.get(name);
    return raw === null ? undefined : new Set(raw.split(',').map((s) => s.trim()).filter(Boolean));
  };
  return { includes, only: list('include_fields'), without: list('exclude_fields') };
}
