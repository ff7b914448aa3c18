'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { AddToCartState } from '@/app/cart/_actions/add-to-cart';

export type AddToCartAction = (previous: AddToCartState, formData: FormData) => Promise<AddToCartState>;

/**
 * Quantity and "Add to cart" for one variant. The ids are only what to add; the server action takes the buyer
 * from the session and BigCommerce prices the line. `unavailable` explains why it cannot be added now.
 */
export function AddToCartForm({
  action,
  productEntityId,
  variantEntityId,
  defaultQuantity,
  unavailable,
}: {
  action: AddToCartAction;
  productEntityId: number;
  variantEntityId: number;
  defaultQuantity: number;
  unavailable: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle', message: null });
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid="add-to-cart">
      <input type="hidden" name="productEntityId" value={productEntityId} />
      <input type="hidden" name="variantEntityId" value={variantEntityId} />
      <div className="flex items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Quantity
          <input
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            required
            defaultValue={defaultQuantity}
            className="w-28 rounded border border-slate-300 px-3 py-2 font-normal tabular-nums"
          />
        </label>
        <button
          type="submit"
          disabled={pending || unavailable !== null}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60"
        >
          {pending ? 'Adding…' : 'Add to cart'}
        </button>
      </div>
      {unavailable ? <p className="text-sm text-slate-600">{unavailable}</p> : null}
      {state.message ? (
        <p
          role={state.status === 'error' ? 'alert' : 'status'}
          data-testid="add-to-cart-message"
          className={`rounded px-3 py-2 text-sm ${state.status === 'error' ? 'bg-red-50 text-red-800' : 'bg-emerald-50 text-emerald-900'}`}
        >
          {state.message}{' '}
          {state.status === 'added' ? (
            <Link href="/cart" className="font-medium underline">
              View cart
            </Link>
          ) : null}
        </p>
      ) : null}
    </form>
  );
}
