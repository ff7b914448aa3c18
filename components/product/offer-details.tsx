import Link from 'next/link';
import { PriceExplanationNote } from '@/components/pricing/price-explanation';
import { VolumeBreakTable } from '@/components/pricing/volume-break-table';
import type { VariantOffer } from '@/lib/pricing/offer-types';
import { StockByLocation } from './stock-by-location';

/** Price, volume breaks, stock per warehouse and "why this price" for the selected variant. */
export function OfferDetails({ offer, signInHref }: { offer: VariantOffer; signInHref: string }) {
  return (
    <div className="flex flex-col gap-4" data-testid="variant-offer" data-variant-id={offer.variantEntityId}>
      <p className="text-sm text-slate-500" data-testid="variant-sku">
        SKU {offer.sku}
      </p>
      {offer.price ? (
        <div className="flex flex-col gap-1">
          <p className="text-3xl font-semibold tabular-nums" data-testid="product-price">
            {offer.price.unitPrice}
          </p>
          {offer.price.listPrice ? (
            <p className="text-sm text-slate-500">
              List price <s>{offer.price.listPrice}</s>
            </p>
          ) : null}
        </div>
      ) : offer.priceHidden === 'sign-in' ? (
        <Link href={signInHref} className="text-base font-medium text-brand-700 underline" data-testid="sign-in-for-price">
          Sign in for your price
        </Link>
      ) : (
        <p className="text-base text-slate-600">Price on request</p>
      )}
      {offer.price ? <VolumeBreakTable price={offer.price} /> : null}
      <StockByLocation inStock={offer.inStock} availableToSell={offer.availableToSell} locations={offer.locations} />
      {offer.price ? <PriceExplanationNote why={offer.why} /> : null}
    </div>
  );
}
