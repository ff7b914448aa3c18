import 'server-only';
import { HomePageQuery } from '@/graphql/queries/home';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { storefrontHref } from '@/lib/catalog/paths';
import { catalogCard, type CatalogCard } from '@/lib/catalog/product-card';
import { getViewer } from '@/lib/session/session';
import type { CategoryLink } from '@/components/catalog/category-list';

export interface HomePageData {
  categories: CategoryLink[];
  featured: CatalogCard[];
}

/** Categories and featured products for the viewer (groups may restrict categories); prices stream in per card. */
export async function getHomePageData(): Promise<HomePageData> {
  const { site } = await storefrontQuery(HomePageQuery, { first: 12 }, await getViewer());
  return {
    categories: site.categoryTree.map(({ entityId, name, path, productCount }) => ({ entityId, name, path: storefrontHref(path), productCount })),
    featured: site.featuredProducts.edges?.map((edge) => catalogCard(edge.node)) ?? [],
  };
}
