'use server';

import { redirect } from 'next/navigation';
import { hostedCheckoutUrl } from '@/lib/checkout/card-checkout';
import { auditWhileActing, getActingRep } from '@/lib/rep/acting-audit';
import { getSessionCartId, getSignedInBuyer } from '@/lib/session/session';

export interface CardCheckoutState {
  message: string | null;
}

/** "Pay by card": hands the session's cart to BigCommerce's hosted checkout and sends the browser there. */
export async function payByCard(_previous: CardCheckoutState): Promise<CardCheckoutState> {
  const buyer = await getSignedInBuyer();
  if (!buyer) redirect('/login?returnTo=/checkout');
  // BigCommerce's hosted checkout signs the browser in as the cart's customer, outside the impersonation's time
  // box and per-request checks: a rep acting for a buyer places on-account orders only.
  if (await getActingRep()) {
    await auditWhileActing('checkout-attempt', 'refused', { payment: 'card', reason: 'card checkout is not available while acting' });
    return { message: 'Card checkout is not available while you act for a buyer. Place the order on account, or ask the buyer to pay by card.' };
  }
  const cartId = await getSessionCartId();
  if (!cartId) return { message: 'Your cart is empty.' };
  let url: string | null;
  try {
    url = await hostedCheckoutUrl(cartId, buyer.customerId);
  } catch (error) {
    console.error('[checkout] creating the hosted checkout link failed:', error);
    url = null;
  }
  await auditWhileActing('checkout-attempt', url ? 'ok' : 'failed', { payment: 'card', cartId });
  if (!url) return { message: 'Card checkout could not be opened just now. Please try again in a moment.' };
  redirect(url);
}
