import 'server-only';
import { VariantOfferQuery } from '@/graphql/queries/product';
import { storefrontQuery } from '@/lib/bigcommerce/graphql/client';
import { locationNames } from '@/lib/catalog/locations';
import { getConfig } from '@/lib/config';
import type { BuyerSession } from '@/lib/session/session-data';
import { buyerPriceFrom, priceLabels } from './buyer-price';
import type { PriceExplanation, VariantOffer } from './offer-types';
import { explainPrice } from './price-explanation';

/**
 * One variant's price, volume breaks, stock per warehouse and price explanation for the signed-in buyer (or a
 * guest). The buyer comes from the verified session only; callers pass what getSignedInBuyer() returned.
 * Returns null when the product or variant does not exist for this viewer.
 */
export async function getVariantOffer(
  productEntityId: number,
  variantEntityId: number,
  buyer: BuyerSession | null,
): Promise<VariantOffer | null> {
  const hidePrice = buyer === null && getConfig().GUEST_PRICE_DISPLAY === 'login-prompt';
  const viewer = buyer ? ({ kind: 'customer', customerId: buyer.customerId } as const) : ({ kind: 'guest' } as const);
  const [{ site }, names] = await Promise.all([
    storefrontQuery(VariantOfferQuery, { productEntityId, variantEntityId }, viewer),
    locationNames(),
  ]);
  const variant = site.product?.variants.edges?.[0]?.node;
  if (!variant || variant.entityId !== variantEntityId) return null;

  const price = variant.prices && !hidePrice ? buyerPriceFrom(variant.prices) : null;
  let why: PriceExplanation = { kind: 'guest' };
  if (buyer) {
    why = price
      ? await explainPrice({
          customerId: buyer.customerId,
          variantEntityId,
          currency: price.unitPrice.currency,
        })
      : { kind: 'unknown', reason: 'This item has no price for your account.' };
  }

  return {
    variantEntityId,
    sku: variant.sku,
    purchasable: variant.isPurchasable,
    price: price ? priceLabels(price) : null,
    priceHidden: price ? null : hidePrice ? 'sign-in' : 'unavailable',
    inStock: variant.inventory?.isInStock ?? false,
    availableToSell: variant.inventory?.aggregated?.availableToSell ?? null,
    locations:
      variant.inventory?.byLocation?.edges?.map(({ node }) => ({
        code: node.locationEntityCode,
        name: names.get(node.locationEntityCode) ?? node.locationEntityCode,
        availableToSell: node.availableToSell,
        inStock: node.isInStock,
      })) ?? [],
    why,
  };
}
