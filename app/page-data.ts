import 'server-only';
import { HomePageQuery } from '@/graphql/queries/home';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { cacheEntries, tags } from '@/lib/cache/manifest';
import { cachedIn } from '@/lib/cache/read-through';
import { getViewerContext } from '@/lib/cache/viewer-context';
import { storefrontHref } from '@/lib/catalog/paths';
import { catalogCard, type CatalogCard } from '@/lib/catalog/product-card';
import type { CategoryLink } from '@/components/catalog/category-list';

export interface HomePageData {
  categories: CategoryLink[];
  featured: CatalogCard[];
}

const FEATURED = 12;

/** Categories and featured products for the viewer's catalog scope (groups may restrict categories); prices stream in per card. */
export async function getHomePageData(): Promise<HomePageData> {
  const { viewer, catalog } = await getViewerContext();
  return cachedIn(
    catalog,
    (scope) => cacheEntries.categoryTree<HomePageData>(scope, FEATURED, (data) => data.featured.map((card) => tags.product(card.entityId))),
    async () => {
      const { site } = await storefrontQuery(HomePageQuery, { first: FEATURED }, viewer);
      return {
        categories: site.categoryTree.map(({ entityId, name, path, productCount }) => ({ entityId, name, path: storefrontHref(path), productCount })),
        featured: site.featuredProducts.edges?.map((edge) => catalogCard(edge.node)) ?? [],
      };
    },
  );
}
