import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { scanDirectory, scanText } from '../support/secret-scan';
import { signIn } from './support/sign-in';
import { E2E_ENV_FILE } from './support/ports';

/**
 * The impersonation token acts for any customer, the access token can rewrite the store and the session secret
 * forges sessions: none may reach a browser. Scans the production client bundle the app is serving and the HTML
 * (with its RSC payload) a signed-in buyer receives, against the exact values the app was started with.
 */
function secrets(): Record<string, string> {
  if (!existsSync(E2E_ENV_FILE)) throw new Error(`${E2E_ENV_FILE} missing: the e2e server (scripts/dev.ts --write-env) writes it`);
  const env = JSON.parse(readFileSync(E2E_ENV_FILE, 'utf8')) as Record<string, string>;
  const names = ['BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN', 'BIGCOMMERCE_ACCESS_TOKEN', 'SESSION_SECRET', 'BIGCOMMERCE_WEBHOOK_SECRET'];
  const values = Object.fromEntries(names.map((name) => [name, env[name] ?? '']));
  // A missing value would make the scan pass vacuously.
  for (const name of names) expect(values[name]?.length ?? 0, `${name} in ${E2E_ENV_FILE}`).toBeGreaterThanOrEqual(16);
  return values;
}

test('the built client bundle (.next/static) contains no server secret', () => {
  const { files, hits } = scanDirectory('.next/static', secrets());
  expect(files).toBeGreaterThan(10);
  expect(hits).toEqual([]);
});

test('pages served to a signed-in buyer contain no server secret', async ({ page }) => {
  await signIn(page, 'ethan.abara@acme-fab.example');
  const all = secrets();
  for (const path of ['/', '/fasteners', '/search?q=hex']) {
    const html = await (await page.request.get(path)).text();
    expect(html.length).toBeGreaterThan(1000);
    expect(scanText(path, html, all)).toEqual([]);
  }
});
