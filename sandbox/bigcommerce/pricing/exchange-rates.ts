import { roundToCents } from '../store/money';

/**
 * The sandbox's stand-in for BigCommerce's automatic currency conversion of catalog prices. BigCommerce
 * converts with the store's configured exchange rates; the sandbox has no currency settings, so it uses this
 * fixed table (units of the currency per 1 USD, in ten-thousandths). Rule: amount × rate / 10,000, rounded
 * half away from zero to whole cents. Only the conversion between the default currency and the transactional
 * currency is modelled; price-list records are never converted (a record in another currency simply does
 * not apply).
 */
const PER_USD_UNITS4: Readonly<Record<string, number>> = {
  USD: 10_000,
  CAD: 13_700,
  EUR: 9_200,
  GBP: 7_900,
};

/** Converts a units4 amount between currencies, or undefined when a rate is missing. */
export function convertCatalogAmount(units4: number, from: string, to: string): number | undefined {
  const source = from.toUpperCase();
  const target = to.toUpperCase();
  if (source === target) return units4;
  const fromRate = PER_USD_UNITS4[source];
  const toRate = PER_USD_UNITS4[target];
  if (fromRate === undefined || toRate === undefined) return undefined;
  // Integer maths: units4 × toRate / fromRate stays well inside 2^53 for any realistic price.
  return roundToCents(Math.round((units4 * toRate) / fromRate));
}
