import type { BcStore } from '../../store/store';
import type { BcProduct, BcVariant } from '../../store/types';
import { cartError } from './cart-errors';

/** `CartLineItemInput` as graphql-js hands it over (already type-checked against the schema). */
export interface CartLineItemArg {
  quantity: number;
  productEntityId?: number | null;
  variantEntityId?: number | null;
  sku?: string | null;
}

export interface RequestedLine {
  product: BcProduct;
  variant: BcVariant;
  quantity: number;
}

/**
 * Which catalog variant a line asks for, as the SDL describes the input: a SKU, or a product id (with a variant
 * id when the product has more than one variant). Hidden products do not exist for the storefront. Refused
 * here: an unknown product, SKU or variant; a variant of another product; a missing variant id; anything
 * not purchasable; and a quantity below 1.
 */
export function resolveLineInput(store: BcStore, input: CartLineItemArg): RequestedLine {
  if (!Number.isInteger(input.quantity) || input.quantity < 1) {
    throw cartError('INVALID_ITEM_QUANTITY', `Quantity must be a whole number of at least 1; got ${input.quantity}.`);
  }
  const { product, variant } = input.sku != null ? bySku(store, input) : byProductId(store, input);
  if (product.availability === 'disabled') throw cartError('PRODUCT_NOT_PURCHASABLE', `${product.name} cannot be purchased.`);
  if (variant.purchasing_disabled) {
    throw cartError('VARIANT_NOT_PURCHASABLE', variant.purchasing_disabled_message || `${variant.sku} cannot be purchased.`);
  }
  return { product, variant, quantity: input.quantity };
}

function bySku(store: BcStore, input: CartLineItemArg): { product: BcProduct; variant: BcVariant } {
  const sku = input.sku ?? '';
  const variant = store.variants.get(store.variantIdBySku.get(sku) ?? -1);
  const product = variant ? store.products.get(variant.product_id) : undefined;
  if (!variant || !product?.is_visible) throw cartError('SKU_NOT_FOUND', `No product has the SKU "${sku}".`);
  if (input.productEntityId != null && input.productEntityId !== product.id) {
    throw cartError('INVALID_PRODUCT', `SKU "${sku}" belongs to product ${product.id}, not ${input.productEntityId}.`);
  }
  return { product, variant };
}

function byProductId(store: BcStore, input: CartLineItemArg): { product: BcProduct; variant: BcVariant } {
  if (input.productEntityId == null) throw cartError('INVALID_PRODUCT', 'Either sku or productEntityId must be provided.');
  const product = store.products.get(input.productEntityId);
  if (!product?.is_visible) throw cartError('INVALID_PRODUCT', `Product ${input.productEntityId} was not found.`);
  if (input.variantEntityId != null) {
    const variant = product.variants.find((v) => v.id === input.variantEntityId);
    if (!variant) throw cartError('INVALID_PRODUCT', `Variant ${input.variantEntityId} does not belong to product ${product.id}.`);
    return { product, variant };
  }
  const [only, ...others] = product.variants;
  if (!only || others.length > 0) throw cartError('VARIANT_ID_REQUIRED', `${product.name} has options: choose one (variantEntityId).`);
  return { product, variant: only };
}
