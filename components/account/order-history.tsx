import Link from 'next/link';
import type { OrderHistoryPage } from '@/lib/account/order-history';

/** The buyer's orders, newest first: date, total, status, ERP number ("pending" until posted), PO, tracking. */
export function OrderHistory({ history }: { history: OrderHistoryPage }) {
  if (history.orderCount === 0) {
    return (
      <p data-testid="order-history-empty" className="text-sm text-slate-600">
        No orders yet. Orders you place appear here with their status and tracking.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="order-history">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">Order</th>
              <th scope="col" className="py-2 pr-4 font-medium">Date</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Total</th>
              <th scope="col" className="py-2 pr-4 font-medium">Status</th>
              <th scope="col" className="py-2 pr-4 font-medium">ERP number</th>
              <th scope="col" className="py-2 pr-4 font-medium">PO</th>
              <th scope="col" className="py-2 font-medium">Tracking</th>
            </tr>
          </thead>
          <tbody>
            {history.orders.map((order) => (
              <tr key={order.id} data-testid="order-row" data-order-id={order.id} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-4">
                  <Link href={`/account/orders/${order.id}`} className="font-medium text-brand-700 underline">
                    #{order.id}
                  </Link>
                </td>
                <td className="py-2 pr-4 tabular-nums">
                  {order.date}
                  {order.placedBy ? (
                    <span className="block text-xs text-slate-600" data-testid="order-placed-by">
                      Placed for you by {order.placedBy}
                    </span>
                  ) : null}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">{order.total}</td>
                <td className="py-2 pr-4" data-testid="order-status">{order.status}</td>
                <td className="py-2 pr-4" data-testid="order-erp-number">
                  {order.erpNumber ?? <span className="text-slate-500">pending</span>}
                </td>
                <td className="py-2 pr-4">{order.poNumber ?? '—'}</td>
                <td className="py-2" data-testid="order-tracking">
                  {order.trackingNumbers.length > 0 ? order.trackingNumbers.join(', ') : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.pageCount > 1 ? (
        <nav aria-label="Order history pages" className="flex items-center gap-4 text-sm">
          {history.page > 1 ? (
            <Link href={`/account?page=${history.page - 1}`} className="text-brand-700 underline">
              Newer orders
            </Link>
          ) : null}
          <span className="text-slate-600">
            Page {history.page} of {history.pageCount}
          </span>
          {history.page < history.pageCount ? (
            <Link href={`/account?page=${history.page + 1}`} className="text-brand-700 underline">
              Older orders
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
