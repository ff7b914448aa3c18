import type { OrderSummaryView } from '@/lib/rep/account-view';

export function OrderSummary({ summary }: { summary: OrderSummaryView }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="account-orders">
      <dt className="text-slate-500">Last order</dt>
      <dd data-testid="account-last-order">
        {summary.lastOrder ? `${summary.lastOrder.date} · ${summary.lastOrder.total} (#${summary.lastOrder.orderId})` : 'No orders yet'}
      </dd>
      <dt className="text-slate-500">Open orders</dt>
      <dd data-testid="account-open-orders">
        {summary.openCount === 0 ? 'None' : `${summary.openCount}${summary.openTotal ? ` · ${summary.openTotal}` : ''}`}
        {summary.note ? <span className="text-slate-500"> ({summary.note})</span> : null}
      </dd>
    </dl>
  );
}
