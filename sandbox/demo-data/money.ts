/**
 * Integer money helpers for the generator. Amounts are integer minor units (cents) throughout; every helper takes and
 * returns integers and rounds exactly once, so no float error can leak into the dataset (see STYLE.md: we never do
 * money in JS floats).
 */
import type { MinorUnits } from './types';

/** Apply a discount given in basis points (1 bp = 0.01 %), rounding half up to the cent. */
export function discountByBasisPoints(amount: MinorUnits, basisPoints: number): MinorUnits {
  assertInteger(amount, 'amount');
  assertInteger(basisPoints, 'basisPoints');
  // amount * (10000 - bp) is an exact integer far below 2^53 for any price in this dataset.
  return Math.round((amount * (10_000 - basisPoints)) / 10_000);
}

/** Multiply by a ratio of integers (e.g. 136/100), rounding half up to the cent. */
export function scaleByRatio(amount: MinorUnits, numerator: number, denominator: number): MinorUnits {
  assertInteger(amount, 'amount');
  return Math.round((amount * numerator) / denominator);
}

/**
 * Snap a price to a shelf-looking amount: under $10 end in 9 cents ($4.19), under $100 in 9 cents too, above
 * that in 99 cents ($149.99) — distributors' list prices look like this, and it keeps prices obviously "real".
 */
export function charmPrice(amount: MinorUnits): MinorUnits {
  if (amount < 100) return Math.max(9, Math.floor(amount / 10) * 10 + 9);
  if (amount < 10_000) return Math.floor(amount / 10) * 10 + 9;
  return Math.floor(amount / 100) * 100 + 99;
}

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
}
