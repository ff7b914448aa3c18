import 'server-only';
import { cartDisplay, type CartDisplay } from '@/lib/cart/cart-display';
import { getBuyerCart } from '@/lib/cart/buyer-cart';
import { checkoutStore } from '@/lib/checkout/checkout-deps';
import { quoteFromCart } from '@/lib/checkout/checkout-quote';

/** `seen`: the fingerprint of the prices shown, handed to checkout so it can say what changed since. */
export type CartPageData = { kind: 'cart'; cart: CartDisplay; seen: string } | { kind: 'empty' } | { kind: 'error' };

/** The signed-in buyer's cart for the cart page; a failed read is a state of the page, not a crash. */
export async function getCartPageData(): Promise<CartPageData> {
  try {
    const cart = await getBuyerCart();
    if (!cart || cart.lines.length === 0) return { kind: 'empty' };
    const quote = quoteFromCart(cart);
    try {
      await (await checkoutStore()).saveQuote(quote.fingerprint, quote.lines);
    } catch (error) {
      // Checkout still re-prices and compares fingerprints; it just cannot list which lines changed.
      console.error('[cart] remembering the prices shown failed:', error);
    }
    return { kind: 'cart', cart: cartDisplay(cart), seen: quote.fingerprint };
  } catch (error) {
    console.error('[cart] reading the cart failed:', error);
    return { kind: 'error' };
  }
}
