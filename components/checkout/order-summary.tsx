import type { CheckoutPageData } from '@/app/checkout/checkout-data';

/** The order as it will be placed: BigCommerce's prices for this buyer right now, and what changed since the cart. */
export function OrderSummary({ lines, total, changes }: Pick<CheckoutPageData, 'lines' | 'total' | 'changes'>) {
  return (
    <section aria-label="Order summary" className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">Order summary</h2>
      {changes.length > 0 ? <PriceChanges changes={changes} /> : null}
      <table className="w-full text-sm" data-testid="checkout-lines">
        <thead className="border-b border-slate-200 text-left text-slate-500">
          <tr>
            <th className="py-1 font-medium">Item</th>
            <th className="py-1 text-right font-medium">Qty</th>
            <th className="py-1 text-right font-medium">Unit price</th>
            <th className="py-1 text-right font-medium">Total</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.sku} data-testid="checkout-line" data-sku={line.sku} className="border-b border-slate-100">
              <td className="py-2 pr-2">
                {line.name}
                <span className="block text-xs text-slate-500">SKU {line.sku}</span>
              </td>
              <td className="py-2 text-right tabular-nums">{line.quantity}</td>
              <td className="py-2 text-right tabular-nums" data-testid="checkout-line-unit-price">
                {line.unitPrice}
              </td>
              <td className="py-2 text-right tabular-nums">{line.lineTotal}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="flex justify-between text-base font-semibold">
        <span>Order total</span>
        <span data-testid="checkout-total" className="tabular-nums">
          {total}
        </span>
      </p>
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
