import { graphql } from '@/graphql/generated';

/** Everything lib/pricing needs to show a buyer's price and volume breaks. */
export const PriceFieldsFragment = graphql(`
  fragment PriceFields on Prices {
    price {
      value
      currencyCode
    }
    basePrice {
      value
      currencyCode
    }
    salePrice {
      value
      currencyCode
    }
    retailPrice {
      value
      currencyCode
    }
    bulkPricing {
      __typename
      minimumQuantity
      maximumQuantity
      ... on BulkPricingFixedPriceDiscount {
        price
      }
      ... on BulkPricingPercentageDiscount {
        percentOff
      }
      ... on BulkPricingRelativePriceDiscount {
        priceAdjustment
      }
    }
  }
`);
