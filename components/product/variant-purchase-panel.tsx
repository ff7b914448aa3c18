'use client';

import { useQuery } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { AddToCartForm, type AddToCartAction } from '@/components/cart/add-to-cart-form';
import type { VariantOffer } from '@/lib/pricing/offer-types';
import { OfferDetails } from './offer-details';

export interface VariantOption {
  entityId: number;
  label: string;
}

/**
 * Variant picker with the selected variant's live price and stock. The server renders the first offer; switching
 * variant fetches the next one from the offer route (which reads the buyer from the session cookie, never from
 * this component) and keeps the URL's ?variant= in step so the page can be shared.
 */
export function VariantPurchasePanel({
  productEntityId,
  variants,
  initialOffer,
  signInHref,
  addToCart,
}: {
  productEntityId: number;
  variants: VariantOption[];
  initialOffer: VariantOffer;
  signInHref: string;
  /** For a signed-in buyer: the add-to-cart server action and the quantity to start from. */
  addToCart: { action: AddToCartAction; defaultQuantity: number } | null;
}) {
  const [variantId, setVariantId] = useState(initialOffer.variantEntityId);
  // False during the server render and hydration, true once React owns the page.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  const { data: offer, isFetching, error } = useQuery({
    queryKey: ['variant-offer', productEntityId, variantId],
    queryFn: () => fetchOffer(productEntityId, variantId),
    initialData: variantId === initialOffer.variantEntityId ? initialOffer : undefined,
    placeholderData: (previous) => previous,
  });

  const choose = (id: number) => {
    setVariantId(id);
    const url = new URL(window.location.href);
    url.searchParams.set('variant', String(id));
    window.history.replaceState(null, '', url);
  };

  return (
    <div className="flex flex-col gap-4">
      {variants.length > 1 ? (
        // A plain GET form, so choosing an option also works before (or without) JavaScript: "Show" reloads the
        // page with ?variant=. Once interactive, the change is fetched in place and the button is hidden.
        <form method="get" className="flex items-end gap-2">
          <label className="flex flex-1 flex-col gap-1 text-sm font-medium">
            Option
            <select
              name="variant"
              value={variantId}
              onChange={(event) => choose(Number(event.target.value))}
              className="rounded border border-slate-300 bg-white px-3 py-2 font-normal"
              data-testid="variant-select"
              data-interactive={interactive}
            >
              {variants.map((variant) => (
                <option key={variant.entityId} value={variant.entityId}>
                  {variant.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" hidden={interactive} className="rounded border border-slate-300 px-3 py-2 text-sm">
            Show
          </button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          We could not load the price for this option. Please try again.
        </p>
      ) : null}
      {offer ? (
        <div aria-busy={isFetching} className={isFetching ? 'opacity-60' : undefined}>
          <OfferDetails offer={offer} signInHref={signInHref} />
        </div>
      ) : null}
      {addToCart && offer?.price ? (
        <AddToCartForm
          action={addToCart.action}
          productEntityId={productEntityId}
          variantEntityId={offer.variantEntityId}
          defaultQuantity={addToCart.defaultQuantity}
          unavailable={unavailableReason(offer, isFetching)}
        />
      ) : null}
    </div>
  );
}

/** Why the shown option cannot be added now; while the next option loads, the shown one is not what was chosen. */
function unavailableReason(offer: VariantOffer, loading: boolean): string | null {
  if (loading) return 'Loading the price for this option…';
  if (!offer.purchasable) return 'This option cannot be ordered online.';
  return offer.inStock ? null : 'Out of stock.';
}

function noSubscription(): () => void {
  return () => {};
}

async function fetchOffer(productEntityId: number, variantEntityId: number): Promise<VariantOffer> {
  const response = await fetch(`/api/products/${productEntityId}/variants/${variantEntityId}/offer`, {
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`offer request failed: ${response.status}`);
  return (await response.json()) as VariantOffer;
}
