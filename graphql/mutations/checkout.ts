import { graphql } from '@/graphql/generated';

/** Checkout's cart mutations: removing the cart an on-account order was placed from, and the hosted checkout link. */

export const DeleteCartMutation = graphql(`
  mutation DeleteCart($cartEntityId: String!) {
    cart {
      deleteCart(input: { cartEntityId: $cartEntityId }) {
        deletedCartEntityId
      }
    }
  }
`);

/** As Catalyst does for its checkout button: the buyer is sent to `redirectedCheckoutUrl`, which is single-use. */
export const CreateCartRedirectUrlsMutation = graphql(`
  mutation CreateCartRedirectUrls($cartEntityId: String!) {
    cart {
      createCartRedirectUrls(input: { cartEntityId: $cartEntityId }) {
        redirectUrls {
          redirectedCheckoutUrl
        }
        errors {
          ... on NotFoundError {
            message
          }
        }
      }
    }
  }
`);
