'use client';

import { useActionState } from 'react';
import type { ActAsState } from '@/app/rep/_actions/start-acting';

type ActAsAction = (previous: ActAsState, formData: FormData) => Promise<ActAsState>;

/**
 * "Act as" one buyer. The hidden fields only say which of the rep's listed buyers was picked; the server checks
 * them against the rep's assignment and BigCommerce before anything starts.
 */
export function ActAsForm({ action, customerNumber, buyerCustomerId, buyerName, minutes }: {
  action: ActAsAction;
  customerNumber: string;
  buyerCustomerId: number;
  buyerName: string;
  minutes: number;
}) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid="act-as-form" data-buyer-id={buyerCustomerId}>
      <input type="hidden" name="customerNumber" value={customerNumber} />
      <input type="hidden" name="buyerCustomerId" value={buyerCustomerId} />
      <label className="flex flex-col gap-1 text-sm font-medium">
        Reason (kept in the audit log)
        <input name="reason" required maxLength={500} placeholder="e.g. phone order, ticket 4411" className="rounded border border-slate-300 px-3 py-1.5 font-normal" />
      </label>
      {state.error ? (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="act-as-error">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="self-start rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600 disabled:opacity-60">
        {pending ? 'Starting…' : `Act as ${buyerName} for ${minutes} min`}
      </button>
    </form>
  );
}
