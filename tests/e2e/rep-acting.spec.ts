import { expect, test, type Page } from '@playwright/test';
import { orderableRecords, type Orderable } from './support/cart-candidates';
import { actAs, auditEntries, latestActingId, SAMUEL, SAMUEL_COMPANIES, signInRep } from './support/rep-support';
import { signIn } from './support/sign-in';
import { usd } from './support/store-api';

/**
 * A sales rep's day: sign in, see only the assigned accounts, act as one of their buyers and get exactly that
 * buyer's prices, order into a cart of the rep's own for the buyer, stop. The buyer, signed in elsewhere the whole
 * time, keeps their own cart untouched. Every step leaves its one audit entry.
 */
const ACME_BUYER = 'ethan.abara@acme-fab.example';

async function addFromProductPage(page: Page, item: Orderable): Promise<void> {
  await page.goto(`${item.path}?variant=${item.record.variant_id}`);
  const form = page.getByTestId('add-to-cart');
  await form.getByLabel('Quantity').fill('1');
  await form.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByTestId('add-to-cart-message')).toContainText('Added 1 to your cart.');
}

async function cartSkus(page: Page): Promise<string[]> {
  await page.goto('/cart');
  await expect(page.getByRole('heading', { name: 'Cart' })).toBeVisible();
  return page.getByTestId('cart-line').evaluateAll((lines) => lines.map((line) => line.getAttribute('data-sku') ?? ''));
}

test('a rep sees only their accounts, acts as a buyer at the buyer’s own price, orders into a separate cart and stops', async ({ browser }) => {
  const since = new Date();
  const [own, forRep] = (await orderableRecords(ACME_BUYER, 2)) as [Orderable, Orderable];

  // The buyer, signed in on their own, has a cart of their own and sees their contract price for the item.
  const buyer = await (await browser.newContext()).newPage();
  await signIn(buyer, ACME_BUYER);
  await addFromProductPage(buyer, own);
  expect(await cartSkus(buyer)).toEqual([own.record.sku]);
  await buyer.goto(`${forRep.path}?variant=${forRep.record.variant_id}`);
  const buyersPrice = await buyer.getByTestId('variant-offer').getByTestId('product-price').textContent();
  expect(buyersPrice).toBe(usd(forRep.record.calculated_price));

  const rep = await (await browser.newContext()).newPage();
  await signInRep(rep, SAMUEL);
  await expect(rep.getByTestId('account-state')).toContainText('Sales rep');
  await expect(rep.getByTestId('rep-account').getByRole('heading')).toHaveText(SAMUEL_COMPANIES);
  const acme = rep.locator('[data-testid="rep-account"]').filter({ hasText: 'Acme Fabrication Works' });
  await expect(acme.getByTestId('credit-used')).toContainText(' of $');
  await expect(acme.getByTestId('credit-hold')).toBeVisible();
  await expect(acme.getByTestId('account-last-order')).toBeVisible();
  await rep.getByLabel('Search your accounts').fill('cascade');
  await rep.getByRole('button', { name: 'Search' }).last().click();
  await expect(rep.getByTestId('rep-account').getByRole('heading')).toHaveText(['Cascade Packaging Systems']);

  await actAs(rep, 'Acme Fabrication Works', ACME_BUYER);
  const banner = rep.getByTestId('acting-banner');
  await expect(banner.getByTestId('acting-rep')).toHaveText('Samuel Haddad');
  await expect(banner.getByTestId('acting-buyer')).toHaveText('Ethan Abara');
  await expect(banner.getByTestId('acting-company')).toHaveText('Acme Fabrication Works');
  await expect(banner.getByTestId('acting-time-left')).toHaveText(/^(60|59) min left$/);
  await expect(rep.getByTestId('account-company')).toHaveText('Acme Fabrication Works');

  // Exactly the price the buyer sees for themselves, then into the acting cart.
  await addFromProductPage(rep, forRep);
  await expect(rep.getByTestId('variant-offer').getByTestId('product-price')).toHaveText(buyersPrice ?? '');
  await expect(rep.getByTestId('cart-line-count')).toHaveText('1');
  expect(await cartSkus(rep)).toEqual([forRep.record.sku]);

  // The banner is on every page while acting.
  for (const path of ['/', `${forRep.path}?variant=${forRep.record.variant_id}`, '/cart', '/quick-order', `/search?q=${encodeURIComponent(forRep.record.sku)}`, '/rep']) {
    await rep.goto(path);
    await expect(rep.getByTestId('acting-banner'), path).toBeVisible();
  }

  await rep.getByRole('button', { name: 'Stop acting as Ethan Abara' }).click();
  await expect(rep).toHaveURL(/\/rep$/);
  await expect(rep.getByTestId('acting-banner')).toHaveCount(0);
  await expect(rep.getByTestId('account-state')).toContainText('Sales rep');
  // On their own, a rep is not a buyer: no contract price.
  await rep.goto(`${forRep.path}?variant=${forRep.record.variant_id}`);
  await expect(rep.getByTestId('sign-in-for-price').first()).toBeVisible();

  // The buyer's own cart is as they left it.
  expect(await cartSkus(buyer)).toEqual([own.record.sku]);
  await expect(buyer.getByTestId('cart-line-count')).toHaveText('1');

  const actingId = await latestActingId(SAMUEL, since);
  const entries = await auditEntries({ actingId });
  expect(entries.map((e) => e.action)).toEqual(['acting-stop', 'cart-add', 'acting-start']);
  expect(entries.every((e) => e.rep.email === SAMUEL && e.buyer?.email === ACME_BUYER && e.company?.name === 'Acme Fabrication Works')).toBe(true);
  expect(entries[1]?.detail).toMatchObject({ lines: [{ variantEntityId: forRep.record.variant_id, quantity: 1 }] });
  expect(entries[2]?.detail).toMatchObject({ reason: 'e2e: phone order' });
  expect(new Set(entries.map((e) => e.correlationId)).size).toBe(3);
});
