import 'server-only';
import { SearchFacetsQuery } from '@/graphql/queries/search';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { cacheEntries } from '@/lib/cache/manifest';
import { cachedIn } from '@/lib/cache/read-through';
import { getViewerContext } from '@/lib/cache/viewer-context';
import type { FilterOption } from '@/components/catalog/listing-filters';

export interface SearchFacets {
  categories: FilterOption[];
  brands: FilterOption[];
}

export async function getSearchFacets(): Promise<SearchFacets> {
  const { viewer, catalog } = await getViewerContext();
  return cachedIn(
    catalog,
    (scope) => cacheEntries.searchFacets<SearchFacets>(scope),
    async () => {
      const { site } = await storefrontQuery(SearchFacetsQuery, {}, viewer);
      return {
        categories: site.categoryTree.map((c) => ({ value: String(c.entityId), label: c.name })),
        brands: site.brands.edges?.map(({ node }) => ({ value: String(node.entityId), label: node.name })) ?? [],
      };
    },
  );
}
