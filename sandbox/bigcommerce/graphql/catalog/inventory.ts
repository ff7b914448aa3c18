import type { BcStore } from '../../store/store';
import type { BcLocation, BcProduct, BcVariant } from '../../store/types';

export interface LocationStock {
  location: BcLocation;
  availableToSell: number;
  warningLevel: number;
  isInStock: boolean;
}

/** Locations a storefront may show stock for. */
function visibleLocations(store: BcStore): BcLocation[] {
  return [...store.locations.values()].filter((l) => l.enabled && l.storefront_visibility).sort((a, b) => a.id - b.id);
}

/** Available to sell = on hand − safety stock (never negative), per visible location. */
export function variantStockByLocation(store: BcStore, variant: BcVariant): LocationStock[] {
  return visibleLocations(store).flatMap((location) => {
    const level = store.inventory.get(`${location.id}:${variant.id}`);
    if (!level) return [];
    const availableToSell = Math.max(0, level.total_inventory_onhand - level.safety_stock);
    return [{ location, availableToSell, warningLevel: level.warning_level, isInStock: level.is_in_stock && availableToSell > 0 }];
  });
}

export function productStockByLocation(store: BcStore, product: BcProduct): LocationStock[] {
  const byLocation = new Map<number, LocationStock>();
  for (const variant of product.variants) {
    for (const stock of variantStockByLocation(store, variant)) {
      const seen = byLocation.get(stock.location.id);
      byLocation.set(
        stock.location.id,
        seen
          ? { ...seen, availableToSell: seen.availableToSell + stock.availableToSell, isInStock: seen.isInStock || stock.isInStock }
          : stock,
      );
    }
  }
  return [...byLocation.values()];
}

export function variantAvailable(store: BcStore, variant: BcVariant): number {
  return variantStockByLocation(store, variant).reduce((sum, s) => sum + s.availableToSell, 0);
}

/** Untracked products are always in stock, as in BigCommerce. */
export function productInStock(store: BcStore, product: BcProduct): boolean {
  if (product.inventory_tracking === 'none') return true;
  return product.variants.some((v) => variantAvailable(store, v) > 0);
}

export function variantInStock(store: BcStore, product: BcProduct, variant: BcVariant): boolean {
  if (product.inventory_tracking === 'none') return true;
  return variantAvailable(store, variant) > 0;
}
