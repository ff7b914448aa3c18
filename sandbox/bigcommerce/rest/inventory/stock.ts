import { BcStore } from '../../store/store';
import type { BcInventoryLevel, BcProduct, BcVariant } from '../../store/types';

/**
 * Where stock lives: BigCommerce's inventory items are variants; a product-tracked product keeps its stock on
 * its first (base) variant's item, so "the product's stock at a location" is that level.
 */
export function stockVariant(product: BcProduct): BcVariant | undefined {
  return product.variants[0];
}

export function levelOf(store: BcStore, locationId: number, variant: BcVariant): BcInventoryLevel | undefined {
  return store.inventory.get(BcStore.inventoryKey(locationId, variant.id));
}

export function ensureLevel(store: BcStore, locationId: number, variant: BcVariant): BcInventoryLevel {
  const key = BcStore.inventoryKey(locationId, variant.id);
  let level = store.inventory.get(key);
  if (!level) {
    level = {
      location_id: locationId,
      variant_id: variant.id,
      product_id: variant.product_id,
      sku: variant.sku,
      total_inventory_onhand: 0,
      safety_stock: 0,
      is_in_stock: true, // the spec's default for the setting
      warning_level: 0,
      bin_picking_number: '',
      absolute_set: false,
    };
    store.inventory.set(key, level);
  }
  return level;
}

/** Recomputes catalog `inventory_level` totals (variant = sum over locations, product = sum over variants). */
export function recomputeTotals(store: BcStore, productIds: Iterable<number>): void {
  for (const productId of new Set(productIds)) {
    const product = store.products.get(productId);
    if (!product) continue;
    let productTotal = 0;
    for (const variant of product.variants) {
      let total = 0;
      for (const location of store.locations.keys()) total += levelOf(store, location, variant)?.total_inventory_onhand ?? 0;
      variant.inventory_level = total;
      productTotal += total;
    }
    product.inventory_level = productTotal;
  }
}
