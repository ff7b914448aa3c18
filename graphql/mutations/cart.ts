import { graphql } from '@/graphql/generated';

/**
 * Cart changes. Each returns only what the caller needs to carry on (the cart id, or that the cart is gone):
 * the cart page reads the cart afresh after every change, so there is one place that shapes it.
 */

export const CreateCartMutation = graphql(`
  mutation CreateCart($lineItems: [CartLineItemInput!]!) {
    cart {
      createCart(input: { lineItems: $lineItems }) {
        cart {
          entityId
        }
      }
    }
  }
`);

export const AddCartLineItemsMutation = graphql(`
  mutation AddCartLineItems($cartEntityId: String!, $lineItems: [CartLineItemInput!]!) {
    cart {
      addCartLineItems(input: { cartEntityId: $cartEntityId, data: { lineItems: $lineItems } }) {
        cart {
          entityId
        }
      }
    }
  }
`);

export const UpdateCartLineItemMutation = graphql(`
  mutation UpdateCartLineItem($cartEntityId: String!, $lineItemEntityId: String!, $lineItem: CartLineItemInput!) {
    cart {
      updateCartLineItem(input: { cartEntityId: $cartEntityId, lineItemEntityId: $lineItemEntityId, data: { lineItem: $lineItem } }) {
        cart {
          entityId
        }
      }
    }
  }
`);

/** Removing the last line deletes the cart; `deletedCartEntityId` says so. */
export const DeleteCartLineItemMutation = graphql(`
  mutation DeleteCartLineItem($cartEntityId: String!, $lineItemEntityId: String!) {
    cart {
      deleteCartLineItem(input: { cartEntityId: $cartEntityId, lineItemEntityId: $lineItemEntityId }) {
        deletedLineItemEntityId
        deletedCartEntityId
      }
    }
  }
`);
