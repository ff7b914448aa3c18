import Link from 'next/link';
import type { CardOffer } from '@/lib/pricing/offer-types';

/** The price slot of a product card: the buyer's price (or a sign-in prompt) and stock. */
export function PriceTag({ offer, signInHref }: { offer: CardOffer; signInHref: string }) {
  if (offer.kind === 'unavailable') return <span className="text-sm text-slate-500">Not available</span>;
  if (offer.kind === 'error') {
    return (
      <span className="text-sm text-amber-800" role="status" data-testid="price-error">
        Price unavailable right now. Reload to try again.
      </span>
    );
  }
  return (
    <div className="flex flex-col gap-0.5">
      {offer.price ? (
        <>
          <span className="text-base font-semibold" data-testid="product-price">
            {offer.price.unitPrice}
          </span>
          {offer.price.listPrice ? (
            <span className="text-xs text-slate-500">
              List <s>{offer.price.listPrice}</s>
            </span>
          ) : null}
          {offer.price.volumeBreaks[0] ? (
            <span className="text-xs text-emerald-700">Volume pricing from {offer.price.volumeBreaks[0].minimumQuantity}</span>
          ) : null}
        </>
      ) : offer.priceHidden === 'sign-in' ? (
        <Link href={signInHref} className="text-sm font-medium text-brand-700 underline" data-testid="sign-in-for-price">
          Sign in for your price
        </Link>
      ) : (
        <span className="text-sm text-slate-500">Price on request</span>
      )}
      <span className={`text-xs ${offer.inStock ? 'text-slate-600' : 'text-amber-700'}`} data-testid="stock-status">
        {offer.inStock ? `${offer.availableToSell ?? ''} in stock`.trim() : 'Out of stock'}
      </span>
    </div>
  );
}

export function PriceTagSkeleton() {
  return <span className="block h-5 w-20 animate-pulse rounded bg-slate-100" aria-label="Loading your price" />;
}
