import 'server-only';
import { VariantOfferQuery } from '@/graphql/queries/product';
import { storefrontQuery, type StorefrontViewer } from '@/lib/bigcommerce/graphql/client';
import type { PricingContext } from '@/lib/cache/contexts';
import { cacheEntries } from '@/lib/cache/manifest';
import { refusePageFill } from '@/lib/cache/page-fill';
import { beginLoad, cachedMany, keep, lookup, type LoadStart } from '@/lib/cache/read-through';
import { assertPricedInContext, PricedOutsideContextError, viewerContextFor } from '@/lib/cache/viewer-context';
import { locationNames } from '@/lib/catalog/locations';
import { getConfig } from '@/lib/config';
import type { BuyerSession } from '@/lib/session/session-data';
import { buyerPriceFrom, priceLabels, type BuyerPrice } from './buyer-price';
import type { PriceExplanation, VariantOffer } from './offer-types';
import { explainPrice } from './price-explanation';

/** A variant's priced half in one pricing context, as cached: null when it does not exist for that context. */
type CachedVariantPrice = { sku: string; purchasable: boolean; price: BuyerPrice | null } | null;
/** A variant's stock per warehouse, the same for every viewer. */
interface CachedVariantStock {
  inStock: boolean;
  availableToSell: number | null;
  locations: { code: string; availableToSell: number; inStock: boolean }[];
}
interface VariantData {
  price: CachedVariantPrice;
  stock: CachedVariantStock | null;
  /** The customer group BigCommerce priced this answer for (null for a guest). */
  pricedForGroup: number | null;
}

/**
 * One variant's price, volume breaks, stock per warehouse and price explanation for the signed-in buyer (or a
 * guest). The buyer comes from the verified session only; callers pass what getSignedInBuyer() returned.
 * Returns null when the product or variant does not exist for this viewer.
 *
 * The price is cached per pricing context and the stock once for everyone; one Storefront request made as the
 * buyer refills whichever is missing, and the other from the same answer.
 */
export async function getVariantOffer(
  productEntityId: number,
  variantEntityId: number,
  buyer: BuyerSession | null,
): Promise<VariantOffer | null> {
  const hidePrice = buyer === null && getConfig().GUEST_PRICE_DISPLAY === 'login-prompt';
  const { viewer, pricing } = await viewerContextFor(buyer);
  const fetch = () => fetchVariant(productEntityId, variantEntityId, viewer);
  const [{ price: variant, stock }, names] = await Promise.all([pricing ? cachedVariant(pricing, viewer, productEntityId, variantEntityId, fetch).catch(servedUncached(fetch)) : uncached(fetch), locationNames()]);
  if (!variant || !stock) return null;

  const price = variant.price && !hidePrice ? variant.price : null;
  let why: PriceExplanation = { kind: 'guest' };
  if (buyer) {
    why = price
      ? await explanation(pricing, productEntityId, variantEntityId, () => explainPrice({ customerId: buyer.customerId, variantEntityId, currency: price.unitPrice.currency }))
      : { kind: 'unknown', reason: 'This item has no price for your account.' };
  }

  return {
    variantEntityId,
    sku: variant.sku,
    purchasable: variant.purchasable,
    price: price ? priceLabels(price) : null,
    priceHidden: price ? null : hidePrice ? 'sign-in' : 'unavailable',
    inStock: stock.inStock,
    availableToSell: stock.availableToSell,
    locations: stock.locations.map((location) => ({ ...location, name: names.get(location.code) ?? location.code })),
    why,
  };
}

async function uncached(fetch: () => Promise<VariantData>): Promise<VariantData> {
  await refusePageFill('the viewer’s context is unknown');
  return fetch();
}

/** A buyer just moved between groups (see PricedOutsideContextError): this answer is theirs alone, not kept. */
function servedUncached(fetch: () => Promise<VariantData>) {
  return async (error: unknown): Promise<VariantData> => {
    if (!(error instanceof PricedOutsideContextError)) throw error;
    return uncached(fetch);
  };
}

async function cachedVariant(context: PricingContext, viewer: StorefrontViewer, productId: number, variantId: number, fetch: () => Promise<VariantData>): Promise<VariantData> {
  const priceEntry = cacheEntries.variantPrice<CachedVariantPrice>(context, productId, variantId);
  const stockEntry = cacheEntries.variantInventory<CachedVariantStock>(context, productId, variantId);
  const refill = async (start: LoadStart): Promise<VariantData> => {
    const data = await fetch();
    await assertPricedInContext(context, viewer, data.pricedForGroup);
    await Promise.all([keep([{ entry: priceEntry, value: data.price }], start), data.stock ? keep([{ entry: stockEntry, value: data.stock }], start) : null]);
    return data;
  };
  const price = (await cachedMany([priceEntry], async (_missing, start) => new Map([[priceEntry.key, (await refill(start)).price]]))).get(priceEntry.key) ?? null;
  if (!price) return { price: null, stock: null, pricedForGroup: null };
  const stock = await cachedMany([stockEntry], async (_missing, start) => {
    const { stock: level } = await refill(start);
    // Not found now (it was a moment ago): nothing to cache for everyone; the offer shows as unavailable.
    return new Map(level ? [[stockEntry.key, level]] : []);
  });
  return { price, stock: stock.get(stockEntry.key) ?? null, pricedForGroup: null };
}

async function fetchVariant(productEntityId: number, variantEntityId: number, viewer: StorefrontViewer): Promise<VariantData> {
  const { site, customer } = await storefrontQuery(VariantOfferQuery, { productEntityId, variantEntityId }, viewer);
  const pricedForGroup = customer?.customerGroupId ?? null;
  const variant = site.product?.variants.edges?.[0]?.node;
  if (!variant || variant.entityId !== variantEntityId) return { price: null, stock: null, pricedForGroup };
  return {
    pricedForGroup,
    price: { sku: variant.sku, purchasable: variant.isPurchasable, price: variant.prices ? buyerPriceFrom(variant.prices) : null },
    stock: {
      inStock: variant.inventory?.isInStock ?? false,
      availableToSell: variant.inventory?.aggregated?.availableToSell ?? null,
      locations:
        variant.inventory?.byLocation?.edges?.map(({ node }) => ({ code: node.locationEntityCode, availableToSell: node.availableToSell, inStock: node.isInStock })) ?? [],
    },
  };
}

/**
 * "Why this price", cached per pricing context. An answer that names a price list outside the context (the
 * explanation looks the buyer's group up on its own, and may not have seen a move yet) or that could not be
 * worked out is shown but not kept.
 */
async function explanation(context: PricingContext | null, productId: number, variantId: number, explain: () => Promise<PriceExplanation>): Promise<PriceExplanation> {
  if (!context) return explain();
  const entry = cacheEntries.priceExplanation<PriceExplanation>(context, productId, variantId);
  const hit = (await lookup([entry])).get(entry.key);
  if (hit && !hit.stale) return hit.value;
  const start = await beginLoad();
  const why = await explain();
  const fits = why.kind === 'catalog' || ((why.kind === 'price-list-record' || why.kind === 'price-list-without-record') && context.priceListIds.includes(why.priceListId));
  if (fits) await keep([{ entry, value: why }], start);
  else await refusePageFill('the price explanation could not be kept');
  return why;
}
