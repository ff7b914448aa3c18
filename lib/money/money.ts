/**
 * The one module that owns money. Amounts are integer minor units (cents) with their currency; decimal values
 * from BigCommerce (JSON numbers) are converted by parsing their decimal text, never by float arithmetic.
 */
export interface Money {
  /** Integer minor units, e.g. 1725 for 17.25 USD. */
  minor: number;
  currency: string;
}

/** Minor-unit exponents that differ from 2 (ISO 4217). The one table; the ERP edge imports it too. */
const EXPONENT: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, JOD: 3, TND: 3 };

export function exponentOf(currency: string): number {
  return EXPONENT[currency.toUpperCase()] ?? 2;
}

/**
 * A decimal amount as BigCommerce sends it (JSON number or string) to integer minor units, rounding half away
 * from zero at the currency's exponent. Throws on anything that is not a finite decimal.
 */
export function moneyFromDecimal(value: number | string, currency: string): Money {
  return { minor: scaledInteger(value, exponentOf(currency)), currency: currency.toUpperCase() };
}

/**
 * A decimal (JSON number or decimal text) as an integer count of 10^-exponent, rounding half away from zero:
 * scaledInteger("12.345", 2) = 1235. Parses the text, so no float arithmetic is involved.
 */
export function scaledInteger(value: number | string, exponent: number): number {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal amount: "${text}"`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const kept = (fraction + '0'.repeat(exponent)).slice(0, exponent);
  const roundUp = fraction.length > exponent && Number(fraction[exponent]) >= 5 ? 1 : 0;
  const scaled = Number(whole) * 10 ** exponent + Number(kept || '0') + roundUp;
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`amount out of range: "${text}"`);
  return sign === '-' ? -scaled : scaled;
}

/** A unit price times a quantity (a line total), refusing a result too large to stay an exact integer. */
export function multiplyMoney(money: Money, quantity: number): Money {
  const minor = money.minor * quantity;
  if (!Number.isSafeInteger(minor) || !Number.isInteger(quantity)) throw new RangeError(`line total out of range: ${money.minor} × ${quantity}`);
  return { minor, currency: money.currency };
}

export function formatMoney(money: Money, locale = 'en-US'): string {
  const exponent = exponentOf(money.currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Format from the exact decimal string so no float rounding can show a wrong cent.
  return formatter.format(toDecimalString(money) as Intl.StringNumericLiteral);
}

/** "17.25" for { minor: 1725, currency: 'USD' }. */
export function toDecimalString(money: Money): string {
  const exponent = exponentOf(money.currency);
  const abs = Math.abs(money.minor);
  const sign = money.minor < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${abs}`;
  const unit = 10 ** exponent;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(exponent, '0')}`;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const text = String(value);
  // Exponent notation only appears for very small or very large numbers; toFixed(10) is exact enough there.
  return /e/i.test(text) ? value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '') : text;
}
