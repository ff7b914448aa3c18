import { notFound } from 'next/navigation';
import { parseListingParams, type RawSearchParams } from '@/lib/catalog/listing-params';
import { ListingView } from '../../_catalog/listing-view';
import { getProductListing } from '../../_catalog/product-listing';
import { getCategoryHeader } from './category-data';

/** A category page: its products (sub-categories included) with sort, in-stock filter and paging. */
export async function CategoryView({ entityId, basePath, searchParams }: { entityId: number; basePath: string; searchParams: RawSearchParams }) {
  const params = { ...parseListingParams(searchParams, 'FEATURED'), categoryId: entityId, searchTerm: '', brandId: null };
  const [header, listing] = await Promise.all([getCategoryHeader(entityId), getProductListing(params)]);
  if (!header) notFound();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{header.name}</h1>
        {header.descriptionHtml ? (
          // Merchant-authored HTML, sanitised to formatting only in the data layer (lib/catalog/merchant-html).
          <div className="prose mt-2 max-w-3xl text-sm text-slate-600" dangerouslySetInnerHTML={{ __html: header.descriptionHtml }} />
        ) : null}
      </div>
      <ListingView basePath={basePath} params={{ ...params, categoryId: null }} defaultSort="FEATURED" listing={listing} />
    </div>
  );
}
