import 'server-only';
import { cache } from 'react';
import { RouteQuery } from '@/graphql/queries/route';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { cacheEntries, tags } from '@/lib/cache/manifest';
import { catalogPageMayBeKept } from '@/lib/cache/page-fill';
import { cachedIn } from '@/lib/cache/read-through';
import { getViewerContext } from '@/lib/cache/viewer-context';

export type RoutedNode = { kind: 'product' | 'category' | 'brand'; entityId: number };

/**
 * What lives at a BigCommerce SEO path, for this viewer's catalog scope (groups may restrict categories). Cached
 * per request as well (metadata and page both ask). Product and category pages read everything through the
 * cache, so they may be kept whole (lib/cache/page-cache.ts).
 */
export const resolveRoute = cache(async (path: string): Promise<RoutedNode | null> => {
  await catalogPageMayBeKept();
  const { viewer, catalog } = await getViewerContext();
  return cachedIn(
    catalog,
    (scope) => cacheEntries.route<RoutedNode | null>(scope, path, routeTags),
    async () => {
      const { site } = await storefrontQuery(RouteQuery, { path }, viewer);
      const node = site.route.node;
      switch (node?.__typename) {
        case 'Product':
          return { kind: 'product', entityId: node.entityId };
        case 'Category':
          return { kind: 'category', entityId: node.entityId };
        case 'Brand':
          return { kind: 'brand', entityId: node.entityId };
        default:
          return null;
      }
    },
  );
});

function routeTags(node: RoutedNode | null): string[] {
  if (!node) return [tags.catalogMembership];
  if (node.kind === 'product') return [tags.product(node.entityId)];
  if (node.kind === 'category') return [tags.category(node.entityId)];
  return [tags.brands];
}
