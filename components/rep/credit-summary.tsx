import type { CreditView } from '@/lib/rep/account-view';

export function CreditSummary({ credit }: { credit: CreditView | null }) {
  if (!credit) return <p className="text-sm text-slate-600">No credit figures from the ERP yet.</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="account-credit">
      <dt className="text-slate-500">Credit used</dt>
      <dd data-testid="credit-used">
        {credit.used} of {credit.limit}
      </dd>
      <dt className="text-slate-500">Available</dt>
      <dd data-testid="credit-available">{credit.available}</dd>
      {credit.overdue ? (
        <>
          <dt className="text-slate-500">Overdue</dt>
          <dd className="text-amber-800">{credit.overdue}</dd>
        </>
      ) : null}
      <dt className="text-slate-500">Hold</dt>
      <dd data-testid="credit-hold" className={credit.onHold ? 'font-medium text-red-700' : undefined}>
        {credit.holdLabel}
      </dd>
    </dl>
  );
}
