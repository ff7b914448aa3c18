'use client';

import { useActionState } from 'react';
import type { CardCheckoutState } from '@/app/checkout/_actions/pay-by-card';

/** "Pay by card": the server makes a single-use hosted checkout link and redirects the browser to it. */
export function CardButton({ payByCard, primary = false }: { payByCard: (previous: CardCheckoutState) => Promise<CardCheckoutState>; primary?: boolean }) {
  const [state, action, pending] = useActionState(payByCard, { message: null });
  return (
    <form action={action} className="flex flex-col gap-1">
      <button
        type="submit"
        disabled={pending}
        data-testid="pay-by-card"
        className={
          primary
            ? 'rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60'
            : 'rounded border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 disabled:opacity-60'
        }
      >
        {pending ? 'Opening card checkout…' : 'Pay by card'}
      </button>
      {state.message ? (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
