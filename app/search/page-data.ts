import 'server-only';
import { SearchFacetsQuery } from '@/graphql/queries/search';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import type { FilterOption } from '@/components/catalog/listing-filters';
import { getViewer } from '@/lib/session/session';

export interface SearchFacets {
  categories: FilterOption[];
  brands: FilterOption[];
}

export async function getSearchFacets(): Promise<SearchFacets> {
  const { site } = await storefrontQuery(SearchFacetsQuery, {}, await getViewer());
  return {
    categories: site.categoryTree.map((c) => ({ value: String(c.entityId), label: c.name })),
    brands: site.brands.edges?.map(({ node }) => ({ value: String(node.entityId), label: node.name })) ?? [],
  };
}
