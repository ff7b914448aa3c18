import { moneyFromDecimal, scaledInteger, type Money } from './money';

/**
 * Volume breaks (BigCommerce "bulk pricing tiers") turned into the unit price a buyer pays at each quantity.
 * This is money arithmetic, so it lives beside money.ts and uses integers only: percentages are parsed from
 * their decimal text into ten-thousandths and applied with BigInt, rounding half away from zero to the cent,
 * as BigCommerce rounds a percentage tier.
 */
export type VolumeBreakRule = {
  minimumQuantity: number;
  /** null = no upper bound. */
  maximumQuantity: number | null;
} & (
  | { kind: 'fixed'; price: number | string }
  | { kind: 'percent'; percentOff: number | string }
  | { kind: 'relative'; priceAdjustment: number | string }
);

export interface VolumeBreak {
  minimumQuantity: number;
  maximumQuantity: number | null;
  unitPrice: Money;
}

/** The unit price of every tier, given the buyer's price before volume breaks. Sorted by quantity. */
export function volumeBreaks(unitPrice: Money, rules: readonly VolumeBreakRule[]): VolumeBreak[] {
  return [...rules]
    .sort((a, b) => a.minimumQuantity - b.minimumQuantity)
    .map((rule) => ({
      minimumQuantity: rule.minimumQuantity,
      maximumQuantity: rule.maximumQuantity,
      unitPrice: applyRule(unitPrice, rule),
    }));
}

/** The unit price at `quantity`: the tier that contains it applied to `unitPrice`, else `unitPrice` itself. */
export function unitPriceAt(unitPrice: Money, rules: readonly VolumeBreakRule[], quantity: number): Money {
  const rule = rules.find((r) => quantity >= r.minimumQuantity && (r.maximumQuantity === null || quantity <= r.maximumQuantity));
  return rule ? applyRule(unitPrice, rule) : unitPrice;
}

function applyRule(unitPrice: Money, rule: VolumeBreakRule): Money {
  const { currency } = unitPrice;
  switch (rule.kind) {
    case 'fixed':
      return moneyFromDecimal(rule.price, currency);
    case 'relative': {
      const off = moneyFromDecimal(rule.priceAdjustment, currency);
      return { minor: Math.max(0, unitPrice.minor - off.minor), currency };
    }
    case 'percent':
      return { minor: Math.max(0, percentOff(unitPrice.minor, rule.percentOff)), currency };
  }
}

/** Percentages are handled in ten-thousandths of a percentage point (BigCommerce sends up to 4 decimals). */
const PERCENT_DECIMALS = 4;
const HUNDRED_PERCENT = 100n * 10n ** BigInt(PERCENT_DECIMALS);

function percentOff(minor: number, percent: number | string): number {
  const scaledPercent = BigInt(scaledInteger(percent, PERCENT_DECIMALS));
  const numerator = BigInt(minor) * (HUNDRED_PERCENT - scaledPercent);
  const quotient = numerator / HUNDRED_PERCENT;
  const remainder = numerator % HUNDRED_PERCENT;
  // Half away from zero: a remainder of at least half the divisor rounds the magnitude up.
  const magnitudeUp = (remainder < 0n ? -remainder : remainder) * 2n >= HUNDRED_PERCENT;
  const rounded = magnitudeUp ? quotient + (numerator < 0n ? -1n : 1n) : quotient;
  return Number(rounded);
}
