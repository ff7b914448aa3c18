import { variantAvailable } from '../catalog/inventory';
import type { BcStore } from '../../store/store';
import type { BcCartLineItem } from '../../store/types';
import { cartError } from './cart-errors';

/**
 * The checks the lines a change touched must pass, judged on the cart as it would be afterwards (adding 5 to a
 * line of 8 is judged at 13). Untouched lines are not re-judged: stock that fell after they were added must not
 * block every other change to the cart.
 *  - the product's minimum and maximum purchase quantity (`order_quantity_minimum/maximum`, 0 = none) apply to
 *    all of its variants in the cart together, as BigCommerce applies them per product per order;
 *  - a tracked variant cannot hold more than its available-to-sell (on hand − safety stock at the storefront's
 *    locations, the same figure `inventory.aggregated.availableToSell` shows).
 */
export function checkChangedLines(store: BcStore, lines: readonly BcCartLineItem[], changedVariantIds: ReadonlySet<number>): void {
  const changed = lines.filter((line) => changedVariantIds.has(line.variant_id));
  const changedProducts = new Set(changed.map((line) => line.product_id));
  const perProduct = new Map<number, number>();
  for (const line of lines) {
    if (changedProducts.has(line.product_id)) perProduct.set(line.product_id, (perProduct.get(line.product_id) ?? 0) + line.quantity);
  }

  for (const [productId, quantity] of perProduct) {
    const product = store.products.get(productId);
    if (!product) continue;
    const min = product.order_quantity_minimum;
    const max = product.order_quantity_maximum;
    if (min > 0 && quantity < min) {
      throw cartError('MINIMUM_QUANTITY_NOT_MET', `${product.name} has a minimum order of ${min}; the cart would hold ${quantity}.`);
    }
    if (max > 0 && quantity > max) {
      throw cartError('MAXIMUM_QUANTITY_EXCEEDED', `${product.name} has a maximum order of ${max}; the cart would hold ${quantity}.`);
    }
  }

  for (const line of changed) {
    const product = store.products.get(line.product_id);
    const variant = store.variants.get(line.variant_id);
    if (!product || !variant || product.inventory_tracking === 'none') continue;
    const available = variantAvailable(store, variant);
    if (line.quantity > available) {
      throw cartError('INSUFFICIENT_STOCK', `Not enough stock for ${variant.sku}: ${available} available, ${line.quantity} requested.`);
    }
  }
}
