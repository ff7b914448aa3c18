import { expect, test, type Page } from '@playwright/test';
import { orderableRecords } from './support/cart-candidates';
import {
  actAs, auditEntries, customerOf, erpAdmin, expireActing, GRACE, latestActingId, runRepsSync, SAMUEL, signInRep,
} from './support/rep-support';

/**
 * A rep acts only for the accounts the ERP assigns them, and that is checked on every request: ids in a URL, a
 * form or a cookie grant nothing, and an impersonation ends as soon as its assignment is gone or its time is up.
 */
const ACME_BUYER = 'ethan.abara@acme-fab.example';
const SUNBELT_BUYER = 'kevin.moreau@sunbelt-indsupply.example';

/**
 * Opens one of the buyer's products twice while acting (the second time the page cache could answer, had it kept
 * the first), so the spec can then check that the same URL is authorized afresh once the impersonation is over.
 */
async function browseProductWhileActing(page: Page, buyerEmail: string): Promise<string> {
  const [item] = await orderableRecords(buyerEmail, 1);
  if (!item) throw new Error(`no product for ${buyerEmail}`);
  const url = `${item.path}?variant=${item.record.variant_id}`;
  for (let i = 0; i < 2; i++) {
    await page.goto(url);
    await expect(page.getByTestId('acting-banner')).toBeVisible();
    await expect(page.getByTestId('variant-offer').getByTestId('product-price')).toBeVisible();
  }
  return url;
}

/** The product page as the rep alone: no banner, no buyer, no contract price. */
async function expectProductAsRep(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('acting-banner')).toHaveCount(0);
  await expect(page.getByTestId('account-state')).toContainText('Sales rep');
  await expect(page.getByTestId('variant-offer').getByTestId('sign-in-for-price')).toBeVisible();
}

async function expectNotActing(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('acting-banner')).toHaveCount(0);
  await expect(page.getByTestId('account-state')).toContainText('Sales rep');
}

test('an account assigned to another rep is not found by its URL', async ({ page }) => {
  const sunbelt = await customerOf(SUNBELT_BUYER);
  await signInRep(page, SAMUEL);
  const response = await page.goto(`/rep/accounts/${sunbelt.customerNumber}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('rep-account-page')).toHaveCount(0);
});

test('a tampered act-as form is refused, audited, and starts nothing', async ({ page }) => {
  const since = new Date();
  const [acme, sunbelt] = await Promise.all([customerOf(ACME_BUYER), customerOf(SUNBELT_BUYER)]);
  await signInRep(page, SAMUEL);
  await page.getByRole('link', { name: 'Acme Fabrication Works', exact: true }).click();
  const form = page.locator(`[data-testid="rep-buyer"][data-email="${ACME_BUYER}"]`).getByTestId('act-as-form');
  const submitWith = async (fields: Record<string, string>, reason: string) => {
    for (const [name, value] of Object.entries(fields)) {
      await form.locator(`input[name="${name}"]`).evaluate((input, v) => ((input as HTMLInputElement).value = v), value);
    }
    await form.getByLabel(/Reason/).fill(reason);
    await form.getByRole('button', { name: /^Act as / }).click();
  };

  // Another company's buyer, behind one of the rep's own companies.
  await submitWith({ buyerCustomerId: String(sunbelt.id) }, 'tampered buyer');
  await expect(form.getByTestId('act-as-error')).toHaveText('That buyer does not buy for Acme Fabrication Works.');
  // Another rep's company outright.
  await submitWith({ customerNumber: sunbelt.customerNumber, buyerCustomerId: String(sunbelt.id) }, 'tampered company');
  await expect(form.getByTestId('act-as-error')).toHaveText('That company is not assigned to you.');

  await expectNotActing(page);
  const refused = await auditEntries({ rep: SAMUEL, action: 'acting-start-refused', since });
  expect(refused.map((e) => e.detail['requested'])).toEqual([
    { customerNumber: sunbelt.customerNumber, buyerCustomerId: sunbelt.id },
    { customerNumber: acme.customerNumber, buyerCustomerId: sunbelt.id },
  ]);
  expect(await auditEntries({ rep: SAMUEL, action: 'acting-start', since })).toEqual([]);
});

test('an old or edited session cookie does not bring an impersonation back', async ({ page, context }) => {
  const since = new Date();
  await signInRep(page, SAMUEL);
  await actAs(page, 'Cascade Packaging Systems', 'darnell.gallagher@cascade-pack.example');
  const whileActing = (await context.cookies()).find((c) => c.name === 'b2b_session');
  if (!whileActing) throw new Error('no session cookie');
  await page.getByRole('button', { name: /^Stop acting as/ }).click();
  await expect(page).toHaveURL(/\/rep$/);

  // Replaying the cookie from while acting: the server-side record has ended, so the rep is just a rep.
  await context.addCookies([whileActing]);
  await expectNotActing(page);
  const actingId = await latestActingId(SAMUEL, since);
  expect((await auditEntries({ actingId })).map((e) => e.action)).toEqual(['acting-stop', 'acting-start']);

  // An edited cookie does not unseal: the visitor is signed out altogether.
  const middle = Math.floor(whileActing.value.length / 2);
  const flipped = whileActing.value[middle] === 'A' ? 'B' : 'A';
  await context.addCookies([{ ...whileActing, value: whileActing.value.slice(0, middle) + flipped + whileActing.value.slice(middle + 1) }]);
  await page.goto('/');
  await expect(page.getByTestId('account-state')).toContainText('Sign in');
  await expect(page.getByTestId('acting-banner')).toHaveCount(0);
});

test('moving the account to another rep in the ERP ends the impersonation by the next request', async ({ page }) => {
  const since = new Date();
  const prairie = await customerOf('andre.mahoney@prairiecounty-pw.example');
  await signInRep(page, SAMUEL);
  await actAs(page, 'Prairie County Public Works', 'andre.mahoney@prairiecounty-pw.example');
  const product = await browseProductWhileActing(page, 'andre.mahoney@prairiecounty-pw.example');
  try {
    await erpAdmin('PUT', `/customers/${prairie.customerNumber}/sales-rep`, { salesRep: GRACE });
    await runRepsSync();
    await expectProductAsRep(page, product);
    await page.goto('/rep');
    await expect(page.getByTestId('rep-account').filter({ hasText: 'Prairie County Public Works' })).toHaveCount(0);
    expect((await page.goto(`/rep/accounts/${prairie.customerNumber}`))?.status()).toBe(404);
    const actingId = await latestActingId(SAMUEL, since);
    const ended = await auditEntries({ actingId, action: 'acting-revoked' });
    expect(ended).toHaveLength(1);
    expect(ended[0]?.detail).toMatchObject({ reason: 'assignment-removed' });
  } finally {
    await erpAdmin('PUT', `/customers/${prairie.customerNumber}/sales-rep`, { salesRep: SAMUEL });
    await runRepsSync();
  }
});

test('an impersonation past its time box ends on the next request', async ({ page }) => {
  const since = new Date();
  await signInRep(page, SAMUEL);
  await actAs(page, 'Great Lakes Plant Services', 'wesley.delgado@greatlakes-plant.example');
  const product = await browseProductWhileActing(page, 'wesley.delgado@greatlakes-plant.example');
  const actingId = await latestActingId(SAMUEL, since);
  await expireActing(actingId);
  await expectProductAsRep(page, product);
  const entries = await auditEntries({ actingId });
  expect(entries.map((e) => e.action)).toEqual(['acting-expired', 'acting-start']);
  expect(entries[0]?.detail).toMatchObject({ reason: 'expired', by: 'request' });
});
