import { createHash } from 'node:crypto';
import { moneyFromDecimal, toDecimalString } from '../../../lib/money/money';
import type { QuantityTier } from '../../erp/erp';

/**
 * One BigCommerce price record as the sync wants it, and its content hash. ERP quantity tiers (absolute unit
 * prices from a minimum quantity) become the record's price (the first tier) plus `fixed` bulk tiers for the rest,
 * each tier ending where the next begins. Hashes are computed from integer minor units, so a record read back
 * from BigCommerce (JSON numbers) hashes the same as the one we built.
 */
export interface DesiredRecord {
  variantId: number;
  productId: number;
  sku: string;
  /** Lower-case ISO code, as BigCommerce stores it. */
  currency: string;
  priceMinor: number;
  tiers: { minQuantity: number; maxQuantity: number | null; unitPriceMinor: number }[];
}

export function recordFromTiers(
  variant: { variantId: number; productId: number; sku: string },
  currency: string,
  tiers: readonly QuantityTier[],
): DesiredRecord | { error: string } {
  const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
  const [base, ...breaks] = sorted;
  if (!base) return { error: 'no quantity tiers' };
  if (base.minQuantity !== 1) return { error: `first quantity tier starts at ${base.minQuantity}, expected 1` };
  return {
    ...variant,
    currency: currency.toLowerCase(),
    priceMinor: base.unitPrice,
    tiers: breaks.map((tier, index) => {
      const next = breaks[index + 1];
      return { minQuantity: tier.minQuantity, maxQuantity: next ? next.minQuantity - 1 : null, unitPriceMinor: tier.unitPrice };
    }),
  };
}

/** The field a record is known by in the hash store: one per variant and currency. */
export function recordKey(variantId: number, currency: string): string {
  return `${variantId}:${currency.toLowerCase()}`;
}

export function contentHash(record: Pick<DesiredRecord, 'priceMinor' | 'tiers'>): string {
  const canonical = [record.priceMinor, record.tiers.map((t) => [t.minQuantity, t.maxQuantity, t.unitPriceMinor])];
  return createHash('sha1').update(JSON.stringify(canonical)).digest('base64url').slice(0, 16);
}

/** The request body row for `PUT /v3/pricelists/{id}/records`. */
export function toBatchRow(record: DesiredRecord) {
  const currency = record.currency.toUpperCase();
  return {
    variant_id: record.variantId,
    currency: record.currency,
    price: Number(toDecimalString({ minor: record.priceMinor, currency })),
    bulk_pricing_tiers: record.tiers.map((tier) => ({
      quantity_min: tier.minQuantity,
      ...(tier.maxQuantity === null ? {} : { quantity_max: tier.maxQuantity }),
      type: 'fixed' as const,
      amount: Number(toDecimalString({ minor: tier.unitPriceMinor, currency })),
    })),
  };
}

/** A record as BigCommerce returns it (with `include=bulk_pricing_tiers`), hashed the same way. */
export function hashOfStoredRecord(stored: {
  currency: string;
  price: number;
  bulk_pricing_tiers?: { quantity_min: number; quantity_max?: number | null; type: string; amount: number }[] | null;
}): string {
  const currency = stored.currency.toUpperCase();
  const tiers = [...(stored.bulk_pricing_tiers ?? [])]
    .sort((a, b) => a.quantity_min - b.quantity_min)
    .map((tier) => ({
      minQuantity: tier.quantity_min,
      maxQuantity: tier.quantity_max ? tier.quantity_max : null,
      // Only fixed tiers are ever written by the sync; any other type must hash differently so it gets replaced.
      unitPriceMinor: tier.type === 'fixed' ? moneyFromDecimal(tier.amount, currency).minor : -1,
    }));
  return contentHash({ priceMinor: moneyFromDecimal(stored.price, currency).minor, tiers });
}
