import type { CreditUnavailable, CreditView } from '@/lib/credit/credit-gate';
import { formatMoney } from '@/lib/money/money';

/** The buyer's credit as the cart and checkout show it: formatted text only, so components hold no money logic. */
export type CreditDisplay =
  | {
      kind: 'credit';
      limit: string | null;
      balance: string;
      /** Unbilled ERP orders plus our own orders the ERP has not confirmed yet. */
      openOrders: string;
      available: string | null;
      termsName: string | null;
      onHold: boolean;
      nearLimit: boolean;
      /** Set when the ERP did not answer and these figures are the last snapshot. */
      asOf: string | null;
    }
  | { kind: 'unavailable'; message: string };

export function creditDisplay(credit: CreditView | CreditUnavailable): CreditDisplay {
  if ('unavailable' in credit) return { kind: 'unavailable', message: credit.message };
  const money = (minor: number) => formatMoney({ minor, currency: credit.currency });
  return {
    kind: 'credit',
    limit: credit.creditLimit === null ? null : money(credit.creditLimit),
    balance: money(credit.balance),
    openOrders: money(credit.unbilledOrders + credit.pendingExposure),
    available: credit.available === null ? null : money(Math.max(0, credit.available)),
    termsName: credit.termsName,
    onHold: credit.onHold,
    nearLimit: credit.nearLimit,
    asOf: credit.source.kind === 'snapshot' ? new Date(credit.source.asOf).toUTCString() : null,
  };
}
