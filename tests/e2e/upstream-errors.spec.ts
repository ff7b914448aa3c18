import { expect, test } from '@playwright/test';
import { E2E_SANDBOX_PORT } from './support/ports';

/** When the Storefront API fails, buyers get an explanation and a way to retry, never a blank page or a crash. */
const FAULTS = `http://127.0.0.1:${E2E_SANDBOX_PORT}/__sandbox/faults`;

async function injectGraphqlFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(FAULTS, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pathPrefix: '/graphql', ...fault }) });
  expect(response.ok).toBe(true);
}

test.afterEach(async () => {
  await fetch(FAULTS, { method: 'DELETE' });
});

test('a 5xx from the Storefront API shows a helpful error, and "Try again" recovers once the store is back', async ({ page }) => {
  await injectGraphqlFault({ error5xxRatio: 1, error5xxStatus: 503 });
  // A listing nobody has viewed yet: a page the cache already holds keeps being served while the store is down.
  await page.goto('/fasteners?sort=NEWEST');
  const error = page.getByTestId('page-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('We could not load this page');
  await expect(error).toContainText('Reference');
  // The header still renders, so the buyer can navigate away.
  await expect(page.getByRole('link', { name: 'Northwind Industrial Supply' })).toBeVisible();

  await fetch(FAULTS, { method: 'DELETE' });
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fasteners');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
});

test('a Storefront API that does not answer in time ends in the same error state, not a hung page', async ({ page }) => {
  test.setTimeout(60_000);
  await injectGraphqlFault({ latencyMs: 12_000 });
  await page.goto('/search?q=hex', { timeout: 45_000 });
  await expect(page.getByTestId('page-error')).toBeVisible({ timeout: 30_000 });
});
