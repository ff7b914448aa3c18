import 'server-only';
import type { ProductSearchQuery as ProductSearchResult } from '@/graphql/generated/graphql';
import { ProductSearchQuery } from '@/graphql/queries/search';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { catalogCard, type CatalogCard } from '@/lib/catalog/product-card';
import { PAGE_SIZE, type ListingParams } from '@/lib/catalog/listing-params';
import { cacheEntries, tags } from '@/lib/cache/manifest';
import { cachedIn } from '@/lib/cache/read-through';
import { getViewerContext } from '@/lib/cache/viewer-context';

export interface ProductListing {
  cards: CatalogCard[];
  totalItems: number | null;
  startCursor: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * One page of a category or search listing, cached per catalog scope (customer groups can restrict which
 * categories a buyer sees). Prices are not asked for here (they stream in per card; a price sort uses catalog
 * prices, which are the same for everyone: FACTS §2.4).
 */
export async function getProductListing(params: ListingParams): Promise<ProductListing> {
  const { viewer, catalog } = await getViewerContext();
  const paging = params.before ? { last: PAGE_SIZE, before: params.before } : { first: PAGE_SIZE, after: params.after };
  const variables = {
    filters: {
      searchTerm: params.searchTerm || undefined,
      categoryEntityId: params.categoryId ?? undefined,
      searchSubCategories: params.categoryId ? true : undefined,
      brandEntityIds: params.brandId ? [params.brandId] : undefined,
      hideOutOfStock: params.inStockOnly || undefined,
    },
    sort: params.sort,
    ...paging,
  };
  return cachedIn(
    catalog,
    (scope) => cacheEntries.searchPage<ProductListing>(scope, JSON.stringify(variables), params.inStockOnly, (listing) => listing.cards.map((card) => tags.product(card.entityId))),
    async () => listing(await storefrontQuery(ProductSearchQuery, variables, viewer)),
  );
}

function listing({ site }: ProductSearchResult): ProductListing {
  const { products } = site.search.searchProducts;
  return {
    cards: products.edges?.map((edge) => catalogCard(edge.node)) ?? [],
    totalItems: products.collectionInfo?.totalItems ?? null,
    startCursor: products.pageInfo.startCursor ?? null,
    endCursor: products.pageInfo.endCursor ?? null,
    hasNextPage: products.pageInfo.hasNextPage,
    hasPreviousPage: products.pageInfo.hasPreviousPage,
  };
}
