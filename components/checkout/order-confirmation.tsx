import type { PlacedOrderDisplay } from '@/lib/checkout/placed-order';

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
      <table className="w-full text-sm" data-testid="order-lines">
        <thead className="border-b border-slate-200 text-left text-slate-500">
          <tr>
            <th className="py-1 font-medium">Item</th>
            <th className="py-1 text-right font-medium">Qty</th>
            <th className="py-1 text-right font-medium">Unit price</th>
            <th className="py-1 text-right font-medium">Total</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={`${line.sku}-${line.name}`} data-testid="order-line" data-sku={line.sku} className="border-b border-slate-100">
              <td className="py-2">{line.name}</td>
              <td className="py-2 text-right tabular-nums">{line.quantity}</td>
              <td className="py-2 text-right tabular-nums" data-testid="order-line-unit-price">
                {line.unitPrice}
              </td>
              <td className="py-2 text-right tabular-nums">{line.lineTotal}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="flex justify-between text-base font-semibold">
        <span>Order total</span>
        <span data-testid="order-total" className="tabular-nums">
          {order.total}
        </span>
      </p>
    </div>
  );
}
