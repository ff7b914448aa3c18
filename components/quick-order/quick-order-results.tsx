import Link from 'next/link';
import type { QuickOrderRowDisplay } from '@/lib/quick-order/quick-order-display';

/**
 * One row per checked line: the item, the buyer's unit price at that quantity, the row total and availability,
 * or what is wrong with it and what to use instead. `onUseSuggestion` puts a suggested SKU into the pad.
 */
export function QuickOrderResults({
  rows,
  onUseSuggestion,
}: {
  rows: QuickOrderRowDisplay[];
  onUseSuggestion: (lineNumber: number, sku: string, suggestion: string) => void;
}) {
  if (rows.length === 0) return null;
  return (
    <table className="w-full text-sm" data-testid="quick-order-results">
      <thead className="border-b border-slate-200 text-left text-slate-500">
        <tr>
          <th className="py-2 font-medium">Line</th>
          <th className="py-2 font-medium">SKU</th>
          <th className="py-2 text-right font-medium">Qty</th>
          <th className="py-2 pl-4 font-medium">Item</th>
          <th className="py-2 text-right font-medium">Your price</th>
          <th className="py-2 text-right font-medium">Total</th>
          <th className="py-2 pl-4 font-medium">Availability</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.lineNumber} data-testid="quick-order-row" data-sku={row.sku} data-ok={row.ok} className={`border-b border-slate-100 align-top ${row.ok ? '' : 'bg-red-50/50'}`}>
            <td className="py-2 tabular-nums text-slate-500">{row.lineNumber}</td>
            <td className="py-2 font-mono">{row.sku}</td>
            <td className="py-2 text-right tabular-nums">{row.quantity}</td>
            <td className="py-2 pl-4">
              {row.name && row.href ? (
                <Link href={row.href} className="hover:underline">
                  {row.name}
                </Link>
              ) : null}
              {row.problems.map((problem) => (
                <p key={problem} className="text-red-800" data-testid="quick-order-problem">
                  {problem}
                </p>
              ))}
              {row.suggestions.length > 0 ? (
                <div className="mt-1 flex flex-wrap gap-1">
                  {row.suggestions.map((suggestion) => (
                    <button
                      key={suggestion}
                      type="button"
                      onClick={() => onUseSuggestion(row.lineNumber, row.sku, suggestion)}
                      className="rounded border border-slate-300 bg-white px-2 py-0.5 font-mono text-xs hover:bg-slate-50"
                      data-testid="quick-order-suggestion"
                    >
                      Use {suggestion}
                    </button>
                  ))}
                </div>
              ) : null}
            </td>
            <td className="py-2 text-right tabular-nums" data-testid="quick-order-unit-price">
              {row.unitPrice}
            </td>
            <td className="py-2 text-right tabular-nums" data-testid="quick-order-line-total">
              {row.lineTotal}
            </td>
            <td className="py-2 pl-4 text-slate-600">{row.availability}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
