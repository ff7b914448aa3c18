import type { CartFieldsFragment, CartStockQuery } from '@/graphql/generated/graphql';
import { storefrontHref } from '@/lib/catalog/paths';
import { moneyFromDecimal, type Money } from '@/lib/money/money';

/**
 * The buyer's cart in integer money, read from what BigCommerce returned: the unit price and line total are
 * BigCommerce's own for the line's quantity (price list and volume break applied by the store, exactly as the
 * product page's `prices` are), never recomputed here. Pure, so it is unit-tested directly.
 */
export interface BuyerCart {
  entityId: string;
  lines: CartLine[];
  /** Sum of the line totals, as BigCommerce states it (`amount`). */
  subtotal: Money;
  totalQuantity: number;
}

export interface CartLine {
  lineItemEntityId: string;
  productEntityId: number;
  variantEntityId: number | null;
  sku: string;
  name: string;
  href: string;
  image: { url: string; alt: string } | null;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  stock: LineStock;
}

/** Whether a line can be ordered at its quantity, from the variant's stock as the storefront sees it. */
export type LineStock =
  | { kind: 'untracked' }
  | { kind: 'in-stock'; available: number }
  | { kind: 'short'; available: number }
  | { kind: 'out-of-stock' }
  | { kind: 'unavailable' }
  | { kind: 'unknown' };

export interface VariantStock {
  purchasable: boolean;
  isInStock: boolean;
  /** null: stock is not tracked for this product. */
  availableToSell: number | null;
}

/** Variant id → stock, from a CartStock answer. */
export function stockByVariant(data: CartStockQuery): Map<number, VariantStock> {
  const stock = new Map<number, VariantStock>();
  for (const { node: product } of data.site.products.edges ?? []) {
    for (const { node: variant } of product.variants.edges ?? []) {
      stock.set(variant.entityId, {
        purchasable: variant.isPurchasable,
        isInStock: variant.inventory?.isInStock ?? false,
        availableToSell: variant.inventory?.aggregated?.availableToSell ?? null,
      });
    }
  }
  return stock;
}

/** `stock` null means the stock request failed: lines say so rather than pretend. */
export function buyerCartFrom(cart: CartFieldsFragment, stock: ReadonlyMap<number, VariantStock> | null): BuyerCart {
  const lines = cart.lineItems.physicalItems.map(
    (item): CartLine => ({
      lineItemEntityId: item.entityId,
      productEntityId: item.productEntityId,
      variantEntityId: item.variantEntityId,
      sku: item.sku ?? '',
      name: item.name,
      href: storefrontHref(item.path),
      image: item.image ? { url: item.image.url, alt: item.image.altText || item.name } : null,
      quantity: item.quantity,
      unitPrice: moneyFromDecimal(item.salePrice.value, item.salePrice.currencyCode),
      lineTotal: moneyFromDecimal(item.extendedSalePrice.value, item.extendedSalePrice.currencyCode),
      stock: stock === null ? { kind: 'unknown' } : lineStock(item.quantity, item.variantEntityId === null ? undefined : stock.get(item.variantEntityId)),
    }),
  );
  return {
    entityId: cart.entityId,
    lines,
    subtotal: moneyFromDecimal(cart.amount.value, cart.amount.currencyCode),
    totalQuantity: cart.lineItems.totalQuantity,
  };
}

export function lineStock(quantity: number, stock: VariantStock | undefined): LineStock {
  if (!stock || !stock.purchasable) return { kind: 'unavailable' };
  if (stock.availableToSell === null) return stock.isInStock ? { kind: 'untracked' } : { kind: 'out-of-stock' };
  if (stock.availableToSell <= 0) return { kind: 'out-of-stock' };
  return stock.availableToSell >= quantity ? { kind: 'in-stock', available: stock.availableToSell } : { kind: 'short', available: stock.availableToSell };
}
