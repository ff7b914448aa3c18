import { graphql } from '@/graphql/generated';

/** Category listings and search both page through searchProducts, which is what takes a sort order. */
export const ProductSearchQuery = graphql(`
  query ProductSearch(
    $filters: SearchProductsFiltersInput!
    $sort: SearchProductsSortInput
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    site {
      search {
        searchProducts(filters: $filters, sort: $sort) {
          products(first: $first, after: $after, last: $last, before: $before) {
            pageInfo {
              hasNextPage
              hasPreviousPage
              startCursor
              endCursor
            }
            collectionInfo {
              totalItems
            }
            edges {
              node {
                ...ProductCardFields
              }
            }
          }
        }
      }
    }
  }
`);

export const SearchFacetsQuery = graphql(`
  query SearchFacets {
    site {
      categoryTree {
        entityId
        name
      }
      brands(first: 50) {
        edges {
          node {
            entityId
            name
          }
        }
      }
    }
  }
`);
