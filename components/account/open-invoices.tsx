import type { InvoicesView } from '@/lib/account/open-invoices';

/** Open invoices from the ERP (read-only): number, dates, amount, what is still open, overdue flag. */
export function OpenInvoices({ view }: { view: InvoicesView }) {
  return (
    <section aria-labelledby="open-invoices" className="flex flex-col gap-2">
      <h2 id="open-invoices" className="text-lg font-semibold">
        Open invoices
      </h2>
      {view.kind === 'unavailable' ? (
        <p role="status" data-testid="invoices-unavailable" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {view.message}
        </p>
      ) : view.invoices.length === 0 ? (
        <p data-testid="invoices-empty" className="text-sm text-slate-600">
          No open invoices.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="open-invoices">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Invoice</th>
                <th scope="col" className="py-2 pr-4 font-medium">Date</th>
                <th scope="col" className="py-2 pr-4 font-medium">Due</th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">Amount</th>
                <th scope="col" className="py-2 text-right font-medium">Open</th>
              </tr>
            </thead>
            <tbody>
              {view.invoices.map((invoice) => (
                <tr key={invoice.number} data-testid="invoice-row" className="border-b border-slate-100">
                  <td className="py-2 pr-4 font-medium">{invoice.number}</td>
                  <td className="py-2 pr-4 tabular-nums">{invoice.date}</td>
                  <td className="py-2 pr-4 tabular-nums">
                    {invoice.dueDate ?? '—'}
                    {invoice.overdue ? (
                      <span data-testid="invoice-overdue" className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800">
                        Overdue
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4 text-right tabular-nums">{invoice.amount}</td>
                  <td className="py-2 text-right tabular-nums">{invoice.remaining}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
