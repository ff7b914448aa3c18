import { graphql } from '@/graphql/generated';

/**
 * The catalog half of a product card: the same for every buyer, so it is fetched once for all (and cacheable
 * as shared data). Prices and stock are per buyer and come from the PriceOverlay query instead.
 */
export const ProductCardFieldsFragment = graphql(`
  fragment ProductCardFields on Product {
    entityId
    name
    sku
    path
    brand {
      name
    }
    defaultImage {
      url(width: 400)
      altText
    }
  }
`);
