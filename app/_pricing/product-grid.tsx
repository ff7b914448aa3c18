import { Suspense } from 'react';
import { ProductCard } from '@/components/catalog/product-card';
import { PriceTagSkeleton } from '@/components/pricing/price-tag';
import type { CatalogCard } from '@/lib/catalog/product-card';
import { offerKey } from '@/lib/pricing/price-overlay';
import { CardPrice } from './card-price';

/**
 * A grid of product cards whose prices stream in: the catalog part renders at once, each price slot suspends
 * on the page's single batched price request.
 */
export function ProductGrid({ cards, signInHref }: { cards: CatalogCard[]; signInHref: string }) {
  const key = offerKey(cards.map((card) => card.entityId));
  return (
    <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
      {cards.map(({ entityId, ...card }) => (
        <ProductCard
          key={entityId}
          {...card}
          price={
            <Suspense fallback={<PriceTagSkeleton />}>
              <CardPrice offerKey={key} entityId={entityId} signInHref={signInHref} />
            </Suspense>
          }
        />
      ))}
    </ul>
  );
}
