import { describe, expect, it } from 'vitest';
import { formatMoney, moneyFromDecimal, toDecimalString } from '@/lib/money/money';

describe('money', () => {
  it('converts BigCommerce decimals to exact minor units without float error', () => {
    expect(moneyFromDecimal(17.25, 'USD')).toEqual({ minor: 1725, currency: 'USD' });
    expect(moneyFromDecimal(0.1 + 0.2, 'usd').minor).toBe(30); // 0.30000000000000004 rounds to 30 cents
    expect(moneyFromDecimal(1.005, 'USD').minor).toBe(101); // half away from zero on the decimal text
    expect(moneyFromDecimal('12.3449', 'USD').minor).toBe(1234);
    expect(moneyFromDecimal(-3.5, 'USD').minor).toBe(-350);
    expect(moneyFromDecimal(1500, 'JPY')).toEqual({ minor: 1500, currency: 'JPY' });
  });

  it('refuses values that are not decimals', () => {
    expect(() => moneyFromDecimal('12,50', 'USD')).toThrow(/not a decimal/);
    expect(() => moneyFromDecimal(Number.NaN, 'USD')).toThrow(/finite/);
  });

  it('formats from the exact decimal text in the buyer currency', () => {
    expect(toDecimalString({ minor: 1234567, currency: 'USD' })).toBe('12345.67');
    expect(formatMoney({ minor: 1234567, currency: 'USD' })).toBe('$12,345.67');
    expect(formatMoney({ minor: 905, currency: 'CAD' }, 'en-CA')).toBe('$9.05');
    expect(formatMoney({ minor: 900719925474099, currency: 'USD' })).toBe('$9,007,199,254,740.99');
  });
});
