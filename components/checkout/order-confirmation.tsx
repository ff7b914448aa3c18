import type { PlacedOrderDisplay } from '@/lib/checkout/placed-order';
import { LineItemsTable } from './line-items-table';

export function OrderConfirmation({ order }: { order: PlacedOrderDisplay }) {
  return (
    <div className="flex flex-col gap-4" data-testid="order-confirmation">
      <p className="text-lg">
        Thank you. Your order number is <strong data-testid="order-number">{order.id}</strong>.
      </p>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Status</dt>
        <dd>{order.status}</dd>
        <dt className="text-slate-500">Payment</dt>
        <dd data-testid="order-payment">{order.paymentMethod}</dd>
        {order.poNumber ? (
          <>
            <dt className="text-slate-500">PO number</dt>
            <dd data-testid="order-po">{order.poNumber}</dd>
          </>
        ) : null}
        {order.requestedDeliveryDate ? (
          <>
            <dt className="text-slate-500">Requested delivery</dt>
            <dd>{order.requestedDeliveryDate}</dd>
          </>
        ) : null}
        {order.comment ? (
          <>
            <dt className="text-slate-500">Comment</dt>
            <dd className="whitespace-pre-line">{order.comment}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">Ship to</dt>
        <dd>
          {order.shipTo.map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))}
        </dd>
      </dl>
      <LineItemsTable lines={order.lines} total={order.total} testIdPrefix="order" />
    </div>
  );
}
