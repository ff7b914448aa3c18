'use client';

import { useActionState } from 'react';
import type { CartLineState } from '@/app/cart/_actions/cart-line-state';

export type CartLineAction = (previous: CartLineState, formData: FormData) => Promise<CartLineState>;

/** A line's quantity form (0 removes it) and its Remove button, each with the server's answer beside it. */
export function CartLineControls({
  lineItemEntityId,
  quantity,
  name,
  changeQuantity,
  removeLine,
}: {
  lineItemEntityId: string;
  quantity: number;
  name: string;
  changeQuantity: CartLineAction;
  removeLine: CartLineAction;
}) {
  const [changed, changeAction, changing] = useActionState(changeQuantity, { message: null });
  const [removed, removeAction, removing] = useActionState(removeLine, { message: null });
  const message = changed.message ?? removed.message;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <form action={changeAction} className="flex items-center gap-2">
          <input type="hidden" name="lineItemEntityId" value={lineItemEntityId} />
          <label className="sr-only" htmlFor={`qty-${lineItemEntityId}`}>
            Quantity of {name}
          </label>
          <input
            id={`qty-${lineItemEntityId}`}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            required
            defaultValue={quantity}
            key={quantity}
            data-testid="cart-line-quantity"
            className="w-24 rounded border border-slate-300 px-2 py-1 tabular-nums"
          />
          <button type="submit" disabled={changing} className="rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50 disabled:opacity-60">
            {changing ? 'Updating…' : 'Update'}
          </button>
        </form>
        <form action={removeAction}>
          <input type="hidden" name="lineItemEntityId" value={lineItemEntityId} />
          <button type="submit" disabled={removing} className="px-2 py-1 text-sm text-red-700 underline disabled:opacity-60" aria-label={`Remove ${name}`}>
            {removing ? 'Removing…' : 'Remove'}
          </button>
        </form>
      </div>
      {message ? (
        <p role="alert" data-testid="cart-line-error" className="text-sm text-red-800">
          {message}
        </p>
      ) : null}
    </div>
  );
}
