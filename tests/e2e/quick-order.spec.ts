import { expect, test, type Page } from '@playwright/test';
import { lineTotal, orderableRecords } from './support/cart-candidates';
import { signIn } from './support/sign-in';
import { usd } from './support/store-api';

/**
 * The quick order pad: a paste of good and bad lines shows each row's price and stock, adds the good rows to the
 * cart at the quoted prices, and keeps the bad rows in the pad with the reason and, for a mistyped SKU, the SKU
 * that was meant. Expected prices and stock come from the store's REST API.
 */
const ACME_BUYER = 'ethan.abara@acme-fab.example';

function row(page: Page, lineNumber: number) {
  return page.getByTestId('quick-order-row').nth(lineNumber - 1);
}

test('a paste with good and bad lines adds the good ones and explains the bad ones', async ({ page }) => {
  const [tiered, plain, scarce] = await orderableRecords(ACME_BUYER, 3);
  if (!tiered || !plain || !scarce) throw new Error('not enough orderable variants');
  const typo = `${tiered.record.sku}Z`;
  // Two units of `plain` cost its contract price, or its first volume break if that starts at 2.
  const plainPrice = plain.tier.quantityMin <= 2 ? plain.tier.unitPrice : usd(plain.record.calculated_price);
  await signIn(page, ACME_BUYER);
  await page.getByRole('link', { name: 'Quick order', exact: true }).click();

  const pad = page.getByLabel('SKUs and quantities, one per line');
  await pad.fill(
    [
      `${tiered.record.sku}\t${tiered.tier.quantityMin}`,
      `${plain.record.sku},2`,
      `${typo} 1`,
      `${plain.record.sku} lots`,
      `${scarce.record.sku} ${scarce.available + 1}`,
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Check lines' }).click();
  await expect(page.getByTestId('quick-order-message')).toHaveText('2 of 5 lines can be added.');

  await expect(row(page, 1)).toHaveAttribute('data-ok', 'true');
  await expect(row(page, 1).getByTestId('quick-order-unit-price')).toHaveText(tiered.tier.unitPrice);
  await expect(row(page, 1).getByTestId('quick-order-line-total')).toHaveText(
    lineTotal(Number(tiered.tier.unitPrice.replace(/[$,]/g, '')), tiered.tier.quantityMin),
  );
  await expect(row(page, 2)).toHaveAttribute('data-ok', 'true');
  await expect(row(page, 2).getByTestId('quick-order-unit-price')).toHaveText(plainPrice);
  await expect(row(page, 3).getByTestId('quick-order-problem')).toHaveText(`Unknown SKU "${typo}". Did you mean one of these?`);
  await expect(row(page, 3).getByRole('button', { name: `Use ${tiered.record.sku}` })).toBeVisible();
  await expect(row(page, 4).getByTestId('quick-order-problem')).toHaveText('"lots" is not a quantity: use a whole number.');
  await expect(row(page, 5).getByTestId('quick-order-problem')).toHaveText(`Only ${scarce.available} available.`);

  await page.getByRole('button', { name: 'Add 2 valid lines to cart' }).click();
  await expect(page.getByTestId('quick-order-message')).toHaveText('Added 2 lines to your cart. 3 lines need fixing.');
  await expect(pad).toHaveValue([`${typo} 1`, `${plain.record.sku} lots`, `${scarce.record.sku} ${scarce.available + 1}`].join('\n'));
  await expect(page.getByTestId('quick-order-row')).toHaveCount(3);
  await expect(page.getByTestId('cart-line-count')).toHaveText('2');

  // Taking the suggestion fixes the typo in the pad.
  await row(page, 1).getByRole('button', { name: `Use ${tiered.record.sku}` }).click();
  await expect(pad).toHaveValue([`${tiered.record.sku} 1`, `${plain.record.sku} lots`, `${scarce.record.sku} ${scarce.available + 1}`].join('\n'));

  // The cart holds the good lines at the prices the pad quoted.
  await page.getByTestId('cart-link').click();
  const cartLine = (sku: string) => page.locator(`[data-testid="cart-line"][data-sku="${sku}"]`);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await expect(cartLine(tiered.record.sku).getByTestId('cart-line-unit-price')).toHaveText(tiered.tier.unitPrice);
  await expect(cartLine(plain.record.sku).getByTestId('cart-line-unit-price')).toHaveText(plainPrice);
  await expect(cartLine(plain.record.sku).getByTestId('cart-line-quantity')).toHaveValue('2');
});

test('a CSV upload with a header row is read like a paste', async ({ page }) => {
  const [item] = await orderableRecords(ACME_BUYER, 1);
  if (!item) throw new Error('no orderable variant');
  await signIn(page, ACME_BUYER);
  await page.goto('/quick-order');
  await page.getByLabel('Or upload a CSV file').setInputFiles({
    name: 'order.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`SKU,Description,Quantity\n"${item.record.sku}","from our ERP",1\n`),
  });
  await page.getByRole('button', { name: 'Check lines' }).click();
  await expect(page.getByTestId('quick-order-message')).toHaveText('1 of 1 lines can be added.');
  await expect(row(page, 1)).toHaveAttribute('data-ok', 'true');
  await expect(row(page, 1).getByTestId('quick-order-line-total')).toHaveText(usd(item.record.calculated_price));
});
