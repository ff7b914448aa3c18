import { PriceTag } from '@/components/pricing/price-tag';
import type { CardOffer } from '@/lib/pricing/offer-types';
import { getCardOffers } from '@/lib/pricing/price-overlay';

/**
 * The streamed price slot of one product card. Every card on a page passes the same `offerKey`, so the page's
 * prices come from one batched Storefront request made for the signed-in buyer.
 */
export async function CardPrice({ offerKey, entityId, signInHref }: { offerKey: string; entityId: number; signInHref: string }) {
  let offer: CardOffer;
  try {
    offer = (await getCardOffers(offerKey)).get(entityId) ?? { kind: 'unavailable' };
  } catch (error) {
    // One failed price request must not take the catalog down with it; the card explains instead.
    if (entityId === Number(offerKey.split(',')[0])) console.error('[pricing] price overlay failed:', error);
    offer = { kind: 'error' };
  }
  return <PriceTag offer={offer} signInHref={signInHref} />;
}
