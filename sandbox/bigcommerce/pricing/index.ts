/** Storefront price resolution for the sandbox: BigCommerce's order of operations as a pure module. */
export { resolveVariantPrices } from './resolve-variant-price';
export { pricingGroupFor } from './shopper-group';
export { priceAtQuantity } from './bulk-tiers';
export type { BulkTier, PriceSource, PricingContext, PricingData, ResolvedPrices } from './types';
