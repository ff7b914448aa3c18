import { randomBytes } from 'node:crypto';
import type { BcStore } from '../../store/store';
import type { BcCart } from '../../store/types';

export interface CartRedirectUrls {
  redirectedCheckoutUrl: string;
  embeddedCheckoutUrl: string;
  externalCheckoutUrl: string;
}

/**
 * Single-use links into the store's hosted checkout, in the shape BigCommerce's docs show
 * (`/cart.php?action=loadInCheckout&id={cart}&token={token}`, `embedded=1` for the embedded one). The three
 * URLs share one token and whichever is opened first uses it up. The external URL's shape is not documented;
 * the sandbox marks it with `external=1` [inferred]. Query params the caller passes are appended to each.
 */
export function issueRedirectUrls(store: BcStore, cart: BcCart, origin: string, queryParams: readonly { key: string; value: string }[]): CartRedirectUrls {
  const token = randomBytes(32).toString('hex');
  store.checkoutTokens.set(token, cart.id);
  const url = (extra: Record<string, string>) => {
    const target = new URL('/cart.php', origin);
    for (const [key, value] of Object.entries({ ...extra, action: 'loadInCheckout', id: cart.id, token })) target.searchParams.set(key, value);
    for (const { key, value } of queryParams) target.searchParams.append(key, value);
    return target.toString();
  };
  return { redirectedCheckoutUrl: url({}), embeddedCheckoutUrl: url({ embedded: '1' }), externalCheckoutUrl: url({ external: '1' }) };
}
