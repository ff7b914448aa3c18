import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './support/sign-in';
import {
  contrastingRecords,
  expectedBreaks,
  priceListOfBuyer,
  priceRecords,
  productPath,
  stockByLocation,
  usd,
  type PriceRecord,
} from './support/store-api';

/**
 * Two buyers at different companies (different customer groups, so different price lists) open the same product
 * and each sees exactly what their own price list says, volume breaks included. An anonymous visitor sees no
 * contract price at all. Expected values come from the store's REST API, not from the storefront.
 */
const ACME_BUYER = 'ethan.abara@acme-fab.example';
const GREAT_LAKES_BUYER = 'wesley.delgado@greatlakes-plant.example';

async function buyerPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function expectOffer(page: Page, record: PriceRecord): Promise<void> {
  const offer = page.getByTestId('variant-offer');
  await expect(offer).toHaveAttribute('data-variant-id', String(record.variant_id));
  await expect(offer.getByTestId('product-price')).toHaveText(usd(record.calculated_price));
  const rows = offer.getByTestId('volume-breaks').locator('tbody tr');
  const expected = expectedBreaks(record);
  await expect(rows).toHaveCount(expected.length);
  for (const [index, tier] of expected.entries()) {
    await expect(rows.nth(index).locator('td')).toHaveText([tier.quantity, tier.price]);
  }
}

/** Stock per warehouse on the page equals the Inventory API's available-to-sell for that variant. */
async function expectStock(page: Page, variantId: number): Promise<void> {
  const expected = await stockByLocation(variantId);
  const rows = page.getByTestId('stock-location');
  await expect(rows).toHaveCount(expected.length);
  for (const location of expected) {
    await expect(rows.filter({ hasText: location.name }).locator('td')).toHaveText(location.available > 0 ? String(location.available) : 'None');
  }
}

test('two buyers at different companies see different prices for the same product, each from their own price list', async ({ browser }) => {
  const [acmeList, greatLakesList] = await Promise.all([priceListOfBuyer(ACME_BUYER), priceListOfBuyer(GREAT_LAKES_BUYER)]);
  expect(acmeList).not.toBe(greatLakesList);
  const { a: acmeRecord, b: greatLakesRecord } = await contrastingRecords(acmeList, greatLakesList);
  const url = `${await productPath(acmeRecord.product_id)}?variant=${acmeRecord.variant_id}`;

  const acme = await buyerPage(browser, ACME_BUYER);
  const greatLakes = await buyerPage(browser, GREAT_LAKES_BUYER);
  await expect(acme.getByTestId('account-company')).toHaveText('Acme Fabrication Works');
  await expect(greatLakes.getByTestId('account-company')).toHaveText('Great Lakes Plant Services');

  await acme.goto(url);
  await greatLakes.goto(url);
  await expectOffer(acme, acmeRecord);
  await expectOffer(greatLakes, greatLakesRecord);
  await expect(acme.getByTestId('product-price')).not.toHaveText(usd(greatLakesRecord.calculated_price));

  // "Why this price" names the buyer's own price list.
  await acme.getByText('Why this price?').click();
  await expect(acme.getByTestId('why-this-price')).toContainText('price list');
  await expect(acme.getByTestId('why-this-price')).toContainText(`${acmeRecord.bulk_pricing_tiers.length} volume`);
});

test('an anonymous visitor sees no contract price, only an invitation to sign in', async ({ page }) => {
  const [acmeList, greatLakesList] = await Promise.all([priceListOfBuyer(ACME_BUYER), priceListOfBuyer(GREAT_LAKES_BUYER)]);
  const { a, b } = await contrastingRecords(acmeList, greatLakesList);
  await page.goto(`${await productPath(a.product_id)}?variant=${a.variant_id}`);

  await expect(page.getByTestId('sign-in-for-price')).toBeVisible();
  await expect(page.getByTestId('product-price')).toHaveCount(0);
  await expect(page.getByTestId('volume-breaks')).toHaveCount(0);
  const text = await page.locator('main').innerText();
  expect(text).not.toContain(usd(a.calculated_price));
  expect(text).not.toContain(usd(b.calculated_price));

  // Listing cards too: every card invites sign-in, none shows a price.
  await page.goto('/');
  await expect(page.getByTestId('sign-in-for-price').first()).toBeVisible();
  await expect(page.getByTestId('product-price')).toHaveCount(0);
});

test('switching variant updates the price, SKU, stock and URL to that variant', async ({ browser }) => {
  const list = await priceListOfBuyer(GREAT_LAKES_BUYER);
  const byProduct = new Map<number, PriceRecord[]>();
  for (const record of await priceRecords(list)) byProduct.set(record.product_id, [...(byProduct.get(record.product_id) ?? []), record]);
  const pair = [...byProduct.values()].find((records) => records.length >= 2 && records[0]?.calculated_price !== records[1]?.calculated_price);
  if (!pair?.[0] || !pair[1]) throw new Error('demo data has no product with two differently priced variants');
  const [first, second] = pair;

  const page = await buyerPage(browser, GREAT_LAKES_BUYER);
  await page.goto(`${await productPath(first.product_id)}?variant=${first.variant_id}`);
  await expectOffer(page, first);
  await expectStock(page, first.variant_id);

  const select = page.getByTestId('variant-select');
  await expect(select).toHaveAttribute('data-interactive', 'true');
  await select.selectOption(String(second.variant_id));
  await expectOffer(page, second);
  await expect(page.getByTestId('variant-sku')).toHaveText(`SKU ${second.sku}`);
  await expect(page).toHaveURL(new RegExp(`variant=${second.variant_id}`));
  await expectStock(page, second.variant_id);
});

test('after signing out on the same tab, going back to a product never shows the signed-out buyer’s cached price', async ({ page }) => {
  const list = await priceListOfBuyer(ACME_BUYER);
  const byProduct = new Map<number, PriceRecord[]>();
  for (const record of await priceRecords(list)) byProduct.set(record.product_id, [...(byProduct.get(record.product_id) ?? []), record]);
  const pair = [...byProduct.values()].find((records) => records.length >= 2);
  const [first, second] = pair ?? [];
  if (!first || !second) throw new Error('no product with two priced options');

  await signIn(page, ACME_BUYER);
  await page.goto(`${await productPath(first.product_id)}?variant=${first.variant_id}`);
  const select = page.getByTestId('variant-select');
  await expect(select).toHaveAttribute('data-interactive', 'true');
  // The client fetches and caches the second option's offer for this buyer.
  await select.selectOption(String(second.variant_id));
  await expectOffer(page, second);

  // Sign out and go back without reloading the page: the browser keeps running the same JavaScript.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByTestId('account-state')).toContainText('Sign in');
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`variant=${second.variant_id}`));
  await expect(page.getByTestId('sign-in-for-price')).toBeVisible();
  await expect(page.getByTestId('product-price')).toHaveCount(0);
});
