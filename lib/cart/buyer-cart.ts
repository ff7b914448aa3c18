import 'server-only';
import { cache } from 'react';
import type { CartFieldsFragment } from '@/graphql/generated/graphql';
import { CartLineCountQuery, CartQuery, CartStockQuery } from '@/graphql/queries/cart';
import { storefrontQuery, type StorefrontViewer } from '@/lib/bigcommerce/graphql/client';
import { getSessionCartId, getSignedInBuyer } from '@/lib/session/session';
import { buyerCartFrom, stockByVariant, type BuyerCart, type VariantStock } from './cart-model';

/**
 * Reading the signed-in buyer's cart. The buyer (sent as X-Bc-Customer-Id) and the cart id both come from the
 * sealed session; BigCommerce additionally refuses a cart that is not this customer's. Carts are never cached:
 * every read is the store's current answer.
 */

/** Who the cart belongs to and which cart it is, or null when there is no signed-in buyer or no cart. */
export async function cartOwner(): Promise<{ viewer: StorefrontViewer; cartId: string | null } | null> {
  const buyer = await getSignedInBuyer();
  if (!buyer) return null;
  return { viewer: { kind: 'customer', customerId: buyer.customerId }, cartId: await getSessionCartId() };
}

/** The cart as BigCommerce holds it now, or null when it is gone (ordered, deleted, expired). */
export async function readCart(cartId: string, viewer: StorefrontViewer): Promise<CartFieldsFragment | null> {
  const { site } = await storefrontQuery(CartQuery, { entityId: cartId }, viewer);
  return site.cart;
}

/** The buyer's cart with stock per line, or null when there is none. */
export const getBuyerCart = cache(async (): Promise<BuyerCart | null> => {
  const owner = await cartOwner();
  if (!owner?.cartId) return null;
  const cart = await readCart(owner.cartId, owner.viewer);
  if (!cart) return null;
  let stock: Map<number, VariantStock> | null;
  try {
    stock = await cartStock(cart, owner.viewer);
  } catch (error) {
    // The cart itself is known; only stock failed, and each line says so instead of the page failing.
    console.error('[cart] stock for the cart failed:', error);
    stock = null;
  }
  return buyerCartFrom(cart, stock);
});

/** Lines in the buyer's cart for the header link (0 without a cart). */
export const getCartLineCount = cache(async (): Promise<number> => {
  const owner = await cartOwner();
  if (!owner?.cartId) return 0;
  const { site } = await storefrontQuery(CartLineCountQuery, { entityId: owner.cartId }, owner.viewer);
  return site.cart?.lineItems.physicalItems.length ?? 0;
});

/** BigCommerce answers at most 50 products per page. */
const PRODUCTS_PER_REQUEST = 50;

async function cartStock(cart: CartFieldsFragment, viewer: StorefrontViewer): Promise<Map<number, VariantStock>> {
  const variantsByProduct = new Map<number, number[]>();
  for (const item of cart.lineItems.physicalItems) {
    if (item.variantEntityId === null) continue;
    variantsByProduct.set(item.productEntityId, [...(variantsByProduct.get(item.productEntityId) ?? []), item.variantEntityId]);
  }
  const productIds = [...variantsByProduct.keys()];
  const chunks = Array.from({ length: Math.ceil(productIds.length / PRODUCTS_PER_REQUEST) }, (_, i) =>
    productIds.slice(i * PRODUCTS_PER_REQUEST, (i + 1) * PRODUCTS_PER_REQUEST),
  );
  const answers = await Promise.all(
    chunks.map((ids) => {
      const variantIds = ids.flatMap((id) => variantsByProduct.get(id) ?? []);
      const variantsPerProduct = Math.max(...ids.map((id) => variantsByProduct.get(id)?.length ?? 1));
      return storefrontQuery(CartStockQuery, { productIds: ids, variantIds, products: ids.length, variantsPerProduct }, viewer);
    }),
  );
  return new Map(answers.flatMap((answer) => [...stockByVariant(answer)]));
}
