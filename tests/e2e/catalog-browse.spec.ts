import { expect, test, type Page } from '@playwright/test';

/** Category paging and sort, and search with filters, as a visitor uses them. */

async function cardSkus(page: Page): Promise<string[]> {
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  return cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-sku') ?? ''));
}

test('a category pages forward and back through its products without repeats', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /^Fasteners/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fasteners');
  const total = Number((await page.getByTestId('result-count').innerText()).match(/\d+/)?.[0]);
  expect(total).toBeGreaterThan(24);

  const firstPage = await cardSkus(page);
  expect(firstPage).toHaveLength(24);
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/after=/);
  const secondPage = await cardSkus(page);
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((sku) => firstPage.includes(sku))).toEqual([]);

  await page.getByRole('link', { name: '← Previous' }).click();
  await expect(page).toHaveURL(/before=/);
  expect(await cardSkus(page)).toEqual(firstPage);
});

test('sorting a category by name orders its cards A to Z', async ({ page }) => {
  await page.goto('/fasteners');
  await page.getByLabel('Sort by').selectOption('A_TO_Z');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/sort=A_TO_Z/);
  const names = await page.getByTestId('product-card').locator('a > span.text-sm').allInnerTexts();
  expect(names.length).toBeGreaterThan(1);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
});

test('search finds products by term and narrows by brand and stock', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search products' }).fill('hex cap screw');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “hex cap screw”');
  const all = Number((await page.getByTestId('result-count').innerText()).match(/\d+/)?.[0]);
  expect(all).toBeGreaterThan(0);
  const names = await page.getByTestId('product-card').locator('a > span.text-sm').allInnerTexts();
  for (const name of names) expect(name.toLowerCase()).toContain('hex cap screw');

  // Narrow to the brand of the first result, so the narrowed list cannot be empty.
  const brandName = (await page.getByTestId('product-card').first().locator('span.uppercase').textContent()) ?? '';
  expect(brandName).not.toBe('');
  await page.getByLabel('Brand').selectOption({ label: brandName });
  await page.getByLabel('In stock only').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/brand=\d+/);
  await expect(page).toHaveURL(/inStock=1/);
  await expect(page).toHaveURL(/q=hex/);
  const narrowed = Number((await page.getByTestId('result-count').innerText()).match(/\d+/)?.[0]);
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThanOrEqual(all);
  for (const shown of await page.getByTestId('product-card').locator('span.uppercase').allTextContents()) expect(shown).toBe(brandName);
  for (const stock of await page.getByTestId('product-card').getByTestId('stock-status').allInnerTexts()) expect(stock).not.toBe('Out of stock');
});
