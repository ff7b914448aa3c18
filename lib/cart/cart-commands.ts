import 'server-only';
import { AddCartLineItemsMutation, CreateCartMutation, DeleteCartLineItemMutation, UpdateCartLineItemMutation } from '@/graphql/mutations/cart';
import { storefrontMutation } from '@/lib/bigcommerce/graphql/client';
import { auditWhileActing } from '@/lib/rep/acting-audit';
import { setSessionCartId } from '@/lib/session/session';
import { cartOwner, readCart } from './buyer-cart';
import { CART_UNAVAILABLE_MESSAGE, cartErrorMessage, isCartGone } from './cart-errors';

/**
 * Changing the signed-in buyer's cart through the Storefront cart mutations. BigCommerce prices the lines and
 * enforces stock and purchase quantities; these functions keep the session's cart id in step with the store
 * (a first line creates the cart, removing the last one deletes it, a cart that vanished is replaced) and turn
 * refusals into messages. Server actions only: they may write the session cookie.
 *
 * While a sales rep acts as the buyer, the cart is the impersonation's own (the session module keeps it apart from
 * the buyer's), and each command leaves one audit entry saying what was asked and how it ended.
 */
export type CartChange = { ok: true } | { ok: false; message: string };

export interface LineToAdd {
  productEntityId: number;
  variantEntityId: number;
  quantity: number;
}

const SIGN_IN: CartChange = { ok: false, message: 'Sign in to order.' };
const GONE: CartChange = { ok: false, message: 'Your cart has expired. Add the items again.' };

/** Adds lines in one change: either all of them go in, or none does. */
export async function addLinesToCart(lines: readonly LineToAdd[]): Promise<CartChange> {
  return audited('cart-add', { lines }, () => addLines(lines));
}

/** Sets a line's quantity; the line's product and variant are read from the cart itself, not from the request. */
export async function changeLineQuantity(lineItemEntityId: string, quantity: number): Promise<CartChange> {
  return audited('cart-update', { lineItemEntityId, quantity }, () => changeQuantity(lineItemEntityId, quantity));
}

export async function removeCartLine(lineItemEntityId: string): Promise<CartChange> {
  return audited('cart-remove', { lineItemEntityId }, () => removeLine(lineItemEntityId));
}

async function audited(action: 'cart-add' | 'cart-update' | 'cart-remove', detail: Record<string, unknown>, change: () => Promise<CartChange>): Promise<CartChange> {
  const result = await change();
  await auditWhileActing(action, result.ok ? 'ok' : 'refused', result.ok ? detail : { ...detail, message: result.message });
  return result;
}

async function addLines(lines: readonly LineToAdd[]): Promise<CartChange> {
  const owner = await cartOwner();
  if (!owner) return SIGN_IN;
  const lineItems = lines.map(({ productEntityId, variantEntityId, quantity }) => ({ productEntityId, variantEntityId, quantity }));
  try {
    if (owner.cartId) {
      try {
        await storefrontMutation(AddCartLineItemsMutation, { cartEntityId: owner.cartId, lineItems }, owner.viewer);
        return { ok: true };
      } catch (error) {
        // The cart was ordered, deleted or expired since: start a new one with these lines.
        if (!isCartGone(error)) throw error;
      }
    }
    const { cart } = await storefrontMutation(CreateCartMutation, { lineItems }, owner.viewer);
    const entityId = cart.createCart?.cart?.entityId;
    if (!entityId) return { ok: false, message: CART_UNAVAILABLE_MESSAGE };
    await setSessionCartId(entityId);
    return { ok: true };
  } catch (error) {
    return refused('add', error);
  }
}

async function changeQuantity(lineItemEntityId: string, quantity: number): Promise<CartChange> {
  const owner = await cartOwner();
  if (!owner) return SIGN_IN;
  if (!owner.cartId) return GONE;
  try {
    const cart = await readCart(owner.cartId, owner.viewer);
    if (!cart) {
      await setSessionCartId(null);
      return GONE;
    }
    const line = cart.lineItems.physicalItems.find((item) => item.entityId === lineItemEntityId);
    if (!line) return { ok: false, message: 'That line is no longer in your cart.' };
    const lineItem = { productEntityId: line.productEntityId, variantEntityId: line.variantEntityId, quantity };
    await storefrontMutation(UpdateCartLineItemMutation, { cartEntityId: owner.cartId, lineItemEntityId, lineItem }, owner.viewer);
    return { ok: true };
  } catch (error) {
    return refused('change quantity', error);
  }
}

async function removeLine(lineItemEntityId: string): Promise<CartChange> {
  const owner = await cartOwner();
  if (!owner) return SIGN_IN;
  if (!owner.cartId) return GONE;
  try {
    const { cart } = await storefrontMutation(DeleteCartLineItemMutation, { cartEntityId: owner.cartId, lineItemEntityId }, owner.viewer);
    // Removing the last line deletes the cart at BigCommerce; the next add starts a new one.
    if (cart.deleteCartLineItem?.deletedCartEntityId) await setSessionCartId(null);
    return { ok: true };
  } catch (error) {
    if (isCartGone(error)) {
      await setSessionCartId(null);
      return GONE;
    }
    return refused('remove', error);
  }
}

function refused(what: string, error: unknown): CartChange {
  const message = cartErrorMessage(error);
  // Refusals the buyer can fix are expected; anything else is worth a log line for support.
  if (message === CART_UNAVAILABLE_MESSAGE) console.error(`[cart] ${what} failed:`, error);
  return { ok: false, message };
}
