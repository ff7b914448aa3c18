import { graphql } from '@/graphql/generated';

/** What the cart page shows of a cart: lines with the prices BigCommerce charges at each line's quantity. */
export const CartFieldsFragment = graphql(`
  fragment CartFields on Cart {
    entityId
    currencyCode
    amount {
      value
      currencyCode
    }
    lineItems {
      totalQuantity
      physicalItems {
        entityId
        productEntityId
        variantEntityId
        sku
        name
        path
        quantity
        salePrice {
          value
          currencyCode
        }
        extendedSalePrice {
          value
          currencyCode
        }
        image {
          url(width: 160)
          altText
        }
      }
    }
  }
`);

/**
 * The buyer's cart. With an impersonation token BigCommerce needs the cart id (there is no storefront session to
 * find it from), and answers null for a cart that is gone or not this customer's.
 */
export const CartQuery = graphql(`
  query Cart($entityId: String!) {
    site {
      cart(entityId: $entityId) {
        ...CartFields
      }
    }
  }
`);

/** Just enough for the header's cart link. */
export const CartLineCountQuery = graphql(`
  query CartLineCount($entityId: String!) {
    site {
      cart(entityId: $entityId) {
        entityId
        lineItems {
          physicalItems {
            entityId
          }
        }
      }
    }
  }
`);

/**
 * Stock of the variants in a cart: every cart product, each narrowed to the cart's variants. Page sizes come from
 * the cart (products in it, most variants of one product), which keeps the query's complexity small.
 */
export const CartStockQuery = graphql(`
  query CartStock($productIds: [Int!]!, $variantIds: [Int!]!, $products: Int!, $variantsPerProduct: Int!) {
    site {
      products(entityIds: $productIds, first: $products) {
        edges {
          node {
            entityId
            variants(entityIds: $variantIds, first: $variantsPerProduct) {
              edges {
                node {
                  entityId
                  isPurchasable
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
      }
    }
  }
`);
