import { toUnits4 } from '../store/money';
import type { BcProduct, BcVariant } from '../store/types';
import { convertCatalogAmount } from './exchange-rates';

export interface CatalogPrices {
  basePrice: number;
  salePrice: number | null;
  retailPrice: number | null;
  mapPrice: number | null;
}

/**
 * Step 5, the catalog price, in units4 of `currency`: variant price, else product price; variant sale price,
 * else product sale price (the catalog API writes "not set" as 0 on products and null on variants). Amounts
 * are converted from the store's default currency with the sandbox's fixed rates (see exchange-rates.ts);
 * undefined when no rate exists for `currency`.
 */
export function catalogPrices(product: BcProduct, variant: BcVariant, defaultCurrency: string, currency: string): CatalogPrices | undefined {
  const convert = (amount: number | null): number | null | undefined =>
    amount === null ? null : convertCatalogAmount(toUnits4(amount), defaultCurrency, currency);
  const base = convert(variant.price ?? product.price);
  if (base === undefined || base === null) return undefined;
  const sale = convert(variant.sale_price ?? nonZero(product.sale_price));
  const retail = convert(variant.retail_price ?? nonZero(product.retail_price));
  const map = convert(variant.map_price ?? nonZero(product.map_price));
  return { basePrice: base, salePrice: sale ?? null, retailPrice: retail ?? null, mapPrice: map ?? null };
}

function nonZero(amount: number): number | null {
  return amount > 0 ? amount : null;
}
