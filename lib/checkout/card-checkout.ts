import 'server-only';
import { CreateCartRedirectUrlsMutation } from '@/graphql/mutations/checkout';
import { storefrontMutation } from '@/lib/bigcommerce/graphql/client';

/**
 * Paying by card: BigCommerce's hosted checkout takes the cart over (as the reference storefront's checkout button
 * does). The link is single-use, so it is made when the buyer asks for it, never rendered into a page. The credit
 * gate has no say here: a card payment does not draw on the company's credit line.
 */
export async function hostedCheckoutUrl(cartId: string, customerId: number): Promise<string | null> {
  const { cart } = await storefrontMutation(CreateCartRedirectUrlsMutation, { cartEntityId: cartId }, { kind: 'customer', customerId });
  return cart.createCartRedirectUrls.redirectUrls?.redirectedCheckoutUrl ?? null;
}
