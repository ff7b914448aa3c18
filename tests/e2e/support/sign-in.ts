import { expect, type Page } from '@playwright/test';

export const DEMO_BUYER_PASSWORD = 'Buyer-Demo-2026!';

export async function signIn(page: Page, email: string, password = DEMO_BUYER_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('account-state')).toContainText('Sign out');
}
