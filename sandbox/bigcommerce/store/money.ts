/**
 * Sandbox money arithmetic. BigCommerce carries prices as JSON numbers with up to four decimals; the emulator
 * converts them to integer ten-thousandths ("units4") before any arithmetic, so a 15% tier on 17.25 is computed
 * exactly and rounded once, never accumulated as float error.
 */

const SCALE = 10_000;

/** A wire number (e.g. 17.25) to integer ten-thousandths (172500). Rejects non-finite input. */
export function toUnits4(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  // Parse through the shortest decimal string so 0.1 + float noise never leaks in.
  const [whole = '0', fraction = ''] = Math.abs(value).toString().includes('e')
    ? Math.abs(value).toFixed(4).split('.')
    : Math.abs(value).toString().split('.');
  const digits = Number(whole) * SCALE + Number((fraction + '0000').slice(0, 4));
  const roundUp = fraction.length > 4 && Number(fraction[4]) >= 5 ? 1 : 0;
  return Math.sign(value) * (digits + roundUp);
}

/** Integer ten-thousandths back to a wire number (172500 → 17.25). */
export function fromUnits4(units4: number): number {
  return Number((units4 / SCALE).toFixed(4));
}

/** Integer minor units (cents, exponent 2) to a wire number: 1725 → 17.25. */
export function fromMinor(minor: number): number {
  return Number((minor / 100).toFixed(2));
}

/** Apply a percentage discount, rounding half away from zero to the currency's cents. */
export function percentOff(units4: number, percent: number): number {
  const percent4 = toUnits4(percent); // percent in ten-thousandths
  const discounted = Math.round((units4 * (100 * SCALE - percent4)) / (100 * SCALE));
  return roundToCents(discounted);
}

/** Round ten-thousandths to whole cents (half away from zero). */
export function roundToCents(units4: number): number {
  return Math.sign(units4) * Math.round(Math.abs(units4) / 100) * 100;
}

/** A v2-style decimal string with four places ("12.3400"). */
export function toDecimalString4(units4: number): string {
  const sign = units4 < 0 ? '-' : '';
  const abs = Math.abs(units4);
  return `${sign}${Math.floor(abs / SCALE)}.${String(abs % SCALE).padStart(4, '0')}`;
}
