import type { ReactNode } from 'react';
import { ListingFilters } from '@/components/catalog/listing-filters';
import { Pagination } from '@/components/catalog/pagination';
import { listingHref, SORT_OPTIONS, type ListingParams } from '@/lib/catalog/listing-params';
import type { SearchProductsSortInput } from '@/graphql/generated/graphql';
import { ProductGrid } from '../_pricing/product-grid';
import type { ProductListing } from './product-listing';

/** A listing page body shared by category pages and search: filters, count, the grid and cursor paging. */
export function ListingView({
  basePath,
  params,
  defaultSort,
  listing,
  hidden,
  extraFilters,
}: {
  basePath: string;
  params: ListingParams;
  defaultSort: SearchProductsSortInput;
  listing: ProductListing;
  hidden?: Record<string, string>;
  extraFilters?: ReactNode;
}) {
  const href = (change: Partial<ListingParams>) => listingHref(basePath, params, change, defaultSort);
  const returnTo = href({});
  return (
    <div className="flex flex-col gap-6">
      <ListingFilters action={basePath} sortOptions={SORT_OPTIONS} sort={params.sort} inStockOnly={params.inStockOnly} hidden={hidden}>
        {extraFilters}
      </ListingFilters>
      <p className="text-sm text-slate-600" data-testid="result-count">
        {listing.totalItems === null ? null : `${listing.totalItems} ${listing.totalItems === 1 ? 'product' : 'products'}`}
      </p>
      {listing.cards.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-8 text-center text-slate-600">
          No products match. Try fewer filters or another search term.
        </p>
      ) : (
        <ProductGrid cards={listing.cards} signInHref={`/login?returnTo=${encodeURIComponent(returnTo)}`} />
      )}
      <Pagination
        previousHref={listing.hasPreviousPage && listing.startCursor ? href({ before: listing.startCursor, after: null }) : null}
        nextHref={listing.hasNextPage && listing.endCursor ? href({ after: listing.endCursor, before: null }) : null}
      />
    </div>
  );
}
