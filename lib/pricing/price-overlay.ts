import 'server-only';
import { cache } from 'react';
import { PriceOverlayQuery } from '@/graphql/queries/price-overlay';
import { storefrontQuery, type StorefrontViewer } from '@/lib/bigcommerce/graphql/client';
import { getConfig } from '@/lib/config';
import { getViewer } from '@/lib/session/session';
import { buyerPriceFrom, priceLabels } from './buyer-price';
import type { CardOffer } from './offer-types';

/** BigCommerce pages products 50 at a time; a listing never shows more on one page. */
const MAX_PRODUCTS_PER_REQUEST = 50;

/**
 * Price and stock for every product on a page, for the signed-in buyer, in one Storefront request. Keyed by the
 * sorted id list so every card on a page shares one request (React `cache` compares arguments by identity, and
 * a string is compared by value).
 */
export const getCardOffers = cache(async (idsKey: string): Promise<Map<number, CardOffer>> => {
  const entityIds = idsKey.split(',').filter(Boolean).map(Number);
  const viewer = await getViewer();
  // Stock is shown to everyone; a guest's price only when the merchant chose to show list prices.
  const showPrice = viewer.kind === 'customer' || getConfig().GUEST_PRICE_DISPLAY === 'list-price';
  return fetchOffers(entityIds, viewer, showPrice);
});

export function offerKey(entityIds: readonly number[]): string {
  return [...new Set(entityIds)].sort((a, b) => a - b).join(',');
}

async function fetchOffers(entityIds: number[], viewer: StorefrontViewer, showPrice: boolean): Promise<Map<number, CardOffer>> {
  const offers = new Map<number, CardOffer>(entityIds.map((id) => [id, { kind: 'unavailable' }]));
  for (let start = 0; start < entityIds.length; start += MAX_PRODUCTS_PER_REQUEST) {
    const chunk = entityIds.slice(start, start + MAX_PRODUCTS_PER_REQUEST);
    const { site } = await storefrontQuery(PriceOverlayQuery, { entityIds: chunk, first: chunk.length }, viewer);
    for (const edge of site.products.edges ?? []) {
      const { entityId, prices, inventory } = edge.node;
      const price = showPrice && prices ? priceLabels(buyerPriceFrom(prices)) : null;
      offers.set(entityId, {
        kind: 'offer',
        price,
        priceHidden: price ? null : showPrice ? 'unavailable' : 'sign-in',
        inStock: inventory.isInStock,
        availableToSell: inventory.aggregated?.availableToSell ?? null,
      });
    }
  }
  return offers;
}
