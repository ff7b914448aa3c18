import { randomBytes } from 'node:crypto';
import { priceCartLines } from '../graphql/cart/line-pricing';
import type { SandboxResponse } from '../http/types';
import { buildOrder } from '../rest/orders/create';
import { fromUnits4 } from '../store/money';
import type { BcStore } from '../store/store';
import type { BcCart, BcOrder } from '../store/types';

/**
 * The store's hosted checkout, as far as a headless storefront sees it: `createCartRedirectUrls` links land on
 * `GET /cart.php?action=loadInCheckout&id=…&token=…`, which shows the cart, and paying by (test) card places
 * the order the way a completed BigCommerce checkout does: status Awaiting Fulfillment (11), payment method
 * "Credit Card", the cart's prices, `store/order/created` announced, and the cart deleted. Each link token
 * opens the checkout once; the page carries a fresh single-use token for its payment form.
 */
export function openHostedCheckout(store: BcStore, query: URLSearchParams): SandboxResponse {
  const cart = query.get('action') === 'loadInCheckout' ? takeToken(store, query.get('token'), query.get('id')) : undefined;
  if (!cart) {
    return page(410, 'Checkout link expired', '<p>This checkout link has expired or was already used. Go back to the store and check out again.</p>');
  }
  const payToken = randomBytes(32).toString('hex');
  store.checkoutTokens.set(payToken, cart.id);
  const currency = cart.currency.code;
  const lines = priceCartLines(store, cart);
  const total = lines.reduce((sum, l) => sum + l.unitPrice * l.line.quantity, 0);
  const rows = lines
    .map(
      (l) =>
        `<tr data-sku="${escapeHtml(l.variant.sku)}"><td>${escapeHtml(l.product.name)}</td><td>${escapeHtml(l.variant.sku)}</td><td>${l.line.quantity}</td>` +
        `<td>${format(l.unitPrice, currency)}</td><td>${format(l.unitPrice * l.line.quantity, currency)}</td></tr>`,
    )
    .join('');
  return page(
    200,
    'Checkout',
    `<table><thead><tr><th>Item</th><th>SKU</th><th>Qty</th><th>Unit price</th><th>Total</th></tr></thead><tbody>${rows}</tbody></table>` +
      `<p>Order total: <strong data-testid="hosted-checkout-total">${format(total, currency)}</strong></p>` +
      `<form method="post" action="/checkout/pay"><input type="hidden" name="token" value="${payToken}">` +
      `<input type="hidden" name="cart" value="${escapeHtml(cart.id)}"><button type="submit">Pay with test card</button></form>`,
  );
}

/** `POST /checkout/pay` from the page above (form-encoded `token` and `cart`). */
export function payHostedCheckout(store: BcStore, rawBody: string): SandboxResponse {
  const form = new URLSearchParams(rawBody);
  const cart = takeToken(store, form.get('token'), form.get('cart'));
  if (!cart) return page(410, 'Checkout expired', '<p>This checkout has expired or was already paid.</p>');
  const order = cardOrder(store, cart);
  if (!order) return page(409, 'Cannot place order', '<p>An item in this cart can no longer be ordered. Go back to the store and review your cart.</p>');
  store.orders.set(order.id, order);
  store.emit('store/order/created', { type: 'order', id: order.id });
  store.carts.delete(cart.id);
  return page(200, 'Order placed', `<p>Thank you. Your order number is <strong data-testid="hosted-checkout-order-id">${order.id}</strong>.</p>`);
}

function cardOrder(store: BcStore, cart: BcCart): BcOrder | undefined {
  const customer = store.customers.get(cart.customer_id);
  const address = customer?.addresses[0];
  // The hosted checkout asks for both; the demo shopper accepts their saved address for each.
  const savedAddress = {
    first_name: customer?.first_name ?? '',
    last_name: customer?.last_name ?? '',
    company: customer?.company ?? '',
    street_1: address?.address1 ?? '',
    city: address?.city ?? '',
    state: address?.state_or_province ?? '',
    zip: address?.postal_code ?? '',
    country_iso2: address?.country_code,
    email: customer?.email ?? '',
  };
  const built = buildOrder(store, {
    customer_id: cart.customer_id,
    status_id: 11,
    payment_method: 'Credit Card',
    default_currency_code: cart.currency.code,
    billing_address: savedAddress,
    shipping_addresses: [savedAddress],
    products: priceCartLines(store, cart).map((l) => ({
      product_id: l.product.id,
      variant_id: l.variant.id,
      quantity: l.line.quantity,
      price_ex_tax: fromUnits4(l.unitPrice),
      price_inc_tax: fromUnits4(l.unitPrice),
    })),
  });
  return 'billing_address' in built ? built : undefined;
}

/** A token opens the checkout of the cart it was issued for, once. */
function takeToken(store: BcStore, token: string | null, cartId: string | null): BcCart | undefined {
  if (!token || store.checkoutTokens.get(token) !== cartId || cartId === null) return undefined;
  store.checkoutTokens.delete(token);
  return store.carts.get(cartId);
}

function format(units4: number, currency: string): string {
  // Display only: the amount was summed in integer units4 before this conversion.
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(fromUnits4(units4));
}

function page(status: number, title: string, body: string): SandboxResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Sandbox checkout</title></head>` +
    `<body><h1>${title}</h1><p><em>BigCommerce sandbox hosted checkout</em></p>${body}</body></html>`;
  return { status, rawBody: html, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
