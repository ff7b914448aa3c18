import { OpenInvoices } from '@/components/account/open-invoices';
import { accountErp } from '@/lib/account/account-erp';
import { INVOICES_UNREACHABLE, openInvoicesView, type InvoicesView } from '@/lib/account/open-invoices';
import { erpCustomerNumberFor } from '@/lib/credit/buyer-credit';

/** Open invoices, streamed in their own Suspense boundary so a slow ERP never holds the order history. */
export async function InvoicesPanel({ customerId }: { customerId: number }) {
  let view: InvoicesView;
  try {
    view = await openInvoicesView(accountErp(), await erpCustomerNumberFor(customerId), new Date().toISOString().slice(0, 10), {
      timeoutMs: 5_000,
      log: (error) => console.error('[account] reading open invoices failed:', error),
    });
  } catch (error) {
    // The company link itself could not be read (BigCommerce), or the ERP is not configured.
    console.error('[account] open invoices unavailable:', error);
    view = { kind: 'unavailable', message: INVOICES_UNREACHABLE };
  }
  return <OpenInvoices view={view} />;
}
