/** One order line as shown: money already formatted by the page's data layer. */
export interface LineItemRow {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: string;
  lineTotal: string;
}

/**
 * The lines and total of an order, as the checkout summary and the confirmation show them. `testIdPrefix` keeps
 * each page's test ids (`checkout-lines`, `checkout-line`, … / `order-lines`, …).
 */
export function LineItemsTable({ lines, total, testIdPrefix, showSku = false }: { lines: LineItemRow[]; total: string; testIdPrefix: 'checkout' | 'order'; showSku?: boolean }) {
  return (
    <>
      <table className="w-full text-sm" data-testid={`${testIdPrefix}-lines`}>
        <thead className="border-b border-slate-200 text-left text-slate-500">
          <tr>
            <th className="py-1 font-medium">Item</th>
            <th className="py-1 text-right font-medium">Qty</th>
            <th className="py-1 text-right font-medium">Unit price</th>
            <th className="py-1 text-right font-medium">Total</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={`${line.sku}-${line.name}`} data-testid={`${testIdPrefix}-line`} data-sku={line.sku} className="border-b border-slate-100">
              <td className="py-2 pr-2">
                {line.name}
                {showSku ? <span className="block text-xs text-slate-500">SKU {line.sku}</span> : null}
              </td>
              <td className="py-2 text-right tabular-nums">{line.quantity}</td>
              <td className="py-2 text-right tabular-nums" data-testid={`${testIdPrefix}-line-unit-price`}>
                {line.unitPrice}
              </td>
              <td className="py-2 text-right tabular-nums">{line.lineTotal}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="flex justify-between text-base font-semibold">
        <span>Order total</span>
        <span data-testid={`${testIdPrefix}-total`} className="tabular-nums">
          {total}
        </span>
      </p>
    </>
  );
}
