import type { CheckoutPageData } from '@/app/checkout/checkout-data';
import { LineItemsTable } from './line-items-table';

/** The order as it will be placed: BigCommerce's prices for this buyer right now, and what changed since the cart. */
export function OrderSummary({ lines, total, changes }: Pick<CheckoutPageData, 'lines' | 'total' | 'changes'>) {
  return (
    <section aria-label="Order summary" className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">Order summary</h2>
      {changes.length > 0 ? <PriceChanges changes={changes} /> : null}
      <LineItemsTable lines={lines} total={total} testIdPrefix="checkout" showSku />
    </section>
  );
}

export function PriceChanges({ changes }: { changes: CheckoutPageData['changes'] }) {
  return (
    <div role="status" data-testid="price-changes" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p className="font-medium">Prices or quantities changed since you viewed your cart:</p>
      <ul className="mt-1 list-disc pl-5">
        {changes.map((c) => (
          <li key={c.sku}>
            {c.name} ({c.sku}): {c.before} → {c.after}
          </li>
        ))}
      </ul>
    </div>
  );
}
