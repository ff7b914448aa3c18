import { describe, expect, it } from 'vitest';
import type { PriceFieldsFragment } from '@/graphql/generated/graphql';
import { buyerPriceFrom, priceLabels } from '@/lib/pricing/buyer-price';

const money = (value: number) => ({ value, currencyCode: 'USD' });

function prices(overrides: Partial<PriceFieldsFragment> = {}): PriceFieldsFragment {
  return { price: money(41.29), basePrice: money(41.29), salePrice: null, retailPrice: null, bulkPricing: [], ...overrides };
}

describe('a buyer price from the Storefront API', () => {
  it('turns the price into integer cents and formats it for display', () => {
    const price = buyerPriceFrom(prices());
    expect(price.unitPrice).toEqual({ minor: 4129, currency: 'USD' });
    expect(priceLabels(price).unitPrice).toBe('$41.29');
  });

  it('builds the volume-break table from every BigCommerce tier type', () => {
    const labels = priceLabels(
      buyerPriceFrom(
        prices({
          bulkPricing: [
            { __typename: 'BulkPricingFixedPriceDiscount', minimumQuantity: 10, maximumQuantity: 24, price: 39.24 },
            { __typename: 'BulkPricingPercentageDiscount', minimumQuantity: 25, maximumQuantity: 99, percentOff: 10 },
            { __typename: 'BulkPricingRelativePriceDiscount', minimumQuantity: 100, maximumQuantity: null, priceAdjustment: 5 },
          ],
        }),
      ),
    );
    expect(labels.volumeBreaks).toEqual([
      { minimumQuantity: 10, quantityLabel: '10–24', unitPrice: '$39.24' },
      { minimumQuantity: 25, quantityLabel: '25–99', unitPrice: '$37.16' },
      { minimumQuantity: 100, quantityLabel: '100+', unitPrice: '$36.29' },
    ]);
  });

  it('shows the retail price as the list price only when the buyer pays less', () => {
    expect(priceLabels(buyerPriceFrom(prices({ retailPrice: money(55) }))).listPrice).toBe('$55.00');
    expect(priceLabels(buyerPriceFrom(prices({ retailPrice: money(30) }))).listPrice).toBeNull();
    expect(priceLabels(buyerPriceFrom(prices())).listPrice).toBeNull();
  });
});
