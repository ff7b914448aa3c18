import { priceListOfBuyer, priceRecords, productPath, stockByLocation, usd, type PriceRecord } from './store-api';

/**
 * Variants to order in the cart and quick-order specs, chosen from what the store itself holds (the buyer's price
 * list and the Inventory API), so expectations come from the store and not from the storefront under test.
 */
export interface Orderable {
  record: PriceRecord;
  path: string;
  available: number;
  /** The first fixed-price volume break of the buyer's record. */
  tier: { quantityMin: number; quantityMax: number | null; unitPrice: string };
}

export async function availableToSell(variantId: number): Promise<number> {
  return (await stockByLocation(variantId)).reduce((sum, location) => sum + location.available, 0);
}

/** Variants on the buyer's own price list with a volume break and stock to reach it, skipping `exclude`. */
export async function orderableRecords(email: string, count: number, exclude: ReadonlySet<number> = new Set()): Promise<Orderable[]> {
  const found: Orderable[] = [];
  for (const record of await priceRecords(await priceListOfBuyer(email))) {
    if (found.length === count) break;
    const tier = [...record.bulk_pricing_tiers].sort((a, b) => a.quantity_min - b.quantity_min)[0];
    if (exclude.has(record.variant_id) || found.some((f) => f.record.product_id === record.product_id) || tier?.type !== 'fixed') continue;
    const available = await availableToSell(record.variant_id);
    if (available < tier.quantity_min + 5) continue;
    found.push({
      record,
      path: await productPath(record.product_id),
      available,
      tier: { quantityMin: tier.quantity_min, quantityMax: tier.quantity_max, unitPrice: usd(tier.amount) },
    });
  }
  if (found.length < count) throw new Error(`only ${found.length} of ${count} orderable variants with volume breaks for ${email}`);
  return found;
}

/** `quantity` × a unit price, formatted, computed in cents so no float error shows. */
export function lineTotal(unitAmount: number, quantity: number): string {
  return usd((Math.round(unitAmount * 100) * quantity) / 100);
}
