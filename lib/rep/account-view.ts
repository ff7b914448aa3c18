import type { CreditSnapshotRead } from '../../sync/flows/credit/sync-credit';
import { formatMoney } from '../money/money';
import type { AccountOrderSummary } from './order-summary';

/**
 * What the rep pages show about an account, as formatted text: components receive these and hold no money logic.
 */
export interface CreditView {
  limit: string;
  used: string;
  available: string;
  overdue: string | null;
  onHold: boolean;
  holdLabel: string;
  /** When the ERP was last known to have these figures (ISO). */
  asOf: string;
}

export function creditView(credit: CreditSnapshotRead): CreditView {
  const money = (minor: number) => formatMoney({ minor, currency: credit.currency });
  return {
    limit: credit.creditLimit === null ? 'No limit' : money(credit.creditLimit),
    // What the account owes plus what it has ordered and not been billed for: what counts against the limit.
    used: money(credit.balance + credit.unbilledOrders),
    available: credit.availableCredit === null ? 'No limit' : money(credit.availableCredit),
    overdue: credit.overdueBalance > 0 ? money(credit.overdueBalance) : null,
    onHold: credit.onHold,
    holdLabel: credit.onHold
      ? credit.creditHoldOverride === 'ON' ? 'On credit hold (set in the ERP)' : 'On credit hold'
      : credit.creditHoldOverride === 'OFF' ? 'Not on hold (exempt from automatic holds)' : 'Not on hold',
    asOf: credit.confirmedAt,
  };
}

export interface OrderSummaryView {
  lastOrder: { orderId: number; date: string; total: string } | null;
  openCount: number;
  openTotal: string | null;
  /** "of the last 50 per buyer" when some buyer has more orders than were read. */
  note: string | null;
}

export function orderSummaryView(summary: AccountOrderSummary, perBuyer: number): OrderSummaryView {
  return {
    lastOrder: summary.lastOrder
      ? {
          orderId: summary.lastOrder.orderId,
          date: summary.lastOrder.placedAt.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
          total: formatMoney(summary.lastOrder.total),
        }
      : null,
    openCount: summary.openCount,
    openTotal: summary.openTotals.length === 0 ? null : summary.openTotals.map((total) => formatMoney(total)).join(' + '),
    note: summary.truncated ? `among each buyer's last ${perBuyer} orders` : null,
  };
}
