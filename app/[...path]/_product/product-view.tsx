import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ProductGallery } from '@/components/product/product-gallery';
import { SpecTable } from '@/components/product/spec-table';
import type { RawSearchParams } from '@/lib/catalog/listing-params';
import { getProductDetails } from './product-data';
import { ProductOffer } from './product-offer';

export async function ProductView({ entityId, searchParams }: { entityId: number; searchParams: RawSearchParams }) {
  const product = await getProductDetails(entityId);
  if (!product) notFound();
  const requested = Number(Array.isArray(searchParams.variant) ? searchParams.variant[0] : searchParams.variant);
  const selected = product.variants.find((v) => v.entityId === requested) ?? product.variants.find((v) => v.purchasable) ?? product.variants[0];
  const category = product.categories[0];

  return (
    <article className="flex flex-col gap-10">
      {category ? (
        <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
          <Link href={category.href} className="hover:underline">
            {category.name}
          </Link>
        </nav>
      ) : null}
      <div className="grid gap-8 md:grid-cols-2">
        <ProductGallery images={product.images} name={product.name} />
        <div className="flex flex-col gap-4">
          {product.brandName ? <p className="text-sm uppercase tracking-wide text-slate-500">{product.brandName}</p> : null}
          <h1 className="text-2xl font-semibold">{product.name}</h1>
          {product.minPurchaseQuantity && product.minPurchaseQuantity > 1 ? (
            <p className="text-sm text-slate-600">Minimum order: {product.minPurchaseQuantity}</p>
          ) : null}
          {selected ? (
            <Suspense fallback={<div className="h-40 animate-pulse rounded bg-slate-100" aria-label="Loading your price" />}>
              <ProductOffer
                productEntityId={product.entityId}
                variants={product.variants}
                selectedVariantId={selected.entityId}
                signInHref={`/login?returnTo=${encodeURIComponent(`${product.path}`)}`}
                minPurchaseQuantity={product.minPurchaseQuantity}
              />
            </Suspense>
          ) : (
            <p className="text-slate-600">This product is not available to order.</p>
          )}
        </div>
      </div>
      <SpecTable specs={[...product.identifiers, ...product.specs]} />
      {product.descriptionHtml ? (
        <section aria-labelledby="description-heading" className="flex max-w-3xl flex-col gap-2">
          <h2 id="description-heading" className="text-lg font-semibold">
            Description
          </h2>
          {/* Merchant-authored HTML, sanitised to formatting only in the data layer (lib/catalog/merchant-html). */}
          <div className="text-sm text-slate-700" dangerouslySetInnerHTML={{ __html: product.descriptionHtml }} />
        </section>
      ) : null}
    </article>
  );
}
