import { catalogPrices } from '../../pricing/catalog-price';
import { pricingGroupFor, resolveVariantPrices } from '../../pricing';
import type { BcStore } from '../../store/store';
import type { BcCart, BcCartLineItem, BcProduct, BcVariant } from '../../store/types';

/** One cart line with its money worked out, in units4 of the cart's currency. */
export interface PricedLine {
  line: BcCartLineItem;
  product: BcProduct;
  variant: BcVariant;
  /** The cart customer's unit price at this line's quantity: price list (or catalog) with the bulk tier applied. */
  unitPrice: number;
  /** The catalog price ("the product default price in the admin panel"). */
  originalPrice: number;
}

/**
 * Prices every line for the customer who owns the cart (a guest cart gets the guest group's prices), through the
 * same resolution `prices` uses, at the line's quantity: so a cart line costs what the product page's
 * volume-break table says for that quantity. Prices are worked out on every read, so a price-list change
 * reaches carts already built. The sandbox has no promotions or tax: sale price = list price, discounts 0.
 */
export function priceCartLines(store: BcStore, cart: BcCart): PricedLine[] {
  const customerGroupId = pricingGroupFor(store, store.customers.get(cart.customer_id));
  const currency = cart.currency.code;
  return cart.line_items.flatMap((line) => {
    const product = store.products.get(line.product_id);
    const variant = store.variants.get(line.variant_id);
    if (!product || !variant) return [];
    const resolved = resolveVariantPrices(store, product, variant, { customerGroupId, channelId: cart.channel_id, currency, quantity: line.quantity });
    const catalog = catalogPrices(product, variant, store.defaultCurrency, currency);
    if (!resolved || !catalog) return [];
    return [{ line, product, variant, unitPrice: resolved.priceAtQuantity, originalPrice: catalog.basePrice }];
  });
}
