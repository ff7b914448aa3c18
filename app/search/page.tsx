import type { Metadata } from 'next';
import { FilterSelect } from '@/components/catalog/listing-filters';
import { parseListingParams, type RawSearchParams } from '@/lib/catalog/listing-params';
import { ListingView } from '../_catalog/listing-view';
import { getProductListing } from '../_catalog/product-listing';
import { getSearchFacets } from './page-data';

export const metadata: Metadata = { title: 'Search' };

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseListingParams(await searchParams, 'RELEVANCE');
  const [listing, facets] = await Promise.all([getProductListing(params), getSearchFacets()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{params.searchTerm ? `Results for “${params.searchTerm}”` : 'All products'}</h1>
      <ListingView
        basePath="/search"
        params={params}
        defaultSort="RELEVANCE"
        listing={listing}
        hidden={params.searchTerm ? { q: params.searchTerm } : {}}
        extraFilters={
          <>
            <FilterSelect name="category" label="Category" options={facets.categories} value={params.categoryId ? String(params.categoryId) : ''} />
            <FilterSelect name="brand" label="Brand" options={facets.brands} value={params.brandId ? String(params.brandId) : ''} />
          </>
        }
      />
    </div>
  );
}
