import { expect, test, type Page } from '@playwright/test';
import { clearSignInAttempts, DEMO_REP_PASSWORD, GRACE, SAMUEL, signInRep } from './support/rep-support';

/**
 * Rep sign-in is its own: buyers' credentials do not open it, a wrong password says nothing about which part was
 * wrong, and attempts are limited per account and per client address. Each limit spec comes from its own address
 * (X-Forwarded-For, which the app keys on) and clears its counts afterwards, so other specs can still sign in.
 */
const NO_MATCH = 'That email and password do not match a sales rep account.';

/** Submits the form and waits until the server has answered, then checks what the page says. */
async function attempt(page: Page, email: string, password: string, expected: string | RegExp): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  // The server has run the action (and counted the attempt) once its answer arrives.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/rep/login')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(expected);
}

test('a buyer’s credentials and a wrong password are refused alike; a rep lands on their accounts', async ({ page }) => {
  await page.goto('/rep/login');
  await attempt(page, 'ethan.abara@acme-fab.example', 'Buyer-Demo-2026!', NO_MATCH);
  await attempt(page, SAMUEL, 'not-the-password', NO_MATCH);
  await signInRep(page, SAMUEL);
  await expect(page.getByRole('heading', { name: 'Your accounts' })).toBeVisible();
});

test('five failed attempts lock the account for a while, even with the right password then', async ({ browser }) => {
  const address = '198.51.100.23';
  const page = await (await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } })).newPage();
  try {
    await page.goto('/rep/login');
    for (let i = 0; i < 5; i++) await attempt(page, GRACE, `wrong-${i}`, NO_MATCH);
    await attempt(page, GRACE, DEMO_REP_PASSWORD, /^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
  } finally {
    await clearSignInAttempts(GRACE, address);
  }
  await signInRep(page, GRACE);
});

test('one address guessing across many e-mails is stopped after twenty attempts', async ({ browser }) => {
  const address = '198.51.100.77';
  const page = await (await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } })).newPage();
  try {
    await page.goto('/rep/login');
    for (let i = 0; i < 20; i++) await attempt(page, `guess${i}-${Date.now()}@northwind-industrial.example`, DEMO_REP_PASSWORD, NO_MATCH);
    await attempt(page, SAMUEL, DEMO_REP_PASSWORD, /^Too many sign-in attempts/);
  } finally {
    await clearSignInAttempts(SAMUEL, address);
  }
});
