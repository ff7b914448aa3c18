import { CategoryList } from '@/components/catalog/category-list';
import { ProductGrid } from './_pricing/product-grid';
import { getHomePageData } from './page-data';

// Prices and stock are read per request; nothing on this page is prerendered at build time.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const { categories, featured } = await getHomePageData();
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="categories-heading" className="flex flex-col gap-4">
        <h1 id="categories-heading" className="text-2xl font-semibold">Shop by category</h1>
        <CategoryList categories={categories} />
      </section>
      <section aria-labelledby="featured-heading" className="flex flex-col gap-4">
        <h2 id="featured-heading" className="text-xl font-semibold">Featured products</h2>
        <ProductGrid cards={featured} signInHref="/login" />
      </section>
    </div>
  );
}
