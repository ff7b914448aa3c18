import 'server-only';
import type { ProductDetailsQuery as ProductDetailsResult } from '@/graphql/generated/graphql';
import { ProductDetailsQuery } from '@/graphql/queries/product';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { safeMerchantHtml } from '@/lib/catalog/merchant-html';
import { storefrontHref } from '@/lib/catalog/paths';
import { cacheEntries } from '@/lib/cache/manifest';
import { cachedIn } from '@/lib/cache/read-through';
import { getViewerContext } from '@/lib/cache/viewer-context';

export interface VariantChoice {
  entityId: number;
  sku: string;
  label: string;
  purchasable: boolean;
}

export interface ProductDetails {
  entityId: number;
  name: string;
  sku: string;
  /** Storefront href of the product page. */
  path: string;
  brandName: string | null;
  descriptionHtml: string;
  images: { url: string; alt: string }[];
  specs: { name: string; value: string }[];
  identifiers: { name: string; value: string }[];
  categories: { name: string; href: string }[];
  variants: VariantChoice[];
  minPurchaseQuantity: number | null;
  maxPurchaseQuantity: number | null;
}

/**
 * The product as the catalog describes it (no prices), cached once per catalog scope (shared by every buyer who
 * may see the same categories). Null when the viewer may not see it.
 */
export async function getProductDetails(entityId: number): Promise<ProductDetails | null> {
  const { viewer, catalog } = await getViewerContext();
  return cachedIn(
    catalog,
    (scope) => cacheEntries.catalogProduct<ProductDetails | null>(scope, entityId),
    async () => productDetails((await storefrontQuery(ProductDetailsQuery, { entityId }, viewer)).site.product),
  );
}

function productDetails(product: ProductDetailsResult['site']['product']): ProductDetails | null {
  if (!product) return null;
  const images = product.images.edges?.map(({ node }) => node) ?? [];
  return {
    entityId: product.entityId,
    name: product.name,
    sku: product.sku,
    path: storefrontHref(product.path),
    brandName: product.brand?.name ?? null,
    descriptionHtml: safeMerchantHtml(product.description),
    images: [...images].sort((a, b) => Number(b.isDefault) - Number(a.isDefault)).map((i) => ({ url: i.url, alt: i.altText || product.name })),
    specs: product.customFields.edges?.map(({ node }) => ({ name: node.name, value: node.value })) ?? [],
    identifiers: [
      { name: 'MPN', value: product.mpn ?? '' },
      { name: 'UPC', value: product.upc ?? '' },
    ].filter((identifier) => identifier.value !== ''),
    categories: product.categories.edges?.map(({ node }) => ({ name: node.name, href: storefrontHref(node.path) })) ?? [],
    variants:
      product.variants.edges?.map(({ node }) => ({
        entityId: node.entityId,
        sku: node.sku,
        purchasable: node.isPurchasable,
        label:
          node.options.edges
            ?.map(({ node: option }) => `${option.displayName}: ${option.values.edges?.[0]?.node.label ?? '—'}`)
            .join(', ') || node.sku,
      })) ?? [],
    minPurchaseQuantity: product.minPurchaseQuantity ?? null,
    maxPurchaseQuantity: product.maxPurchaseQuantity ?? null,
  };
}
