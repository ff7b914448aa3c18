import 'server-only';
import type { QuickOrderSkuQuery } from '@/graphql/generated/graphql';
import { QuickOrderSkuQuery as SkuQuery, QuickOrderSuggestionsQuery } from '@/graphql/queries/quick-order';
import { storefrontQuery, type StorefrontViewer } from '@/lib/bigcommerce/graphql/client';
import { storefrontHref } from '@/lib/catalog/paths';
import { buyerPriceFrom } from '@/lib/pricing/buyer-price';
import type { SkuLookup } from './check-rows';
import { closestSkus, searchTermsFor } from './suggest-skus';

/**
 * Looks each distinct SKU up in the Storefront API for the signed-in buyer (so the price is the buyer's own
 * and the stock the storefront's), a few at a time: the SDL has no "products by SKU list" query, and a pad of
 * MAX_ROWS lines must not fire that many requests at once.
 */
const CONCURRENCY = 6;

export async function lookupSkus(skus: readonly string[], viewer: StorefrontViewer): Promise<Map<string, SkuLookup>> {
  const unique = [...new Set(skus)];
  const results = new Map<string, SkuLookup>();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const sku = unique[next++] as string;
      results.set(sku, await lookupSku(sku, viewer));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
  return results;
}

async function lookupSku(sku: string, viewer: StorefrontViewer): Promise<SkuLookup> {
  const { site } = await storefrontQuery(SkuQuery, { sku }, viewer);
  const product = site.product;
  if (!product) return { kind: 'unknown', suggestions: await suggestionsFor(sku, viewer) };
  const variant = product.match.edges?.[0]?.node;
  if (!variant) return { kind: 'needs-option', productName: product.name, choices: product.choices.edges?.map(({ node }) => node.sku) ?? [] };
  return foundLookup(product, variant);
}

type Product = NonNullable<QuickOrderSkuQuery['site']['product']>;
type Variant = NonNullable<Product['match']['edges']>[number]['node'];

function foundLookup(product: Product, variant: Variant): SkuLookup {
  return {
    kind: 'found',
    item: { productEntityId: product.entityId, variantEntityId: variant.entityId, sku: variant.sku, name: product.name, href: storefrontHref(product.path) },
    purchasable: variant.isPurchasable,
    price: variant.prices ? buyerPriceFrom(variant.prices) : null,
    availableToSell: variant.inventory?.aggregated?.availableToSell ?? null,
    inStock: variant.inventory?.isInStock ?? false,
    minPurchaseQuantity: product.minPurchaseQuantity ?? null,
    maxPurchaseQuantity: product.maxPurchaseQuantity ?? null,
  };
}

/** Searches with ever shorter parts of the SKU until one finds SKUs close enough to offer. */
async function suggestionsFor(sku: string, viewer: StorefrontViewer): Promise<string[]> {
  for (const term of searchTermsFor(sku)) {
    const { site } = await storefrontQuery(QuickOrderSuggestionsQuery, { term }, viewer);
    const candidates = (site.search.searchProducts.products.edges ?? []).flatMap(({ node }) => [node.sku, ...(node.variants.edges?.map((v) => v.node.sku) ?? [])]);
    const close = closestSkus(sku, candidates);
    if (close.length > 0) return close;
  }
  return [];
}
