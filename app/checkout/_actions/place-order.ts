'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { changeDisplay } from '@/lib/checkout/change-display';
import { checkoutDeps } from '@/lib/checkout/checkout-deps';
import { placeOnAccountOrder } from '@/lib/checkout/place-order';
import { formatMoney } from '@/lib/money/money';
import { auditWhileActing, getActingRep } from '@/lib/rep/acting-audit';
import { getSessionCartId, getSignedInBuyer, setSessionCartId } from '@/lib/session/session';
import { INITIAL_CHECKOUT_STATE, type CheckoutState } from './checkout-state';

/**
 * "Place order" (on account). The buyer and the cart come from the session only; the form supplies choices, never
 * prices. All rules live in `placeOnAccountOrder`, so posting to this action directly is gated the same way.
 */
export async function placeOrder(_previous: CheckoutState, formData: FormData): Promise<CheckoutState> {
  const buyer = await getSignedInBuyer();
  if (!buyer) redirect('/login?returnTo=/checkout');
  const rep = await getActingRep();
  const placedBy = rep ? { repId: rep.repId, name: rep.name, email: rep.email, actingId: rep.actingId } : null;
  const result = await placeOnAccountOrder(await checkoutDeps(), { customerId: buyer.customerId, email: buyer.email, cartId: await getSessionCartId(), placedBy }, formData);
  // While a sales rep acts as the buyer, every placement attempt is on the record.
  if (result.kind === 'refused') await auditWhileActing('credit-refused', 'refused', { refusal: result.refusal, message: result.message });
  else await auditWhileActing('checkout-result', result.kind === 'placed' ? 'ok' : 'failed', result.kind === 'placed' ? { orderId: result.orderId } : { outcome: result.kind });
  switch (result.kind) {
    case 'placed':
      await setSessionCartId(null);
      return redirect(`/checkout/confirmation/${result.orderId}`);
    case 'invalid':
      return { ...INITIAL_CHECKOUT_STATE, message: result.message, fieldErrors: result.fieldErrors };
    case 'changed':
      // The page re-renders with the new summary (and its fingerprint) for the buyer to confirm.
      refresh();
      return { ...INITIAL_CHECKOUT_STATE, message: result.message, changes: result.changes.map(changeDisplay) };
    case 'refused':
      return {
        ...INITIAL_CHECKOUT_STATE,
        refusal: {
          message: result.message,
          available: result.available ? formatMoney(result.available) : null,
          shortfall: result.shortfall ? formatMoney(result.shortfall) : null,
        },
      };
    case 'cart-empty':
    case 'in-progress':
    case 'failed':
      return { ...INITIAL_CHECKOUT_STATE, message: result.message };
  }
}
