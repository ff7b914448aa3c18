import 'server-only';
import { CategoryHeaderQuery } from '@/graphql/queries/category';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { safeMerchantHtml } from '@/lib/catalog/merchant-html';
import { getViewer } from '@/lib/session/session';

export interface CategoryHeader {
  name: string;
  descriptionHtml: string;
}

export async function getCategoryHeader(entityId: number): Promise<CategoryHeader | null> {
  const { site } = await storefrontQuery(CategoryHeaderQuery, { entityId }, await getViewer());
  return site.category ? { name: site.category.name, descriptionHtml: safeMerchantHtml(site.category.description) } : null;
}
