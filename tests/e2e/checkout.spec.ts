import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createNetSuiteAdapter } from '../../sync/erp/netsuite/config';
import { orderableRecords, type Orderable } from './support/cart-candidates';
import { E2E_ENV_FILE, E2E_ERP_PORT, E2E_SANDBOX_PORT } from './support/ports';
import { signIn } from './support/sign-in';

/**
 * On-account checkout through the storefront: an order placed on account reaches BigCommerce at the checkout's
 * prices and, through the sync worker running beside the app, the NetSuite emulator exactly once; a buyer near the
 * limit is refused for an over-limit cart and pays by card instead; a company on credit hold cannot order on account.
 */
const STORE = `http://127.0.0.1:${E2E_SANDBOX_PORT}/stores/sandbox1`;
const HEADERS = { 'x-auth-token': 'sandbox-access-token', accept: 'application/json' };
const ERP_ADMIN = `http://127.0.0.1:${E2E_ERP_PORT}/__sandbox`;

async function storeGet<T>(path: string): Promise<T> {
  const response = await fetch(`${STORE}${path}`, { headers: HEADERS });
  if (!response.ok) throw new Error(`GET ${path} → ${response.status}`);
  return (await response.json()) as T;
}

async function customerNumberOf(email: string): Promise<string> {
  const { data } = await storeGet<{ data: { notes: string }[] }>(`/v3/customers?email:in=${encodeURIComponent(email)}`);
  const match = /ERP customer (\S+)/.exec(data[0]?.notes ?? '');
  if (!match?.[1]) throw new Error(`${email} is not linked to an ERP customer`);
  return match[1];
}

function erp() {
  if (!existsSync(E2E_ENV_FILE)) throw new Error(`${E2E_ENV_FILE} missing: the e2e server writes it`);
  const env = JSON.parse(readFileSync(E2E_ENV_FILE, 'utf8')) as Record<string, string>;
  return createNetSuiteAdapter({
    accountId: env.NETSUITE_ACCOUNT_ID ?? '',
    restBase: env.NETSUITE_REST_BASE ?? '',
    m2m: {
      clientId: env.NETSUITE_CLIENT_ID ?? '',
      certificateId: env.NETSUITE_CERTIFICATE_ID ?? '',
      privateKeyPem: (env.NETSUITE_PRIVATE_KEY ?? '').replace(/\\n/g, '\n'),
      alg: (env.NETSUITE_JWT_ALG ?? 'PS256') as 'PS256',
    },
  });
}

async function addToCart(page: Page, item: Orderable, quantity: number): Promise<void> {
  await page.goto(`${item.path}?variant=${item.record.variant_id}`);
  const form = page.getByTestId('add-to-cart');
  await form.getByLabel('Quantity').fill(String(quantity));
  await form.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('add-to-cart-message')).toContainText(`Added ${quantity} to your cart.`);
}

async function toCheckout(page: Page): Promise<void> {
  await page.goto('/cart');
  await expect(page.getByTestId('credit-summary')).toBeVisible();
  await page.getByTestId('go-to-checkout').click();
  await expect(page).toHaveURL(/\/checkout\?seen=/);
  await expect(page.getByTestId('checkout-lines')).toBeVisible();
}

test('a buyer places an on-account order: it reaches BigCommerce and the ERP exactly once, at the checkout prices', async ({ page }) => {
  const email = 'amara.novak@acme-fab.example';
  const items = await orderableRecords(email, 2);
  await signIn(page, email);
  for (const item of items) await addToCart(page, item, 2);
  await toCheckout(page);
  const shown = await page.getByTestId('checkout-line').evaluateAll((rows) =>
    rows.map((row) => ({ sku: row.getAttribute('data-sku'), price: row.querySelector('[data-testid="checkout-line-unit-price"]')?.textContent })),
  );
  await page.getByTestId('po-number').fill('PO-E2E-1001');
  await page.getByTestId('place-order').click();
  await expect(page).toHaveURL(/\/checkout\/confirmation\/\d+$/);
  const orderId = Number(await page.getByTestId('order-number').textContent());
  await expect(page.getByTestId('order-po')).toHaveText('PO-E2E-1001');
  const confirmed = await page.getByTestId('order-line').evaluateAll((rows) =>
    rows.map((row) => ({ sku: row.getAttribute('data-sku'), price: row.querySelector('[data-testid="order-line-unit-price"]')?.textContent })),
  );
  expect(confirmed.sort((a, b) => String(a.sku).localeCompare(String(b.sku)))).toEqual(shown.sort((a, b) => String(a.sku).localeCompare(String(b.sku))));

  // BigCommerce holds the order at those prices, and the cart is gone.
  const lines = await storeGet<{ sku: string; quantity: number; price_ex_tax: string }[]>(`/v2/orders/${orderId}/products`);
  expect(lines.map((l) => l.sku).sort()).toEqual(items.map((i) => i.record.sku).sort());
  await page.goto('/cart');
  await expect(page.getByTestId('empty-cart')).toBeVisible();

  // The worker posts it to the ERP and writes the ERP number back; the ERP holds exactly these lines once.
  await expect
    .poll(async () => (await storeGet<{ external_order_id: string }>(`/v2/orders/${orderId}`)).external_order_id, { timeout: 60_000 })
    .not.toBe('');
  const erpOrder = await erp().getSalesOrder(`bc-sandbox1-${orderId}`);
  expect(erpOrder?.lines.map((l) => [l.sku, l.quantity]).sort()).toEqual(lines.map((l) => [l.sku, l.quantity]).sort());
});

test('a buyer near the limit is refused on account for an over-limit cart, shown the shortfall, and pays by card', async ({ page }) => {
  const email = 'tomas.varga@sunbelt-indsupply.example';
  const credit = await erp().getCredit(await customerNumberOf(email));
  const available = credit?.availableCredit;
  if (!available) throw new Error('Sunbelt has no available credit figure');
  // An item whose stock is worth more than the available credit even at its best volume price.
  const lowest = (c: Orderable) => Math.min(c.record.calculated_price, Number(c.tier.unitPrice.replace(/[$,]/g, '')));
  const item = (await orderableRecords(email, 12)).find((c) => c.available * lowest(c) * 100 > available * 1.1);
  if (!item) throw new Error('no item in stock is worth more than Sunbelt’s available credit');
  const quantity = Math.min(item.available, Math.ceil((available * 1.05) / 100 / lowest(item)));
  await signIn(page, email);
  await addToCart(page, item, quantity);
  await toCheckout(page);
  await page.getByTestId('place-order').click();
  await expect(page.getByTestId('credit-refusal')).toContainText('more than your available credit');
  await expect(page.getByTestId('refusal-available')).toBeVisible();
  await expect(page.getByTestId('refusal-shortfall')).toBeVisible();

  await page.getByTestId('pay-by-card').click();
  await expect(page).toHaveURL(/cart\.php\?action=loadInCheckout/);
  await page.getByRole('button', { name: 'Pay with test card' }).click();
  await expect(page.getByTestId('hosted-checkout-order-id')).toBeVisible();
});

test('a buyer whose company is on credit hold cannot order on account and is offered card', async ({ page }) => {
  const email = 'rosa.alvarez@ridgeline-mech.example';
  const customerNumber = await customerNumberOf(email);
  const hold = await fetch(`${ERP_ADMIN}/customers/${customerNumber}/credit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ creditHoldOverride: 'ON' }),
  });
  expect(hold.ok).toBe(true);
  const [item] = (await orderableRecords(email, 1)) as [Orderable];
  await signIn(page, email);
  await addToCart(page, item, 1);
  await toCheckout(page);
  await expect(page.getByTestId('credit-hold')).toBeVisible();
  // The page says so up front; the server refuses it when tried anyway.
  await page.getByTestId('place-order').click();
  await expect(page.getByTestId('credit-refusal')).toContainText('credit hold');
  await expect(page.getByTestId('pay-by-card')).toBeEnabled();
});
