import 'server-only';
import { cartOwner, readCart } from '@/lib/cart/buyer-cart';
import { checkRows, type CartLineQuantity, type CheckedRow } from './check-rows';
import { lookupSkus } from './lookup-skus';
import { parseQuickOrder } from './parse-lines';

export interface QuickOrderCheck {
  rows: CheckedRow[];
  /** Lines beyond MAX_ROWS, not checked. */
  unread: string;
}

/**
 * Reads and judges a quick-order paste for the signed-in buyer: parse, look every SKU up for this buyer, and
 * count what their cart already holds. Runs afresh for every check and again before adding, so a row's verdict
 * never comes from the browser. Null when nobody is signed in.
 */
export async function checkQuickOrder(text: string): Promise<QuickOrderCheck | null> {
  const owner = await cartOwner();
  if (!owner) return null;
  const parsed = parseQuickOrder(text);
  const [lookups, cart] = await Promise.all([
    lookupSkus(parsed.rows.filter((row) => !row.problem).map((row) => row.sku), owner.viewer),
    owner.cartId ? readCart(owner.cartId, owner.viewer) : Promise.resolve(null),
  ]);
  const cartLines: CartLineQuantity[] = (cart?.lineItems.physicalItems ?? []).flatMap((line) =>
    line.variantEntityId === null ? [] : [{ productEntityId: line.productEntityId, variantEntityId: line.variantEntityId, quantity: line.quantity }],
  );
  return { rows: checkRows(parsed.rows, lookups, cartLines), unread: parsed.unread };
}
