import { StorefrontGraphqlError } from '@/lib/bigcommerce/graphql/errors';

/**
 * A refused or failed cart change, said so a buyer can act on it. BigCommerce's cart mutations refuse with a
 * `CartErrorCode` in `extensions.code`; the wording here is ours, since the store's own messages are written for
 * developers and are not documented.
 */
const MESSAGES: Readonly<Record<string, string>> = {
  INSUFFICIENT_STOCK: 'There is not enough stock for that quantity. Check the availability shown and order fewer.',
  MINIMUM_QUANTITY_NOT_MET: 'That is below the minimum order quantity for this item.',
  MAXIMUM_QUANTITY_EXCEEDED: 'That is above the maximum order quantity for this item.',
  INVALID_ITEM_QUANTITY: 'Enter a whole-number quantity of at least 1.',
  PRODUCT_NOT_PURCHASABLE: 'This item cannot be ordered online.',
  VARIANT_NOT_PURCHASABLE: 'This option cannot be ordered online.',
  INVALID_PRODUCT: 'That item is not available any more.',
  SKU_NOT_FOUND: 'That item is not available any more.',
  VARIANT_ID_REQUIRED: 'Choose an option for this item first.',
  ITEM_NOT_FOUND: 'That line is no longer in your cart.',
  CART_CONFLICT: 'Your cart changed in another window. Review it and try again.',
};

export const CART_UNAVAILABLE_MESSAGE = 'We could not update your cart just now. Please try again in a moment.';

export function isCartGone(error: unknown): boolean {
  return error instanceof StorefrontGraphqlError && error.codes.includes('CART_NOT_FOUND');
}

export function cartErrorMessage(error: unknown): string {
  if (error instanceof StorefrontGraphqlError && error.kind === 'graphql') {
    for (const code of error.codes) {
      const message = MESSAGES[code];
      if (message) return message;
    }
  }
  return CART_UNAVAILABLE_MESSAGE;
}
