'use client';

import { useActionState } from 'react';
import type { CardCheckoutState } from '@/app/checkout/_actions/pay-by-card';
import { INITIAL_CHECKOUT_STATE, type CheckoutState } from '@/app/checkout/_actions/checkout-state';
import type { CheckoutPageData } from '@/app/checkout/checkout-data';
import { CardButton } from './card-button';
import { PriceChanges } from './order-summary';

type PlaceOrderAction = (previous: CheckoutState, formData: FormData) => Promise<CheckoutState>;

/**
 * Ship-to, PO number, delivery date and comment, then "Place order on account". The hidden fields say which
 * checkout this is (token: a second submit returns the first one's order) and which summary the buyer saw; no
 * price, quantity or total is sent. A refusal shows why, the available credit and the shortfall, and offers card.
 */
export function CheckoutForm({
  data,
  placeOrder,
  payByCard,
}: {
  data: CheckoutPageData;
  placeOrder: PlaceOrderAction;
  payByCard: (previous: CardCheckoutState) => Promise<CardCheckoutState>;
}) {
  const [state, action, pending] = useActionState(placeOrder, INITIAL_CHECKOUT_STATE);
  const error = (field: string) =>
    state.fieldErrors[field] ? (
      <p role="alert" data-testid={`error-${field}`} className="text-sm text-red-800">
        {state.fieldErrors[field]}
      </p>
    ) : null;
  const onAccountClosed = data.credit.kind === 'credit' && data.credit.onHold;
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-col gap-4" data-testid="checkout-form">
        <input type="hidden" name="token" value={data.token} />
        <input type="hidden" name="quoted" value={data.quoted} />
        {data.seen ? <input type="hidden" name="seen" value={data.seen} /> : null}

        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium">Ship to</legend>
          {data.addresses.length === 0 ? <p className="text-sm text-amber-900">Your account has no delivery address. Contact your account manager to add one.</p> : null}
          {data.addresses.map((address, i) => (
            <label key={address.id} className="flex gap-2 rounded border border-slate-200 p-2 text-sm">
              <input type="radio" name="shipTo" value={address.id} defaultChecked={i === 0} required />
              <span>
                {address.lines.map((line) => (
                  <span key={line} className="block">
                    {line}
                  </span>
                ))}
              </span>
            </label>
          ))}
          {error('shipTo')}
        </fieldset>

        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">PO number{data.poRequired ? ' (required by your company)' : ' (optional)'}</span>
          <input name="poNumber" maxLength={45} required={data.poRequired} data-testid="po-number" className="rounded border border-slate-300 px-2 py-1" />
          {error('poNumber')}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Requested delivery date (optional)</span>
          <input name="deliveryDate" type="date" min={data.today} data-testid="delivery-date" className="w-48 rounded border border-slate-300 px-2 py-1" />
          {error('deliveryDate')}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Comment (optional)</span>
          <textarea name="comment" maxLength={1000} rows={3} data-testid="order-comment" className="rounded border border-slate-300 px-2 py-1" />
          {error('comment')}
        </label>

        {data.seen ? (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="confirmChanges" required data-testid="confirm-changes" />
            <span>I have reviewed the changed prices above and want to order at them.</span>
          </label>
        ) : null}
        {error('confirmChanges')}

        {state.changes.length > 0 ? <PriceChanges changes={state.changes} /> : null}
        {state.message ? (
          <p role="alert" data-testid="checkout-message" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {state.message}
          </p>
        ) : null}

        <button
          type="submit"
          disabled={pending}
          data-testid="place-order"
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60"
        >
          {pending ? 'Placing your order…' : `Place order on account${data.credit.kind === 'credit' && data.credit.termsName ? ` (${data.credit.termsName})` : ''}`}
        </button>
      </form>

      {state.refusal ? (
        <div role="alert" data-testid="credit-refusal" className="flex flex-col gap-1 rounded bg-red-50 px-3 py-2 text-sm text-red-900">
          <p>{state.refusal.message}</p>
          {state.refusal.available ? (
            <p>
              Available credit: <strong data-testid="refusal-available">{state.refusal.available}</strong>
              {state.refusal.shortfall ? (
                <>
                  {' '}
                  · short by <strong data-testid="refusal-shortfall">{state.refusal.shortfall}</strong>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-col gap-1 border-t border-slate-200 pt-4">
        <p className="text-sm text-slate-600">Or pay now by card on our secure checkout; it does not use your credit line.</p>
        <CardButton payByCard={payByCard} primary={Boolean(state.refusal) || onAccountClosed} />
      </div>
    </div>
  );
}
