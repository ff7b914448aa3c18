/**
 * Money at the ERP edge. ERPs put amounts on the wire as decimal strings ("17.25", "1200", "-3.5") or JSON
 * numbers; our code holds integer minor units. Conversion is exact string arithmetic: a float never touches an
 * amount, so "0.29" is 29 cents, not 28.999….
 */

import { exponentOf } from '../../lib/money/money';

/** Minor-unit exponent of a currency (2 unless ISO 4217 says otherwise): lib/money's table, so both edges agree. */
export function currencyExponent(currency: string): number {
  return exponentOf(currency);
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$|^([+-])?\.(\d+)$/;

/**
 * "17.25" → 1725 (exponent 2). Extra fractional digits must be zeros: "17.250" is fine, "17.255" is refused rather
 * than silently rounded, because a price the ERP holds to a tenth of a cent is a data problem someone should see.
 * Returns an error string instead of throwing so mappers can attach file/line/field context.
 */
export function parseDecimalToMinor(raw: string, exponent = 2): { ok: true; value: number } | { ok: false; error: string } {
  const text = raw.trim();
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, error: `"${raw}" is not a decimal amount` };
  const sign = (match[1] ?? match[4]) === '-' ? -1 : 1;
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? match[5] ?? '';
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const dropped = fraction.slice(exponent);
  if (/[1-9]/.test(dropped)) {
    return { ok: false, error: `"${raw}" has more than ${exponent} decimal places` };
  }
  const digits = `${whole}${kept}`.replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, error: `"${raw}" is out of range` };
  return { ok: true, value: value === 0 ? 0 : sign * value };
}

/** 1725 → "17.25"; -5 → "-0.05". For writing amounts back to an ERP. */
export function formatMinor(minor: number, exponent = 2): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer minor amount: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * Minor units to a JSON number for APIs that insist on numbers (NetSuite `rate`). The decimal string is exact;
 * `Number()` of a ≤15-significant-digit decimal string round-trips, so the wire text is the exact amount.
 */
export function minorToWireNumber(minor: number, exponent = 2): number {
  return Number(formatMinor(minor, exponent));
}
