import { OrderSummary } from '@/components/rep/order-summary';
import type { OrderSummaryView } from '@/lib/rep/account-view';
import type { AccountBuyer } from '@/sync/flows/reps/rep-directory';
import { getAccountOrders } from '../rep-data';

/** One account's last and open orders, streamed in its own Suspense boundary so the list never waits on orders. */
export async function AccountOrders({ buyers }: { buyers: AccountBuyer[] }) {
  let summary: OrderSummaryView;
  try {
    summary = await getAccountOrders(buyers);
  } catch (error) {
    console.error('[rep] reading orders for the account failed:', error);
    return (
      <p className="text-sm text-amber-800" data-testid="account-orders-error">
        Orders could not be loaded just now.
      </p>
    );
  }
  return <OrderSummary summary={summary} />;
}
