import 'server-only';
import { DeleteCartMutation } from '@/graphql/mutations/checkout';
import { CartQuery } from '@/graphql/queries/cart';
import { storefrontMutation, storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { buyerCartFrom } from '@/lib/cart/cart-model';
import { quoteFromCart, type CheckoutQuote } from './checkout-quote';

/**
 * The checkout's reads and writes of the cart, always as the buyer (X-Bc-Customer-Id): BigCommerce prices the
 * cart for that customer's price list on every read and refuses a cart that is not theirs.
 */
export async function readQuote(cartId: string, customerId: number): Promise<CheckoutQuote | null> {
  const { site } = await storefrontQuery(CartQuery, { entityId: cartId }, { kind: 'customer', customerId });
  // Stock is the cart page's concern; pricing needs only the lines.
  return site.cart ? quoteFromCart(buyerCartFrom(site.cart, null)) : null;
}

export async function deleteCart(cartId: string, customerId: number): Promise<void> {
  await storefrontMutation(DeleteCartMutation, { cartEntityId: cartId }, { kind: 'customer', customerId });
}
