import { addToCart } from '@/app/cart/_actions/add-to-cart';
import { VariantPurchasePanel } from '@/components/product/variant-purchase-panel';
import { getVariantOffer } from '@/lib/pricing/variant-offer';
import { getSignedInBuyer } from '@/lib/session/session';
import type { VariantChoice } from './product-data';

/** The buyer's half of the product page, streamed in its own Suspense boundary. */
export async function ProductOffer({
  productEntityId,
  variants,
  selectedVariantId,
  signInHref,
  minPurchaseQuantity,
}: {
  productEntityId: number;
  variants: VariantChoice[];
  selectedVariantId: number;
  signInHref: string;
  minPurchaseQuantity: number | null;
}) {
  const buyer = await getSignedInBuyer();
  let offer;
  try {
    offer = await getVariantOffer(productEntityId, selectedVariantId, buyer);
  } catch (error) {
    // The product itself rendered; only the buyer's price failed, so say that rather than failing the page.
    console.error('[pricing] variant offer failed:', error);
    return (
      <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="price-error">
        Your price and stock could not be loaded just now. Reload the page to try again.
      </p>
    );
  }
  if (!offer) return <p className="text-slate-600">This option is not available.</p>;
  return (
    <VariantPurchasePanel
      productEntityId={productEntityId}
      variants={variants.map(({ entityId, label }) => ({ entityId, label }))}
      initialOffer={offer}
      signInHref={signInHref}
      // Only a signed-in buyer orders; a guest sees "Sign in for your price" instead.
      addToCart={buyer ? { action: addToCart, defaultQuantity: Math.max(1, minPurchaseQuantity ?? 1) } : null}
    />
  );
}
