'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { addLinesToCart } from '@/lib/cart/cart-commands';

export interface AddToCartState {
  status: 'idle' | 'added' | 'error';
  message: string | null;
}

const lineSchema = z.object({
  productEntityId: z.coerce.number().int().positive(),
  variantEntityId: z.coerce.number().int().positive(),
  quantity: z.coerce.number({ error: 'Enter a quantity.' }).int('Enter a whole number.').min(1, 'Enter a quantity of at least 1.').max(1_000_000, 'That quantity is too large.'),
});

/**
 * The product page's "Add to cart". The ids only say *what* to add; *who* it is for comes from the session, and
 * BigCommerce decides the price (the buyer's price list, volume break at the line's quantity) and the stock.
 */
export async function addToCart(_previous: AddToCartState, formData: FormData): Promise<AddToCartState> {
  const parsed = lineSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: 'error', message: parsed.error.issues[0]?.message ?? 'Check the quantity.' };
  const result = await addLinesToCart([parsed.data]);
  if (!result.ok) return { status: 'error', message: result.message };
  // Re-render the page so the header's cart count is current.
  refresh();
  return { status: 'added', message: `Added ${parsed.data.quantity} to your cart.` };
}
