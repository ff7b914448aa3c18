import type { BcStore } from '../../store/store';
import { nowIso } from '../../store/store';
import type { BcOptionValue, BcProduct, BcVariant } from '../../store/types';
import { addVariant, baseVariantOf, forgetVariant } from './product-model';
import type { VariantPostInput, VariantPutInput } from './schemas';

/**
 * Option variants. Creating the first option variant of a product retires its base variant (BigCommerce stops
 * selling the bare product once it has options), and option values given as `{option_display_name, label}`
 * create the option / value on the fly as product creation with `variants[]` does.
 */

/** Returns an error message naming the field when the option values cannot be resolved. */
export function resolveOptionValues(
  store: BcStore,
  product: BcProduct,
  values: VariantPostInput['option_values'],
  create: boolean,
): { values: BcOptionValue[] } | { error: string } {
  const resolved: BcOptionValue[] = [];
  for (const value of values) {
    if ('id' in value) {
      const option = product.options.find((o) => o.id === value.option_id);
      const optionValue = option?.option_values.find((v) => v.id === value.id);
      if (!option || !optionValue) return { error: `Option value ${value.id} of option ${value.option_id} does not exist on product ${product.id}.` };
      resolved.push({ id: optionValue.id, label: optionValue.label, option_id: option.id, option_display_name: option.display_name });
      continue;
    }
    let option = product.options.find((o) => o.display_name === value.option_display_name);
    if (!option) {
      if (!create) return { error: `Option "${value.option_display_name}" does not exist on product ${product.id}.` };
      option = { id: store.nextId('option'), product_id: product.id, display_name: value.option_display_name, type: 'dropdown', sort_order: product.options.length, option_values: [] };
      product.options.push(option);
    }
    let optionValue = option.option_values.find((v) => v.label === value.label);
    if (!optionValue) {
      if (!create) return { error: `Option value "${value.label}" does not exist on option "${option.display_name}".` };
      optionValue = { id: store.nextId('option_value'), label: value.label, sort_order: option.option_values.length, is_default: option.option_values.length === 0 };
      option.option_values.push(optionValue);
    }
    resolved.push({ id: optionValue.id, label: optionValue.label, option_id: option.id, option_display_name: option.display_name });
  }
  return { values: resolved };
}

/** Another variant of the product with the same option-value combination, if any (BigCommerce answers 409). */
export function duplicateCombination(product: BcProduct, values: BcOptionValue[], selfId?: number): BcVariant | undefined {
  const key = combinationKey(values);
  return product.variants.find((v) => v.id !== selfId && v.option_values.length > 0 && combinationKey(v.option_values) === key);
}

/** Creates an option variant; the caller has checked SKU uniqueness. Returns an error message on bad options. */
export function createOptionVariant(store: BcStore, product: BcProduct, input: VariantPostInput): BcVariant | string {
  const resolved = resolveOptionValues(store, product, input.option_values, true);
  if ('error' in resolved) return resolved.error;
  if (duplicateCombination(product, resolved.values)) return 'A variant with this option value combination already exists.';
  const base = baseVariantOf(product);
  if (base) {
    product.variants = [];
    forgetVariant(store, base);
  }
  const id = store.nextId('variant');
  const variant: BcVariant = {
    id,
    product_id: product.id,
    sku: input.sku,
    sku_id: id,
    price: input.price ?? null,
    calculated_price: product.price,
    sale_price: input.sale_price ?? null,
    retail_price: input.retail_price ?? null,
    map_price: input.map_price ?? null,
    weight: input.weight ?? null,
    calculated_weight: product.weight,
    cost_price: input.cost_price ?? null,
    upc: input.upc ?? '',
    mpn: input.mpn ?? '',
    gtin: input.gtin ?? '',
    inventory_level: input.inventory_level ?? 0,
    inventory_warning_level: input.inventory_warning_level ?? 0,
    bin_picking_number: input.bin_picking_number ?? '',
    purchasing_disabled: input.purchasing_disabled ?? false,
    purchasing_disabled_message: input.purchasing_disabled_message ?? '',
    image_url: input.image_url ?? '',
    option_values: resolved.values,
  };
  priceVariant(product, variant);
  addVariant(store, product, variant);
  product.date_modified = nowIso();
  emitSku(store, 'store/sku/created', variant);
  return variant;
}

export function updateVariant(store: BcStore, product: BcProduct, variant: BcVariant, input: VariantPutInput): void {
  if (input.sku !== undefined && input.sku !== variant.sku) {
    if (store.variantIdBySku.get(variant.sku) === variant.id) store.variantIdBySku.delete(variant.sku);
    variant.sku = input.sku;
    store.variantIdBySku.set(variant.sku, variant.id);
    // A base variant's SKU is the product's SKU.
    if (variant.option_values.length === 0) product.sku = input.sku;
  }
  const { sku: _sku, upc, mpn, gtin, bin_picking_number, ...rest } = input;
  void _sku;
  Object.assign(variant, rest);
  if (upc !== undefined) variant.upc = upc ?? '';
  if (mpn !== undefined) variant.mpn = mpn ?? '';
  if (gtin !== undefined) variant.gtin = gtin ?? '';
  if (bin_picking_number !== undefined) variant.bin_picking_number = bin_picking_number ?? '';
  priceVariant(product, variant);
  product.date_modified = nowIso();
  emitSku(store, 'store/sku/updated', variant);
}

export function deleteVariant(store: BcStore, product: BcProduct, variant: BcVariant): void {
  product.variants = product.variants.filter((v) => v.id !== variant.id);
  forgetVariant(store, variant);
  product.date_modified = nowIso();
}

/** calculated_price = the variant's own sale/base price, else the product's (sale price wins when set). */
export function priceVariant(product: BcProduct, variant: BcVariant): void {
  const productPrice = product.sale_price > 0 ? product.sale_price : product.price;
  variant.calculated_price = variant.sale_price ?? variant.price ?? productPrice;
  variant.calculated_weight = variant.weight ?? product.weight;
}

/**
 * SKU webhooks fire for option variants only (they are BigCommerce "SKUs"); a base variant is the product
 * itself and is announced through the product events. `data.id` is the SKU id, as in the callback example.
 */
export function emitSku(store: BcStore, scope: string, variant: BcVariant): void {
  if (variant.sku_id === null) return;
  store.emit(scope, { type: 'sku', id: variant.sku_id, sku: { product_id: variant.product_id, variant_id: variant.id } });
}

function combinationKey(values: BcOptionValue[]): string {
  return values.map((v) => `${v.option_id}:${v.id}`).sort().join(',');
}
