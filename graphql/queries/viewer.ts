import { graphql } from '@/graphql/generated';

/**
 * The signed-in buyer's customer group as BigCommerce has it *now*. The session holds the group the buyer had at
 * sign-in, but the sync moves buyers between groups when their ERP price level changes, and the group decides
 * which cached prices they may be served (lib/cache/viewer-context.ts).
 */
export const ViewerGroupQuery = graphql(`
  query ViewerGroup {
    customer {
      entityId
      customerGroupId
    }
  }
`);
