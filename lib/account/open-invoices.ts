import type { OpenInvoice } from '@/sync/erp/erp';
import { formatMoney } from '@/lib/money/money';

/**
 * The buyer's open invoices as the account page shows them, read from the ERP (read-only). An ERP that does not
 * answer, or answers too slowly, is a state of the page with a plain message, never an error page.
 */
export interface InvoiceDisplay {
  number: string;
  date: string;
  dueDate: string | null;
  amount: string;
  remaining: string;
  /** Due before today and still open. */
  overdue: boolean;
}

export type InvoicesView =
  | { kind: 'invoices'; invoices: InvoiceDisplay[]; overdueCount: number }
  | { kind: 'unavailable'; message: string };

export const INVOICES_UNREACHABLE = 'Your invoices cannot be read from our accounting system just now. Please try again in a few minutes.';
export const INVOICES_NOT_LINKED = 'Your account is not linked to a company account, so there are no invoices to show.';

export interface OpenInvoicesSource {
  readOpenInvoices(customerNumber: string): Promise<OpenInvoice[]>;
}

/** `today`: YYYY-MM-DD (UTC), the day overdue is judged against. */
export async function openInvoicesView(
  erp: OpenInvoicesSource,
  customerNumber: string | null,
  today: string,
  options: { timeoutMs: number; log?: (error: unknown) => void },
): Promise<InvoicesView> {
  if (!customerNumber) return { kind: 'unavailable', message: INVOICES_NOT_LINKED };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the ERP did not answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    });
    const invoices = await Promise.race([erp.readOpenInvoices(customerNumber), timeout]);
    const shown = invoices.map((invoice) => invoiceDisplay(invoice, today));
    return { kind: 'invoices', invoices: shown, overdueCount: shown.filter((i) => i.overdue).length };
  } catch (error) {
    options.log?.(error);
    return { kind: 'unavailable', message: INVOICES_UNREACHABLE };
  } finally {
    clearTimeout(timer);
  }
}

function invoiceDisplay(invoice: OpenInvoice, today: string): InvoiceDisplay {
  const money = (minor: number) => formatMoney({ minor, currency: invoice.currency });
  return {
    number: invoice.number,
    date: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    amount: money(invoice.total),
    remaining: money(invoice.amountRemaining),
    // ISO days compare as text.
    overdue: invoice.dueDate !== null && invoice.dueDate < today,
  };
}
