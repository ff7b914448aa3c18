import { notFound, redirect } from 'next/navigation';
import { bigcommercePath } from '@/lib/catalog/paths';
import type { RawSearchParams } from '@/lib/catalog/listing-params';
import { CategoryView } from './_category/category-view';
import { ProductView } from './_product/product-view';
import { resolveRoute } from './route-data';

export const dynamic = 'force-dynamic';

interface RouteProps {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<RawSearchParams>;
}

/** Every BigCommerce SEO path (products, categories, brands) resolves through the Storefront API's route lookup. */
export default async function StorefrontPathPage({ params, searchParams }: RouteProps) {
  const { path } = await params;
  const node = await resolveRoute(bigcommercePath(path));
  if (!node) notFound();
  switch (node.kind) {
    case 'product':
      return <ProductView entityId={node.entityId} searchParams={await searchParams} />;
    case 'category':
      return <CategoryView entityId={node.entityId} basePath={`/${path.join('/')}`} searchParams={await searchParams} />;
    case 'brand':
      redirect(`/search?brand=${node.entityId}`);
  }
}

export async function generateMetadata({ params }: RouteProps) {
  const { path } = await params;
  const node = await resolveRoute(bigcommercePath(path));
  return node ? {} : { title: 'Not found' };
}
