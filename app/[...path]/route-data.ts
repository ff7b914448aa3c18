import 'server-only';
import { cache } from 'react';
import { RouteQuery } from '@/graphql/queries/route';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { getViewer } from '@/lib/session/session';

export type RoutedNode = { kind: 'product' | 'category' | 'brand'; entityId: number };

/** What lives at a BigCommerce SEO path, for this viewer. Cached per request (metadata and page both ask). */
export const resolveRoute = cache(async (path: string): Promise<RoutedNode | null> => {
  const { site } = await storefrontQuery(RouteQuery, { path }, await getViewer());
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
});
