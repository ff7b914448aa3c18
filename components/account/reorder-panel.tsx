'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { ReorderState } from '@/app/account/_actions/reorder-state';

export type ReorderAction = (previous: ReorderState, formData: FormData) => Promise<ReorderState>;

const CHANGE = { same: 'unchanged', up: 'higher', down: 'lower', changed: 'changed' } as const;

/**
 * "Order again" and its answer: which lines went into the cart at today's price, how that price compares with
 * what this order paid, and why any line was left out (no longer sold, short of stock, …).
 */
export function ReorderPanel({ orderId, action, initial }: { orderId: number; action: ReorderAction; initial: ReorderState }) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <section aria-label="Order again" className="flex flex-col gap-3">
      <form action={formAction}>
        <input type="hidden" name="orderId" value={orderId} />
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60">
          {pending ? 'Adding…' : 'Order again'}
        </button>
      </form>
      {state.message ? (
        <p role="status" data-testid="reorder-message" className={`rounded px-3 py-2 text-sm ${state.tone === 'success' ? 'bg-emerald-50 text-emerald-900' : 'bg-red-50 text-red-800'}`}>
          {state.message}
          {state.added > 0 ? (
            <>
              {' '}
              <Link href="/cart" className="font-medium underline">
                Go to cart
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {state.lines.length > 0 ? (
        <table className="w-full text-left text-sm" data-testid="reorder-lines">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">SKU</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Qty</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Paid then</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Today</th>
              <th scope="col" className="py-2 font-medium">Result</th>
            </tr>
          </thead>
          <tbody>
            {state.lines.map((line, index) => (
              <tr key={`${line.sku}-${index}`} data-testid="reorder-line" data-sku={line.sku} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-4 font-mono">{line.sku}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{line.quantity}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{line.priceThen}</td>
                <td className="py-2 pr-4 text-right tabular-nums" data-testid="reorder-price-now">
                  {line.priceNow ?? '—'}
                  {line.priceChange && line.priceChange !== 'same' ? (
                    <span data-testid="reorder-price-change" className="ml-2 text-xs text-amber-800">
                      ({CHANGE[line.priceChange]})
                    </span>
                  ) : null}
                </td>
                <td className="py-2" data-testid="reorder-result">
                  {line.addable ? (state.added > 0 ? 'Added' : 'Can be added') : line.problems.join(' ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
