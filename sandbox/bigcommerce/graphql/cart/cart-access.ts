import type { BcCart } from '../../store/types';
import type { GraphqlContext } from '../context';
import { cartError, cartNotFound } from './cart-errors';

/** The shopper a request speaks for: the impersonated customer's id, or 0 for a guest. */
export function shopperId(ctx: GraphqlContext): number {
  return ctx.customer?.id ?? 0;
}

/**
 * A cart the request may see. A cart created for a customer belongs to that customer: read or changed with
 * another X-Bc-Customer-Id (or none) it does not exist. BigCommerce documents that an impersonated request sees
 * the store "from the perspective of the customer" and that reading a cart with an impersonation token needs
 * its id (FACTS §5; the carts and checkout guide); it does not document a foreign cart id, so the sandbox
 * answers as for an unknown one, which also tells a prober nothing [inferred]. A guest cart (customer 0) is
 * reachable by whoever holds its UUID, which is how a storefront session carries it.
 */
export function visibleCart(ctx: GraphqlContext, entityId: string | undefined): BcCart | undefined {
  if (entityId === undefined) return undefined;
  const cart = ctx.store.carts.get(entityId);
  if (!cart || (cart.customer_id !== 0 && cart.customer_id !== shopperId(ctx))) return undefined;
  return cart;
}

export function requireCart(ctx: GraphqlContext, entityId: string): BcCart {
  const cart = visibleCart(ctx, entityId);
  if (!cart) throw cartNotFound();
  return cart;
}

/** `version` (optional on the inputs) rejects a change made against an older copy of the cart. */
export function checkVersion(cart: BcCart, version: number | undefined): void {
  if (version !== undefined && version !== cart.version) {
    throw cartError('CART_CONFLICT', `The cart has changed (version ${cart.version}, request sent ${version}). Read the cart again and retry.`);
  }
}
