import Link from 'next/link';
import type { ReactNode } from 'react';
import type { CartDisplay } from '@/lib/cart/cart-display';
import { CartLineControls, type CartLineAction } from './cart-line-controls';

const TONE = { ok: 'text-emerald-700', warning: 'text-amber-700', problem: 'text-red-700' } as const;

/**
 * The cart page's body: lines with BigCommerce's price at each line's quantity, stock per line, and a summary.
 * `creditSummary` is where the buyer's available credit goes (the checkout work supplies it); `checkoutActions`
 * is where the ways to check out go. Nothing is rendered for a slot left empty.
 */
export function CartContents({
  cart,
  changeQuantity,
  removeLine,
  creditSummary,
  checkoutActions,
}: {
  cart: CartDisplay;
  changeQuantity: CartLineAction;
  removeLine: CartLineAction;
  creditSummary?: ReactNode;
  checkoutActions?: ReactNode;
}) {
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <table className="w-full text-sm" data-testid="cart-lines">
        <thead className="border-b border-slate-200 text-left text-slate-500">
          <tr>
            <th className="py-2 font-medium">Item</th>
            <th className="py-2 font-medium">Quantity</th>
            <th className="py-2 text-right font-medium">Unit price</th>
            <th className="py-2 text-right font-medium">Total</th>
          </tr>
        </thead>
        <tbody>
          {cart.lines.map((line) => (
            <tr key={line.lineItemEntityId} data-testid="cart-line" data-sku={line.sku} className="border-b border-slate-100 align-top">
              <td className="py-3 pr-4">
                <div className="flex gap-3">
                  {line.image ? (
                    // eslint-disable-next-line @next/next/no-img-element -- BigCommerce's CDN already sizes the image
                    <img src={line.image.url} alt={line.image.alt} width={64} height={64} className="h-16 w-16 rounded object-contain" />
                  ) : null}
                  <div className="flex flex-col gap-0.5">
                    <Link href={line.href} className="font-medium hover:underline">
                      {line.name}
                    </Link>
                    <span className="text-slate-500">SKU {line.sku}</span>
                    <span className={TONE[line.stock.tone]} data-testid="cart-line-stock">
                      {line.stock.label}
                    </span>
                  </div>
                </div>
              </td>
              <td className="py-3 pr-4">
                <CartLineControls
                  lineItemEntityId={line.lineItemEntityId}
                  quantity={line.quantity}
                  name={line.name}
                  changeQuantity={changeQuantity}
                  removeLine={removeLine}
                />
              </td>
              <td className="py-3 text-right tabular-nums" data-testid="cart-line-unit-price">
                {line.unitPrice}
              </td>
              <td className="py-3 text-right font-medium tabular-nums" data-testid="cart-line-total">
                {line.lineTotal}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <aside className="flex flex-col gap-4 rounded border border-slate-200 p-4" aria-label="Cart summary">
        <dl className="flex justify-between text-base">
          <dt>
            Subtotal ({cart.lineCount} {cart.lineCount === 1 ? 'line' : 'lines'}, {cart.totalQuantity} {cart.totalQuantity === 1 ? 'unit' : 'units'})
          </dt>
          <dd className="font-semibold tabular-nums" data-testid="cart-subtotal">
            {cart.subtotal}
          </dd>
        </dl>
        <p className="text-xs text-slate-500">Your contract prices, volume breaks applied. Tax and shipping are added at checkout.</p>
        {cart.problemCount > 0 ? (
          <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {cart.problemCount === 1 ? 'One line needs' : `${cart.problemCount} lines need`} your attention before you order.
          </p>
        ) : null}
        {creditSummary}
        {checkoutActions}
      </aside>
    </div>
  );
}
