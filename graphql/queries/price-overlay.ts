import { graphql } from '@/graphql/generated';

/**
 * The per-buyer half of a product listing: price and stock for a page of products in one request, made with
 * the buyer's X-Bc-Customer-Id. Kept apart from the catalog data so that data can be shared between buyers.
 */
export const PriceOverlayQuery = graphql(`
  query PriceOverlay($entityIds: [Int!]!, $first: Int!, $currencyCode: currencyCode) {
    # The group these prices were computed for: the cache keeps them only under that group's context.
    customer {
      customerGroupId
    }
    site {
      products(entityIds: $entityIds, first: $first) {
        edges {
          node {
            entityId
            prices(currencyCode: $currencyCode) {
              ...PriceFields
            }
            inventory {
              isInStock
              aggregated {
                availableToSell
              }
            }
          }
        }
      }
    }
  }
`);
