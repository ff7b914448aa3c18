'use server';

import { refresh } from 'next/cache';
import { reorder } from '@/lib/account/reorder';
import { getManagementClient } from '@/lib/bigcommerce/management-client';
import { cartOwner, readCart } from '@/lib/cart/buyer-cart';
import { addLinesToCart } from '@/lib/cart/cart-commands';
import type { ReorderState } from './reorder-state';

/**
 * "Order again": the order id is the only thing taken from the form; the buyer is the session's, and the order must
 * be theirs (reorder() reads it for this customer and answers not-found otherwise). Prices and stock are looked up
 * afresh here, so nothing the page showed is trusted.
 */
export async function reorderOrder(_previous: ReorderState, formData: FormData): Promise<ReorderState> {
  const orderId = Number(formData.get('orderId'));
  const owner = await cartOwner();
  if (!owner || owner.viewer.kind !== 'customer') return { message: 'Sign in to order again.', tone: 'error', lines: [], added: 0 };
  const { customerId } = owner.viewer;
  try {
    const result = await reorder(
      {
        rest: getManagementClient(),
        customerId,
        viewer: owner.viewer,
        cartLines: async () => {
          const cart = owner.cartId ? await readCart(owner.cartId, owner.viewer) : null;
          return (cart?.lineItems.physicalItems ?? []).flatMap((line) =>
            line.variantEntityId === null ? [] : [{ productEntityId: line.productEntityId, variantEntityId: line.variantEntityId, quantity: line.quantity }],
          );
        },
        addLines: addLinesToCart,
      },
      orderId,
    );
    if (result.kind === 'not-found') return { message: 'That order was not found.', tone: 'error', lines: [], added: 0 };
    if (result.kind === 'refused') return { message: result.message, tone: 'error', lines: result.lines, added: 0 };
    refresh();
    const added = `Added ${result.added} ${result.added === 1 ? 'line' : 'lines'} to your cart at today’s prices.`;
    const rest = result.notAdded > 0 ? ` ${result.notAdded === 1 ? 'One line was' : `${result.notAdded} lines were`} not added: see why below.` : '';
    return { message: `${added}${rest}`, tone: 'success', lines: result.lines, added: result.added };
  } catch (error) {
    console.error('[account] reorder failed:', error);
    return { message: 'Your cart could not be updated just now. Please try again.', tone: 'error', lines: [], added: 0 };
  }
}
