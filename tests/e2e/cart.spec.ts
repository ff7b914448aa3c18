import { expect, test, type Browser, type Page } from '@playwright/test';
import { availableToSell, lineTotal, orderableRecords, type Orderable } from './support/cart-candidates';
import { signIn } from './support/sign-in';
import { contrastingRecords, priceListOfBuyer, productPath, usd } from './support/store-api';

/**
 * The cart through the storefront: add from the product page, change quantity into a volume break, remove; the
 * price on every cart line is the one the product page showed the same buyer for that quantity, and two buyers'
 * carts never share a line or a price. Expected prices come from the store's REST API.
 */
const ACME_BUYER = 'ethan.abara@acme-fab.example';
const GREAT_LAKES_BUYER = 'wesley.delgado@greatlakes-plant.example';

async function buyerPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function addFromProductPage(page: Page, item: { path: string; variantId: number }, quantity: number): Promise<void> {
  await page.goto(`${item.path}?variant=${item.variantId}`);
  const form = page.getByTestId('add-to-cart');
  await form.getByLabel('Quantity').fill(String(quantity));
  await form.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('add-to-cart-message')).toContainText(`Added ${quantity} to your cart.`);
}

function cartLine(page: Page, sku: string) {
  return page.locator(`[data-testid="cart-line"][data-sku="${sku}"]`);
}

async function setQuantity(page: Page, sku: string, quantity: number): Promise<void> {
  const line = cartLine(page, sku);
  await line.getByTestId('cart-line-quantity').fill(String(quantity));
  await line.getByRole('button', { name: 'Update' }).click();
  await expect(line.getByTestId('cart-line-quantity')).toHaveValue(String(quantity));
}

test('a buyer adds from the product page, changes quantity into a volume break at the product page price, then removes it', async ({ browser }) => {
  const [item] = (await orderableRecords(ACME_BUYER, 1)) as [Orderable];
  const { record, tier } = item;
  const page = await buyerPage(browser, ACME_BUYER);
  await expect(page.getByTestId('cart-line-count')).toHaveText('0');

  await addFromProductPage(page, { path: item.path, variantId: record.variant_id }, 1);
  await expect(page.getByTestId('cart-line-count')).toHaveText('1');
  // What the product page quotes this buyer at the first volume break (the table is sorted by quantity).
  const breakRow = page.getByTestId('volume-breaks').locator('tbody tr').first();
  await expect(breakRow.locator('td')).toHaveText([tier.quantityMax === null ? `${tier.quantityMin}+` : `${tier.quantityMin}–${tier.quantityMax}`, tier.unitPrice]);

  await page.getByTestId('cart-link').click();
  await expect(page).toHaveURL(/\/cart$/);
  const line = cartLine(page, record.sku);
  await expect(line.getByTestId('cart-line-unit-price')).toHaveText(usd(record.calculated_price));
  await expect(line.getByTestId('cart-line-total')).toHaveText(usd(record.calculated_price));
  await expect(line.getByTestId('cart-line-stock')).toHaveText(`In stock (${item.available} available)`);

  await setQuantity(page, record.sku, tier.quantityMin);
  await expect(line.getByTestId('cart-line-unit-price')).toHaveText(tier.unitPrice);
  await expect(line.getByTestId('cart-line-total')).toHaveText(lineTotal(Number(tier.unitPrice.replace(/[$,]/g, '')), tier.quantityMin));
  await expect(page.getByTestId('cart-subtotal')).toHaveText(lineTotal(Number(tier.unitPrice.replace(/[$,]/g, '')), tier.quantityMin));

  // More than the store holds is refused with the reason, and the line keeps its quantity.
  await line.getByTestId('cart-line-quantity').fill(String(item.available + 1));
  await line.getByRole('button', { name: 'Update' }).click();
  await expect(line.getByTestId('cart-line-error')).toContainText('not enough stock');
  await page.reload();
  await expect(cartLine(page, record.sku).getByTestId('cart-line-quantity')).toHaveValue(String(tier.quantityMin));

  await cartLine(page, record.sku).getByRole('button', { name: /^Remove / }).click();
  await expect(page.getByTestId('empty-cart')).toBeVisible();
  await expect(page.getByTestId('cart-line-count')).toHaveText('0');
});

test('two buyers adding the same item, interleaved, each see only their own line at their own price', async ({ browser }) => {
  const [acmeList, greatLakesList] = await Promise.all([priceListOfBuyer(ACME_BUYER), priceListOfBuyer(GREAT_LAKES_BUYER)]);
  const { a, b } = await contrastingRecords(acmeList, greatLakesList);
  expect(await availableToSell(a.variant_id)).toBeGreaterThanOrEqual(6);
  const item = { path: await productPath(a.product_id), variantId: a.variant_id };

  const acme = await buyerPage(browser, ACME_BUYER);
  const greatLakes = await buyerPage(browser, GREAT_LAKES_BUYER);
  await addFromProductPage(acme, item, 1);
  await addFromProductPage(greatLakes, item, 2);
  await addFromProductPage(acme, item, 1);

  await acme.goto('/cart');
  await greatLakes.goto('/cart');
  await expect(acme.getByTestId('cart-line')).toHaveCount(1);
  await expect(greatLakes.getByTestId('cart-line')).toHaveCount(1);
  await expect(cartLine(acme, a.sku).getByTestId('cart-line-quantity')).toHaveValue('2');
  await expect(cartLine(greatLakes, b.sku).getByTestId('cart-line-quantity')).toHaveValue('2');
  await expect(cartLine(acme, a.sku).getByTestId('cart-line-unit-price')).toHaveText(usd(a.calculated_price));
  await expect(cartLine(greatLakes, b.sku).getByTestId('cart-line-unit-price')).toHaveText(usd(b.calculated_price));
  expect(await acme.locator('main').innerText()).not.toContain(usd(b.calculated_price));
  expect(await greatLakes.locator('main').innerText()).not.toContain(usd(a.calculated_price));

  // Signing in as someone else in the same browser starts from an empty cart: a cart never follows the cookie.
  await acme.getByRole('button', { name: 'Sign out' }).click();
  await signIn(acme, GREAT_LAKES_BUYER.replace('wesley.delgado', 'marcus.sorensen'));
  await acme.goto('/cart');
  await expect(acme.getByTestId('empty-cart')).toBeVisible();
});

test('a visitor who has not signed in gets no add-to-cart and is sent to sign in for the cart', async ({ page }) => {
  const [item] = (await orderableRecords(ACME_BUYER, 1)) as [Orderable];
  await page.goto(`${item.path}?variant=${item.record.variant_id}`);
  await expect(page.getByTestId('sign-in-for-price')).toBeVisible();
  await expect(page.getByTestId('add-to-cart')).toHaveCount(0);
  await page.goto('/cart');
  await expect(page).toHaveURL(/\/login\?returnTo=(%2F|\/)cart$/);
});
