import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { signIn } from './support/sign-in';
import { productPath } from './support/store-api';

/**
 * Kept pages (lib/cache/page-cache.ts): a catalog page is kept for the session that viewed it and served to that
 * session only; anything the session posts (a server action, the cart, signing out) drops its kept pages, since
 * the header it shows (the cart) may have changed; the router's RSC requests are never answered from them.
 */
const BUYER = 'ethan.abara@acme-fab.example';
const OTHER = 'wesley.delgado@greatlakes-plant.example';
const PRODUCT_ID = 112;

async function session(browser: Browser, email: string): Promise<APIRequestContext> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page.request;
}

/** Views `path` until the session is served a kept copy (the first view renders it and keeps it in the background). */
async function keptFor(request: APIRequestContext, path: string): Promise<void> {
  await expect
    .poll(async () => (await request.get(path)).headers()['x-storefront-cache'], { timeout: 10_000, intervals: [200] })
    .toBe('hit');
}

test('a kept page is served only to its own session, and dropped by anything that session posts', async ({ browser }) => {
  const path = await productPath(PRODUCT_ID);
  const buyer = await session(browser, BUYER);
  const other = await session(browser, OTHER);

  await keptFor(buyer, path);
  // Another session's first view is rendered for it, not served from the first session's copy.
  expect((await other.get(path)).headers()['x-storefront-cache']).toBeUndefined();

  // The router's RSC requests are rendered as usual.
  expect((await buyer.get(path, { headers: { rsc: '1' } })).headers()['x-storefront-cache']).toBeUndefined();

  // Any POST of the session (here one the app refuses) drops its kept pages before it is handled.
  await buyer.post(path, { data: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect((await buyer.get(path)).headers()['x-storefront-cache']).toBeUndefined();
  await keptFor(buyer, path);
});

test('moving between kept pages in the browser stays a client-side navigation (the router never gets a kept HTML page)', async ({ page }) => {
  await signIn(page, BUYER);
  const path = await productPath(PRODUCT_ID);
  await keptFor(page.request, path);
  await page.goto(path);
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
  const categoryPath = new URL((await breadcrumb.getAttribute('href')) ?? '/', 'http://x').pathname;
  await keptFor(page.request, categoryPath);

  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  await breadcrumb.click();
  await expect(page).toHaveURL(new RegExp(`${categoryPath}$`));
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
