import { graphql } from '@/graphql/generated';

export const CategoryHeaderQuery = graphql(`
  query CategoryHeader($entityId: Int!) {
    site {
      category(entityId: $entityId) {
        entityId
        name
        path
        description
      }
    }
  }
`);
