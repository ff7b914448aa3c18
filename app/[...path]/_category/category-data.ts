import 'server-only';
import { CategoryHeaderQuery } from '@/graphql/queries/category';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { cacheEntries } from '@/lib/cache/manifest';
import { cachedIn } from '@/lib/cache/read-through';
import { getViewerContext } from '@/lib/cache/viewer-context';
import { safeMerchantHtml } from '@/lib/catalog/merchant-html';

export interface CategoryHeader {
  name: string;
  descriptionHtml: string;
}

export async function getCategoryHeader(entityId: number): Promise<CategoryHeader | null> {
  const { viewer, catalog } = await getViewerContext();
  return cachedIn(
    catalog,
    (scope) => cacheEntries.category<CategoryHeader | null>(scope, entityId),
    async () => {
      const { site } = await storefrontQuery(CategoryHeaderQuery, { entityId }, viewer);
      return site.category ? { name: site.category.name, descriptionHtml: safeMerchantHtml(site.category.description) } : null;
    },
  );
}
