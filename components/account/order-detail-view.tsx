import type { ReactNode } from 'react';
import type { OrderDetail } from '@/lib/account/order-detail';
import { formatMoney } from '@/lib/money/money';

/** One order: its ERP number and status, PO and delivery date, tracking, and lines; `actions` holds "Order again". */
export function OrderDetailView({ order, actions }: { order: OrderDetail; actions?: ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-600">Placed</dt>
        <dd className="tabular-nums">{order.date}</dd>
        <dt className="text-slate-600">Status</dt>
        <dd data-testid="order-status">{order.status}</dd>
        <dt className="text-slate-600">ERP number</dt>
        <dd data-testid="order-erp-number">{order.erpNumber ?? <span className="text-slate-500">pending</span>}</dd>
        {order.paymentMethod ? (
          <>
            <dt className="text-slate-600">Payment</dt>
            <dd>{order.paymentMethod}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">PO number</dt>
        <dd>{order.poNumber ?? '—'}</dd>
        {order.requestedDeliveryDate ? (
          <>
            <dt className="text-slate-600">Requested delivery</dt>
            <dd>{order.requestedDeliveryDate}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">Tracking</dt>
        <dd data-testid="order-tracking">{order.trackingNumbers.length > 0 ? order.trackingNumbers.join(', ') : '—'}</dd>
        <dt className="font-medium">Total</dt>
        <dd className="font-medium tabular-nums">{order.total}</dd>
      </dl>
      {order.comment ? <p className="max-w-xl whitespace-pre-line text-sm text-slate-700">{order.comment}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="order-lines">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">SKU</th>
              <th scope="col" className="py-2 pr-4 font-medium">Item</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Qty</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Shipped</th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">Unit price</th>
              <th scope="col" className="py-2 text-right font-medium">Line total</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line, index) => (
              <tr key={`${line.sku}-${index}`} data-testid="order-line" className="border-b border-slate-100">
                <td className="py-2 pr-4 font-mono">{line.sku}</td>
                <td className="py-2 pr-4">{line.name}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{line.quantity}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{line.quantityShipped}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(line.unitPrice)}</td>
                <td className="py-2 text-right tabular-nums">{formatMoney(line.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {actions}
    </div>
  );
}
