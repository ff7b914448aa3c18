import 'server-only';
import { HomePageQuery } from '@/graphql/queries/home';
import { GUEST, storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { formatMoney, moneyFromDecimal } from '@/lib/money/money';
import type { CategoryLink } from '@/components/catalog/category-list';
import type { ProductCardProps } from '@/components/catalog/product-card';

export interface HomePageData {
  categories: CategoryLink[];
  featured: (ProductCardProps & { entityId: number })[];
}

export async function getHomePageData(): Promise<HomePageData> {
  const { site } = await storefrontQuery(HomePageQuery, { first: 12 }, GUEST);
  return {
    categories: site.categoryTree.map(({ entityId, name, path, productCount }) => ({ entityId, name, path, productCount })),
    featured: site.featuredProducts.edges?.flatMap((edge) => {
      if (!edge) return [];
      const { node } = edge;
      const price = node.prices?.price;
      return [
        {
          entityId: node.entityId,
          name: node.name,
          sku: node.sku,
          path: node.path,
          brandName: node.brand?.name ?? null,
          imageUrl: node.defaultImage?.url ?? null,
          imageAlt: node.defaultImage?.altText || node.name,
          priceLabel: price ? formatMoney(moneyFromDecimal(price.value, price.currencyCode)) : null,
        },
      ];
    }) ?? [],
  };
}
