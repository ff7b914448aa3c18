import { graphql } from '@/graphql/generated';

export const HomePageQuery = graphql(`
  query HomePage($first: Int!) {
    site {
      categoryTree {
        entityId
        name
        path
        productCount
      }
      featuredProducts(first: $first) {
        edges {
          node {
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
            prices {
              price {
                value
                currencyCode
              }
            }
          }
        }
      }
    }
  }
`);
