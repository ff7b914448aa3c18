'use server';

import { redirect } from 'next/navigation';
import { hostedCheckoutUrl } from '@/lib/checkout/card-checkout';
import { auditWhileActing } from '@/lib/rep/acting-audit';
import { getSessionCartId, getSignedInBuyer } from '@/lib/session/session';

export interface CardCheckoutState {
  message: string | null;
}

/** "Pay by card": hands the session's cart to BigCommerce's hosted checkout and sends the browser there. */
export async function payByCard(_previous: CardCheckoutState): Promise<CardCheckoutState> {
  const buyer = await getSignedInBuyer();
  if (!buyer) redirect('/login?returnTo=/checkout');
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
