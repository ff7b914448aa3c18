import { CartLink } from '@/components/cart/cart-link';
import { getCartLineCount } from '@/lib/cart/buyer-cart';

/** The header's cart link with the buyer's line count, streamed so no page waits on the cart. */
export async function HeaderCart() {
  let lineCount: number | null;
  try {
    lineCount = await getCartLineCount();
  } catch (error) {
    console.error('[cart] line count for the header failed:', error);
    lineCount = null;
  }
  return <CartLink lineCount={lineCount} />;
}
