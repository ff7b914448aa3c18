import { CreditSummary } from '@/components/checkout/credit-summary';
import { creditDisplay } from '@/lib/checkout/credit-display';
import { buyerCredit } from '@/lib/credit/buyer-credit';

/**
 * The buyer's credit for the cart page, streamed in its own Suspense boundary: a slow ERP (the gate waits a few
 * seconds before using the snapshot) must not hold the cart itself.
 */
export async function CreditPanel({ customerId }: { customerId: number }) {
  let credit;
  try {
    credit = creditDisplay(await buyerCredit(customerId));
  } catch (error) {
    console.error('[cart] reading credit failed:', error);
    credit = { kind: 'unavailable', message: 'Your credit could not be checked just now; it is checked again when you place an order.' } as const;
  }
  return <CreditSummary credit={credit} />;
}
