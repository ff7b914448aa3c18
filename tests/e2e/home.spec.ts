import { expect, test } from '@playwright/test';

test('a visitor sees the sandbox catalog: categories and featured products with images, stock and a sign-in prompt for prices', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Shop by category' })).toBeVisible();
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(4);

  const firstImage = cards.first().locator('img');
  await expect(firstImage).toHaveAttribute('src', /\/images\/products\/\d+-\d+\.svg/);
  // The placeholder image really loads from the sandbox (naturalWidth > 0).
  await expect.poll(() => firstImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(cards.first().getByTestId('sign-in-for-price')).toBeVisible();
  await expect(cards.first().getByTestId('stock-status')).toHaveText(/in stock|Out of stock/);
});
