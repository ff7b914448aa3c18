import type { CreditDisplay } from '@/lib/checkout/credit-display';

/** The company's credit line: limit, balance, open orders, available, hold, a warning near the limit. */
export function CreditSummary({ credit }: { credit: CreditDisplay }) {
  if (credit.kind === 'unavailable') {
    return (
      <section aria-label="Your credit" data-testid="credit-summary" className="rounded border border-slate-200 p-3 text-sm">
        <h2 className="font-medium">Credit</h2>
        <p data-testid="credit-unavailable" className="mt-1 text-amber-900">
          {credit.message}
        </p>
      </section>
    );
  }
  return (
    <section aria-label="Your credit" data-testid="credit-summary" className="flex flex-col gap-2 rounded border border-slate-200 p-3 text-sm">
      <h2 className="font-medium">Credit{credit.termsName ? ` · ${credit.termsName}` : ''}</h2>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 tabular-nums">
        <dt>Credit limit</dt>
        <dd className="text-right">{credit.limit ?? 'None'}</dd>
        <dt>Open balance</dt>
        <dd className="text-right">{credit.balance}</dd>
        <dt>Open orders</dt>
        <dd className="text-right">{credit.openOrders}</dd>
        <dt className="font-medium">Available</dt>
        <dd className="text-right font-medium" data-testid="credit-available">
          {credit.available ?? '—'}
        </dd>
      </dl>
      {credit.onHold ? (
        <p role="status" data-testid="credit-hold" className="rounded bg-red-50 px-2 py-1 text-red-900">
          Your company’s account is on credit hold: on-account orders are paused. You can still pay by card.
        </p>
      ) : credit.nearLimit ? (
        <p role="status" data-testid="credit-near-limit" className="rounded bg-amber-50 px-2 py-1 text-amber-900">
          Your company is close to its credit limit.
        </p>
      ) : null}
      {credit.asOf ? <p className="text-xs text-slate-500">Figures as of {credit.asOf}; our ERP is not answering just now.</p> : null}
    </section>
  );
}
