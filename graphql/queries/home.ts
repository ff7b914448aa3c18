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
            ...ProductCardFields
          }
        }
      }
    }
  }
`);
