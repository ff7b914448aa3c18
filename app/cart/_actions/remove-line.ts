'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { removeCartLine } from '@/lib/cart/cart-commands';
import type { CartLineState } from './cart-line-state';

const removeSchema = z.object({ lineItemEntityId: z.string().min(1).max(64) });

export async function removeLine(_previous: CartLineState, formData: FormData): Promise<CartLineState> {
  const parsed = removeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: 'That line could not be found.' };
  const result = await removeCartLine(parsed.data.lineItemEntityId);
  if (!result.ok) return { message: result.message };
  refresh();
  return { message: null };
}
