import { describe, expect, it } from 'vitest';
import { scaledInteger } from '@/lib/money/money';
import { unitPriceAt, volumeBreaks, type VolumeBreakRule } from '@/lib/money/volume-breaks';

const usd = (minor: number) => ({ minor, currency: 'USD' });

describe('volume breaks', () => {
  const rules: VolumeBreakRule[] = [
    { minimumQuantity: 50, maximumQuantity: null, kind: 'fixed', price: 9.5 },
    { minimumQuantity: 10, maximumQuantity: 49, kind: 'fixed', price: '10.25' },
  ];

  it('lists tiers by quantity with their unit prices in integer cents', () => {
    expect(volumeBreaks(usd(1200), rules)).toEqual([
      { minimumQuantity: 10, maximumQuantity: 49, unitPrice: usd(1025) },
      { minimumQuantity: 50, maximumQuantity: null, unitPrice: usd(950) },
    ]);
  });

  it('picks the tier containing the quantity, and the plain price below the first tier', () => {
    expect(unitPriceAt(usd(1200), rules, 9)).toEqual(usd(1200));
    expect(unitPriceAt(usd(1200), rules, 10)).toEqual(usd(1025));
    expect(unitPriceAt(usd(1200), rules, 49)).toEqual(usd(1025));
    expect(unitPriceAt(usd(1200), rules, 500)).toEqual(usd(950));
  });

  it('applies a percentage off with half-away-from-zero rounding to the cent, without floats', () => {
    // 0.29 * (1 - 0.5) = 0.145 → 0.15 (a float multiply gives 0.14499999…)
    expect(unitPriceAt(usd(29), [{ minimumQuantity: 1, maximumQuantity: null, kind: 'percent', percentOff: 50 }], 1)).toEqual(usd(15));
    // 12.34 * (1 - 0.125) = 10.7975 → 10.80
    expect(unitPriceAt(usd(1234), [{ minimumQuantity: 1, maximumQuantity: null, kind: 'percent', percentOff: '12.5' }], 1)).toEqual(usd(1080));
  });

  it('applies an amount off per unit, never below zero', () => {
    const off = (amount: number): VolumeBreakRule[] => [{ minimumQuantity: 1, maximumQuantity: null, kind: 'relative', priceAdjustment: amount }];
    expect(unitPriceAt(usd(1000), off(1.5), 5)).toEqual(usd(850));
    expect(unitPriceAt(usd(1000), off(20), 5)).toEqual(usd(0));
  });
});

describe('scaledInteger', () => {
  it('parses decimal text exactly at any exponent, rounding half away from zero', () => {
    expect(scaledInteger('12.345', 2)).toBe(1235);
    expect(scaledInteger('-12.345', 2)).toBe(-1235);
    expect(scaledInteger(0.1, 4)).toBe(1000);
    expect(scaledInteger('7', 0)).toBe(7);
  });

  it('refuses what is not a decimal', () => {
    expect(() => scaledInteger('1e3x', 2)).toThrow(RangeError);
    expect(() => scaledInteger('', 2)).toThrow(RangeError);
  });
});
