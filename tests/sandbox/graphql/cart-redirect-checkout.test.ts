import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphqlSandbox, type GraphqlSandbox } from './fixture';

/**
 * createCartRedirectUrls and the sandbox's hosted checkout: single-use links for the cart's owner only, and
 * paying by card places one order at the cart's prices and deletes the cart.
 */
const ACME = 501;
const BETA = 502;

let sandbox: GraphqlSandbox;
const created: { type: string; id: number }[] = [];
beforeAll(async () => {
  sandbox = await startGraphqlSandbox();
  sandbox.store.onEvent((event) => {
    if (event.scope === 'store/order/created') created.push(event.data as { type: string; id: number });
  });
});
afterAll(() => sandbox.close());

const REDIRECT = `mutation Urls($input: CreateCartRedirectUrlsInput) { cart { createCartRedirectUrls(input: $input) {
  redirectUrls { redirectedCheckoutUrl embeddedCheckoutUrl externalCheckoutUrl } errors { __typename ... on Error { message } } } } }`;

interface UrlsResult {
  redirectUrls: { redirectedCheckoutUrl: string; embeddedCheckoutUrl: string; externalCheckoutUrl: string } | null;
  errors: { __typename: string; message: string }[];
}

async function acmeCart(quantity: number): Promise<string> {
  const result = await sandbox.graphql('mutation C($q: Int!) { cart { createCart(input: { lineItems: [{ productEntityId: 101, quantity: $q }] }) { cart { entityId } } } }', {
    customerId: ACME,
    variables: { q: quantity },
  });
  return (result.body.data as { cart: { createCart: { cart: { entityId: string } } } }).cart.createCart.cart.entityId;
}

async function redirectUrls(cartEntityId: string, customerId: number): Promise<UrlsResult> {
  const result = await sandbox.graphql(REDIRECT, { customerId, variables: { input: { cartEntityId, queryParams: [{ key: 'ref', value: 'b2b' }] } } });
  expect(result.body.errors).toBeUndefined();
  return (result.body.data as { cart: { createCartRedirectUrls: UrlsResult } }).cart.createCartRedirectUrls;
}

describe('createCartRedirectUrls', () => {
  it("gives the owner single-use links to the hosted checkout, in BigCommerce's URL shape", async () => {
    const cartId = await acmeCart(10);
    const { redirectUrls: urls, errors } = await redirectUrls(cartId, ACME);
    expect(errors).toEqual([]);
    const redirected = new URL(urls?.redirectedCheckoutUrl ?? '');
    expect(redirected.origin).toBe(sandbox.url);
    expect(redirected.pathname).toBe('/cart.php');
    expect(Object.fromEntries(redirected.searchParams)).toMatchObject({ action: 'loadInCheckout', id: cartId, ref: 'b2b' });
    expect(redirected.searchParams.get('token')).toMatch(/^[0-9a-f]{64}$/);
    expect(new URL(urls?.embeddedCheckoutUrl ?? '').searchParams.get('embedded')).toBe('1');

    const first = await fetch(urls?.redirectedCheckoutUrl ?? '');
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('HX-2');
    expect(html).toContain('$160.00'); // 10 × the 16.00 volume break of Acme's list
    expect((await fetch(urls?.embeddedCheckoutUrl ?? '')).status).toBe(410);
  });

  it("answers another customer with NotFoundError, not a link to Acme's cart", async () => {
    const cartId = await acmeCart(1);
    expect(await redirectUrls(cartId, BETA)).toEqual({ redirectUrls: null, errors: [{ __typename: 'NotFoundError', message: 'Cart not found.' }] });
  });
});

describe('paying on the hosted checkout', () => {
  it('places one card order at the cart prices for the cart owner and deletes the cart', async () => {
    const cartId = await acmeCart(3);
    const { redirectUrls: urls } = await redirectUrls(cartId, ACME);
    const html = await (await fetch(urls?.redirectedCheckoutUrl ?? '')).text();
    const token = /name="token" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
    const form = new URLSearchParams({ token, cart: cartId }).toString();
    const pay = () => fetch(`${sandbox.url}/checkout/pay`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });

    const paid = await pay();
    expect(paid.status).toBe(200);
    const orderId = Number(/data-testid="hosted-checkout-order-id">(\d+)</.exec(await paid.text())?.[1]);
    const order = await sandbox.rest('GET', `/v2/orders/${orderId}`);
    expect(order.body).toMatchObject({ customer_id: ACME, status_id: 11, payment_method: 'Credit Card', total_inc_tax: '51.7500' });
    const lines = await sandbox.rest('GET', `/v2/orders/${orderId}/products`);
    expect(lines.body).toEqual([expect.objectContaining({ sku: 'HX-2', quantity: 3, price_ex_tax: '17.2500' })]);
    expect(created.filter((e) => e.id === orderId)).toHaveLength(1);
    expect(sandbox.store.carts.has(cartId)).toBe(false);

    // Submitting the same payment again places nothing.
    expect((await pay()).status).toBe(410);
    expect(created.filter((e) => e.id === orderId)).toHaveLength(1);
  });
});
