import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { contrastingRecords, customerIdOf, priceListOfBuyer, usd } from './support/store-api';

/**
 * The buyer whose prices are shown comes only from the sealed session. Every other way of naming a customer —
 * query string, header, form field, an edited cookie — is ignored or refused.
 */
const BUYER_A = 'ethan.abara@acme-fab.example';
const BUYER_B = 'wesley.delgado@greatlakes-plant.example';

interface OfferBody {
  price: { unitPrice: string } | null;
  priceHidden: string | null;
}

async function fixture() {
  const [listA, listB, idB] = await Promise.all([priceListOfBuyer(BUYER_A), priceListOfBuyer(BUYER_B), customerIdOf(BUYER_B)]);
  const { a, b } = await contrastingRecords(listA, listB);
  return { a, b, idB, offerUrl: `/api/products/${a.product_id}/variants/${a.variant_id}/offer` };
}

test('a signed-in buyer cannot choose another customer through the query string or headers', async ({ page }) => {
  const { a, b, idB, offerUrl } = await fixture();
  await signIn(page, BUYER_A);
  const response = await page.request.get(`${offerUrl}?customerId=${idB}&customer_id=${idB}&X-Bc-Customer-Id=${idB}`, {
    headers: { 'X-Bc-Customer-Id': String(idB), 'x-customer-id': String(idB) },
  });
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('private');
  const body = (await response.json()) as OfferBody;
  expect(body.price?.unitPrice).toBe(usd(a.calculated_price));
  expect(body.price?.unitPrice).not.toBe(usd(b.calculated_price));
});

test('a visitor who sends a customer id header is still a guest', async ({ request }) => {
  const { idB, offerUrl } = await fixture();
  const body = (await (await request.get(offerUrl, { headers: { 'X-Bc-Customer-Id': String(idB) } })).json()) as OfferBody;
  expect(body.price).toBeNull();
  expect(body.priceHidden).toBe('sign-in');
});

test('an edited session cookie is not accepted: the visitor is treated as signed out', async ({ page, context }) => {
  const { offerUrl } = await fixture();
  await signIn(page, BUYER_A);
  const cookie = (await context.cookies()).find((c) => c.name === 'b2b_session');
  if (!cookie) throw new Error('no session cookie after sign-in');
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Lax');

  // Flip one character in the middle of the sealed value.
  const middle = Math.floor(cookie.value.length / 2);
  const flipped = cookie.value[middle] === 'A' ? 'B' : 'A';
  await context.addCookies([{ ...cookie, value: cookie.value.slice(0, middle) + flipped + cookie.value.slice(middle + 1) }]);

  const body = (await (await page.request.get(offerUrl)).json()) as OfferBody;
  expect(body.price).toBeNull();
  await page.goto('/');
  await expect(page.getByTestId('account-state')).toContainText('Sign in');
});

test('a customer id smuggled into the sign-in form is ignored', async ({ page }) => {
  const { a, idB } = await fixture();
  await page.goto('/login');
  await page.evaluate((id) => {
    const form = document.querySelector('form:has(input[name=password])');
    for (const name of ['customerId', 'customer_id', 'entityId']) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = String(id);
      form?.appendChild(input);
    }
  }, idB);
  await page.getByLabel('Email').fill(BUYER_A);
  await page.getByLabel('Password').fill('Buyer-Demo-2026!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-company')).toHaveText('Acme Fabrication Works');

  const body = (await (await page.request.get(`/api/products/${a.product_id}/variants/${a.variant_id}/offer`)).json()) as OfferBody;
  expect(body.price?.unitPrice).toBe(usd(a.calculated_price));
});

test('a wrong password is refused with a clear message and no session', async ({ page, context }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(BUYER_A);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === 'b2b_session')).toBeUndefined();
});

test('signing out ends the session: prices are hidden again', async ({ page }) => {
  const { offerUrl } = await fixture();
  await signIn(page, BUYER_A);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByTestId('account-state')).toContainText('Sign in');
  const body = (await (await page.request.get(offerUrl)).json()) as OfferBody;
  expect(body.price).toBeNull();
});
