import { z } from 'zod';
import type { SyncContext } from '../context';

/**
 * SKU → BigCommerce variant, for every variant in the catalog. The ERP keys everything by SKU; BigCommerce price
 * records and inventory are keyed by variant id. SKUs are compared trimmed and upper-cased, as the ERP adapters
 * normalise them.
 */
export interface VariantRef {
  variantId: number;
  productId: number;
  sku: string;
}

const variantSchema = z.looseObject({ id: z.number(), product_id: z.number(), sku: z.string() });

export async function loadCatalogIndex(ctx: SyncContext): Promise<Map<string, VariantRef>> {
  const index = new Map<string, VariantRef>();
  for await (const variant of ctx.rest.paginateV3('/v3/catalog/variants', variantSchema, { include_fields: 'id,product_id,sku' })) {
    index.set(normaliseSku(variant.sku), { variantId: variant.id, productId: variant.product_id, sku: variant.sku });
  }
  return index;
}

export function normaliseSku(sku: string): string {
  return sku.trim().toUpperCase();
}
