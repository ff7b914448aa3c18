import { graphql } from '@/graphql/generated';

/**
 * One quick-order line's SKU for the signed-in buyer: the variant with that SKU, its price for the buyer (with
 * volume breaks), stock and purchase rules. `site.product(sku:)` finds the product; `variants(skus:)` picks the
 * variant, and is empty when the SKU is the parent SKU of a product with options (then `choices` lists them).
 */
export const QuickOrderSkuQuery = graphql(`
  query QuickOrderSku($sku: String!) {
    site {
      product(sku: $sku) {
        entityId
        name
        path
        minPurchaseQuantity
        maxPurchaseQuantity
        match: variants(skus: [$sku], first: 1) {
          edges {
            node {
              entityId
              sku
              isPurchasable
              prices {
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
        choices: variants(first: 10) {
          edges {
            node {
              sku
            }
          }
        }
      }
    }
  }
`);

/** Candidate SKUs for "did you mean": products the store's search finds for part of an unknown SKU. */
export const QuickOrderSuggestionsQuery = graphql(`
  query QuickOrderSuggestions($term: String!) {
    site {
      search {
        searchProducts(filters: { searchTerm: $term }) {
          products(first: 20) {
            edges {
              node {
                sku
                variants(first: 10) {
                  edges {
                    node {
                      sku
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`);
