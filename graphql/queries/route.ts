import { graphql } from '@/graphql/generated';

/** Resolves a storefront URL path (BigCommerce's SEO paths, e.g. /hex-bolt-m8/) to what lives there. */
export const RouteQuery = graphql(`
  query Route($path: String!) {
    site {
      route(path: $path) {
        node {
          __typename
          ... on Product {
            entityId
          }
          ... on Category {
            entityId
          }
          ... on Brand {
            entityId
          }
        }
      }
    }
  }
`);
