import 'server-only';
import { ProductSearchQuery } from '@/graphql/queries/search';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { catalogCard, type CatalogCard } from '@/lib/catalog/product-card';
import { PAGE_SIZE, type ListingParams } from '@/lib/catalog/listing-params';
import { getViewer } from '@/lib/session/session';

export interface ProductListing {
  cards: CatalogCard[];
  totalItems: number | null;
  startCursor: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * One page of a category or search listing. Read as the signed-in buyer, because customer groups can restrict
 * which categories a buyer sees; prices are not asked for here (they stream in per card).
 */
export async function getProductListing(params: ListingParams): Promise<ProductListing> {
  const paging = params.before ? { last: PAGE_SIZE, before: params.before } : { first: PAGE_SIZE, after: params.after };
  const { site } = await storefrontQuery(
    ProductSearchQuery,
    {
      filters: {
        searchTerm: params.searchTerm || undefined,
        categoryEntityId: params.categoryId ?? undefined,
        searchSubCategories: params.categoryId ? true : undefined,
        brandEntityIds: params.brandId ? [params.brandId] : undefined,
        hideOutOfStock: params.inStockOnly || undefined,
      },
      sort: params.sort,
      ...paging,
    },
    await getViewer(),
  );
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
