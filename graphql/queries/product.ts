import { graphql } from '@/graphql/generated';

/** The catalog side of the product page: the same for every buyer. */
export const ProductDetailsQuery = graphql(`
  query ProductDetails($entityId: Int!) {
    site {
      product(entityId: $entityId) {
        entityId
        name
        sku
        path
        description
        minPurchaseQuantity
        maxPurchaseQuantity
        upc
        mpn
        brand {
          name
        }
        images(first: 8) {
          edges {
            node {
              url(width: 640)
              altText
              isDefault
            }
          }
        }
        customFields(first: 20) {
          edges {
            node {
              entityId
              name
              value
            }
          }
        }
        categories(first: 5) {
          edges {
            node {
              entityId
              name
              path
            }
          }
        }
        variants(first: 50) {
          edges {
            node {
              entityId
              sku
              isPurchasable
              options(first: 5) {
                edges {
                  node {
                    displayName
                    values(first: 1) {
                      edges {
                        node {
                          label
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
    }
  }
`);

/** The buyer's side of the product page: one variant's price, volume breaks and stock per location. */
export const VariantOfferQuery = graphql(`
  query VariantOffer($productEntityId: Int!, $variantEntityId: Int!, $currencyCode: currencyCode) {
    # The group these prices were computed for: the cache keeps them only under that group's context.
    customer {
      customerGroupId
    }
    site {
      product(entityId: $productEntityId) {
        variants(entityIds: [$variantEntityId], first: 1) {
          edges {
            node {
              entityId
              sku
              isPurchasable
              prices(currencyCode: $currencyCode) {
                ...PriceFields
              }
              inventory {
                isInStock
                aggregated {
                  availableToSell
                }
                byLocation(first: 20) {
                  edges {
                    node {
                      locationEntityId
                      locationEntityCode
                      availableToSell
                      isInStock
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
