'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { changeLineQuantity, removeCartLine } from '@/lib/cart/cart-commands';
import type { CartLineState } from './cart-line-state';

const changeSchema = z.object({
  lineItemEntityId: z.string().min(1).max(64),
  quantity: z.coerce.number({ error: 'Enter a quantity.' }).int('Enter a whole number.').min(0, 'Enter 0 or more.').max(1_000_000, 'That quantity is too large.'),
});

/** Sets a cart line's quantity; 0 removes the line. */
export async function changeQuantity(_previous: CartLineState, formData: FormData): Promise<CartLineState> {
  const parsed = changeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? 'Check the quantity.' };
  const { lineItemEntityId, quantity } = parsed.data;
  const result = quantity === 0 ? await removeCartLine(lineItemEntityId) : await changeLineQuantity(lineItemEntityId, quantity);
  if (!result.ok) return { message: result.message };
  refresh();
  return { message: null };
}
