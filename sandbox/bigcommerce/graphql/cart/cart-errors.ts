import { GraphQLError } from 'graphql';

/**
 * Why a cart mutation was refused. The codes are values of the real SDL's `CartErrorCode` enum; BigCommerce
 * documents them for checkout errors and does not publish the cart mutations' error bodies, so sending them as
 * `extensions.code` on a top-level GraphQL error (the cart results have no `errors` list) and the wording of
 * each message are the sandbox's [inferred]. The storefront branches on the code, never on the message.
 */
export type CartErrorCode =
  | 'CART_NOT_FOUND'
  | 'CART_CONFLICT'
  | 'ITEM_NOT_FOUND'
  | 'INVALID_ITEM_QUANTITY'
  | 'INVALID_PRODUCT'
  | 'SKU_NOT_FOUND'
  | 'VARIANT_ID_REQUIRED'
  | 'PRODUCT_NOT_PURCHASABLE'
  | 'VARIANT_NOT_PURCHASABLE'
  | 'INSUFFICIENT_STOCK'
  | 'MINIMUM_QUANTITY_NOT_MET'
  | 'MAXIMUM_QUANTITY_EXCEEDED'
  | 'INVALID_CURRENCY'
  | 'EMPTY_CART_CREATION';

export function cartError(code: CartErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** Unknown and not-yours are the same answer, so a cart id cannot be probed for existence. */
export const cartNotFound = (): GraphQLError => cartError('CART_NOT_FOUND', 'Cart not found.');
