import 'server-only';
import { cache } from 'react';
import { PriceOverlayQuery } from '@/graphql/queries/price-overlay';
import { storefrontQuery, type StorefrontViewer } from '@/lib/bigcommerce/graphql/client';
import type { PricingContext } from '@/lib/cache/contexts';
import { cacheEntries } from '@/lib/cache/manifest';
import { refusePageFill } from '@/lib/cache/page-fill';
import { cachedMany, keep, type LoadStart } from '@/lib/cache/read-through';
import { assertPricedInContext, getViewerContext, PricedOutsideContextError } from '@/lib/cache/viewer-context';
import { getConfig } from '@/lib/config';
import { buyerPriceFrom, priceLabels, type BuyerPrice } from './buyer-price';
import type { CardOffer } from './offer-types';

/** BigCommerce pages products 50 at a time; a listing never shows more on one page. */
const MAX_PRODUCTS_PER_REQUEST = 50;

/** A product's price in one pricing context, as cached: null when the product did not come back for that context. */
type CachedPrice = { price: BuyerPrice | null } | null;
/** A product's stock, the same for every viewer (cached only for products that came back). */
interface CachedStock {
  inStock: boolean;
  availableToSell: number | null;
}

/**
 * Price and stock for every product on a page, for the signed-in buyer. Keyed by the sorted id list so every card
 * on a page shares one call (React `cache` compares arguments by identity, and a string is compared by value).
 *
 * Prices are cached per pricing context and stock once for everyone; whatever either lacks comes from one
 * batched Storefront request made as the buyer, whose answer refills both.
 */
export const getCardOffers = cache(async (idsKey: string): Promise<Map<number, CardOffer>> => {
  const entityIds = idsKey.split(',').filter(Boolean).map(Number);
  const { viewer, pricing } = await getViewerContext();
  // Stock is shown to everyone; a guest's price only when the merchant chose to show list prices.
  const showPrice = viewer.kind === 'customer' || getConfig().GUEST_PRICE_DISPLAY === 'list-price';
  const { prices, stock } = pricing ? await cachedOverlay(entityIds, viewer, pricing).catch(servedUncached(entityIds, viewer)) : await uncachedOverlay(entityIds, viewer);
  return new Map(
    entityIds.map((id): [number, CardOffer] => {
      const price = prices.get(id);
      const level = stock.get(id);
      if (!price || !level) return [id, { kind: 'unavailable' }];
      const labels = showPrice && price.price ? priceLabels(price.price) : null;
      return [id, { kind: 'offer', price: labels, priceHidden: labels ? null : showPrice ? 'unavailable' : 'sign-in', ...level }];
    }),
  );
});

export function offerKey(entityIds: readonly number[]): string {
  return [...new Set(entityIds)].sort((a, b) => a - b).join(',');
}

interface Overlay {
  prices: Map<number, CachedPrice>;
  stock: Map<number, CachedStock>;
  /** The customer group BigCommerce priced this answer for (null for a guest). */
  pricedForGroup: number | null;
}

async function cachedOverlay(entityIds: number[], viewer: StorefrontViewer, context: PricingContext): Promise<Overlay> {
  const priceEntry = (id: number) => cacheEntries.priceOverlay<CachedPrice>(context, id);
  const stockEntry = (id: number) => cacheEntries.inventory<CachedStock>(context, id);
  const idByKey = new Map<string, number>(entityIds.flatMap((id) => [[priceEntry(id).key, id] as const, [stockEntry(id).key, id] as const]));
  const idOf = (entry: { key: string }) => idByKey.get(entry.key) as number;

  // Whichever half misses is fetched with the other, and the other half is refreshed from the same answer.
  const refill = async (ids: number[], start: LoadStart): Promise<Overlay> => {
    const overlay = await uncachedOverlay(ids, viewer);
    await assertPricedInContext(context, viewer, overlay.pricedForGroup);
    await Promise.all([
      keep(ids.map((id) => ({ entry: priceEntry(id), value: overlay.prices.get(id) ?? null })), start),
      keep([...overlay.stock].map(([id, level]) => ({ entry: stockEntry(id), value: level })), start),
    ]);
    return overlay;
  };
  const priceHits = await cachedMany(entityIds.map(priceEntry), async (missing, start) => {
    const overlay = await refill(missing.map(idOf), start);
    return new Map(missing.map((entry) => [entry.key, overlay.prices.get(idOf(entry)) ?? null]));
  });
  const prices = new Map(entityIds.map((id) => [id, priceHits.get(priceEntry(id).key) ?? null]));
  // Stock only for products this viewer can see: the others have none to show, and none is ever cached for them.
  const visible = entityIds.filter((id) => prices.get(id) !== null);
  const stockHits = await cachedMany(visible.map(stockEntry), async (missing, start) => {
    const overlay = await refill(missing.map(idOf), start);
    return new Map(missing.flatMap((entry) => {
      const level = overlay.stock.get(idOf(entry));
      return level ? [[entry.key, level] as const] : [];
    }));
  });
  const stock = new Map(visible.flatMap((id) => {
    const level = stockHits.get(stockEntry(id).key);
    return level ? [[id, level] as const] : [];
  }));
  return { prices, stock, pricedForGroup: null };
}

/** A buyer just moved between groups (see PricedOutsideContextError): this answer is theirs alone, not kept. */
function servedUncached(entityIds: number[], viewer: StorefrontViewer) {
  return async (error: unknown): Promise<Overlay> => {
    if (!(error instanceof PricedOutsideContextError)) throw error;
    await refusePageFill('the buyer was priced outside the cached pricing context');
    return uncachedOverlay(entityIds, viewer);
  };
}

async function uncachedOverlay(entityIds: number[], viewer: StorefrontViewer): Promise<Overlay> {
  const overlay: Overlay = { prices: new Map(), stock: new Map(), pricedForGroup: null };
  for (let start = 0; start < entityIds.length; start += MAX_PRODUCTS_PER_REQUEST) {
    const chunk = entityIds.slice(start, start + MAX_PRODUCTS_PER_REQUEST);
    const { site, customer } = await storefrontQuery(PriceOverlayQuery, { entityIds: chunk, first: chunk.length }, viewer);
    overlay.pricedForGroup = customer?.customerGroupId ?? null;
    for (const edge of site.products.edges ?? []) {
      const { entityId, prices, inventory } = edge.node;
      overlay.prices.set(entityId, { price: prices ? buyerPriceFrom(prices) : null });
      overlay.stock.set(entityId, { inStock: inventory.isInStock, availableToSell: inventory.aggregated?.availableToSell ?? null });
    }
  }
  return overlay;
}
