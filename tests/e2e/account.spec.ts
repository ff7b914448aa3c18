import { expect, test } from '@playwright/test';
import { orderableRecords } from './support/cart-candidates';
import { E2E_ERP_PORT, E2E_SANDBOX_PORT } from './support/ports';
import { signIn } from './support/sign-in';
import { customerIdOf, usd } from './support/store-api';

/**
 * The buyer's account: an on-account order (created through the REST API, as the checkout creates it, to keep this
 * fast) appears in the order history; the sync worker running beside the app posts it to the ERP and its ERP number
 * shows; fulfilling it in the NetSuite emulator shows Shipped and the tracking number; "Order again" puts its lines
 * in the cart at today's price and says how that price compares with what the order paid.
 */
const STORE = `http://127.0.0.1:${E2E_SANDBOX_PORT}/stores/sandbox1`;
const HEADERS = { 'x-auth-token': 'sandbox-access-token', accept: 'application/json', 'content-type': 'application/json' };
const ERP_ADMIN = `http://127.0.0.1:${E2E_ERP_PORT}/__sandbox`;

async function post<T>(url: string, body: unknown, headers: Record<string, string> = HEADERS): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

test('a buyer sees the order with its ERP number and tracking, and orders it again at today’s prices', async ({ page }) => {
  const email = 'yuki.chen@desertpeak-build.example';
  const [cheaper, same] = await orderableRecords(email, 2);
  if (!cheaper || !same) throw new Error('no orderable variants');
  const address = {
    first_name: 'Yuki', last_name: 'Chen', company: 'Desert Peak Construction', street_1: '400 Mesa Blvd', city: 'Phoenix', state: 'Arizona',
    zip: '85004', country: 'United States', country_iso2: 'US', email,
  };
  // The first line was dearer when it was ordered, so today's price reads as lower.
  const paid = (cheaper.record.calculated_price + 1).toFixed(2);
  const order = await post<{ id: number }>(`${STORE}/v2/orders`, {
    customer_id: await customerIdOf(email),
    status_id: 11,
    billing_address: address,
    shipping_addresses: [address],
    products: [
      { product_id: cheaper.record.product_id, variant_id: cheaper.record.variant_id, quantity: 1, price_ex_tax: paid, price_inc_tax: paid },
      { product_id: same.record.product_id, variant_id: same.record.variant_id, quantity: 1, price_ex_tax: same.record.calculated_price, price_inc_tax: same.record.calculated_price },
    ],
    payment_method: 'On account (terms)',
    customer_message: 'PO Number: PO-E2E-ACCT-1\nGate 3.',
  });

  await signIn(page, email);
  await page.getByTestId('account-state').getByRole('link', { name: 'Account' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('credit-summary')).toBeVisible();
  const row = page.locator(`[data-testid="order-row"][data-order-id="${order.id}"]`);
  await expect(row).toContainText('PO-E2E-ACCT-1');

  // The worker posts the order to the ERP and writes its number back.
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId('order-erp-number')).toHaveText(/^SO\d+$/, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  // The warehouse ships it in the ERP; the shipment and tracking number flow back to the history.
  await post(`${ERP_ADMIN}/sales-orders/eid:bc-sandbox1-${order.id}/fulfil`, { trackingNumbers: ['1ZACCOUNTE2E0001'] }, { 'content-type': 'application/json' });
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId('order-tracking')).toHaveText('1ZACCOUNTE2E0001', { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row.getByTestId('order-status')).toHaveText('Shipped');

  await row.getByRole('link', { name: `#${order.id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/account/orders/${order.id}$`));
  await expect(page.getByTestId('order-line')).toHaveCount(2);
  await page.getByRole('button', { name: 'Order again' }).click();
  await expect(page.getByTestId('reorder-message')).toContainText('Added 2 lines to your cart at today’s prices.');
  const changed = page.locator(`[data-testid="reorder-line"][data-sku="${cheaper.record.sku}"]`);
  await expect(changed.getByTestId('reorder-price-now')).toContainText(usd(cheaper.record.calculated_price));
  await expect(changed.getByTestId('reorder-price-change')).toHaveText('(lower)');
  await expect(page.locator(`[data-testid="reorder-line"][data-sku="${same.record.sku}"]`).getByTestId('reorder-price-change')).toHaveCount(0);

  await page.getByRole('link', { name: 'Go to cart' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByText(cheaper.record.sku)).toBeVisible();
  await expect(page.getByText(same.record.sku)).toBeVisible();
});

test('another buyer’s order is not found, and the account page needs a sign-in', async ({ page }) => {
  const owner = 'fatima.morrison@desertpeak-build.example';
  const [item] = await orderableRecords(owner, 1);
  if (!item) throw new Error('no orderable variant');
  const address = { first_name: 'Fatima', last_name: 'Morrison', street_1: '400 Mesa Blvd', city: 'Phoenix', state: 'Arizona', zip: '85004', country: 'United States', country_iso2: 'US', email: owner };
  const order = await post<{ id: number }>(`${STORE}/v2/orders`, {
    customer_id: await customerIdOf(owner),
    status_id: 11,
    billing_address: address,
    // A ship-to, so the worker can post it to the ERP like any other order.
    shipping_addresses: [address],
    products: [{ product_id: item.record.product_id, variant_id: item.record.variant_id, quantity: 1, price_ex_tax: 1, price_inc_tax: 1 }],
  });
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?returnTo=%2Faccount|\/login\?returnTo=\/account/);

  await signIn(page, 'andre.mahoney@prairiecounty-pw.example');
  const response = await page.goto(`/account/orders/${order.id}`);
  expect(response?.status()).toBe(404);
  await page.goto('/account');
  await expect(page.locator(`[data-testid="order-row"][data-order-id="${order.id}"]`)).toHaveCount(0);
});
