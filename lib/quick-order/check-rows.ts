import { multiplyMoney, type Money } from '@/lib/money/money';
import { unitPriceAtQuantity, type BuyerPrice } from '@/lib/pricing/buyer-price';
import type { ParsedRow } from './parse-lines';

/**
 * Judges each quick-order row against what the catalog says for the signed-in buyer, before anything reaches the
 * cart: unknown SKU (with close matches), a parent SKU that needs an option, not orderable, no price, the
 * product's minimum/maximum order quantity, and stock. Quantities are judged as the cart would hold them: rows
 * of one SKU add up, plus what the cart already has, because BigCommerce merges them into one line. For the
 * same reason the quoted unit price is the volume break at that combined quantity. Pure.
 */

/** What lookup-skus.ts found for one SKU. */
export type SkuLookup =
  | {
      kind: 'found';
      item: QuickOrderItem;
      purchasable: boolean;
      /** null when the buyer has no price for it. */
      price: BuyerPrice | null;
      /** null when stock is not tracked. */
      availableToSell: number | null;
      inStock: boolean;
      minPurchaseQuantity: number | null;
      maxPurchaseQuantity: number | null;
    }
  /** The SKU is a product's parent SKU: one of its options must be chosen. */
  | { kind: 'needs-option'; productName: string; choices: string[] }
  | { kind: 'unknown'; suggestions: string[] };

export interface QuickOrderItem {
  productEntityId: number;
  variantEntityId: number;
  /** As the catalog spells it (the pad may have had it in another case). */
  sku: string;
  name: string;
  href: string;
}

export interface CheckedRow {
  lineNumber: number;
  text: string;
  sku: string;
  quantity: number | null;
  /** Empty when the row can be added. */
  problems: string[];
  /** SKUs to offer instead (unknown SKU, or the options of a parent SKU). */
  suggestions: string[];
  item: QuickOrderItem | null;
  /** The buyer's unit price at the quantity the cart line will have, and this row's total at that price. */
  unitPrice: Money | null;
  lineTotal: Money | null;
  /** Units available to sell; null when not tracked or unknown. */
  available: number | null;
  /** Units of this SKU already in the cart. */
  inCart: number;
}

/** A line already in the buyer's cart. */
export interface CartLineQuantity {
  productEntityId: number;
  variantEntityId: number;
  quantity: number;
}

export function checkRows(rows: readonly ParsedRow[], lookups: ReadonlyMap<string, SkuLookup>, cartLines: readonly CartLineQuantity[]): CheckedRow[] {
  const cartQuantities = new Map<number, number>();
  const variantTotals = new Map<number, number>();
  const productTotals = new Map<number, number>();
  const add = (totals: Map<number, number>, id: number, quantity: number) => totals.set(id, (totals.get(id) ?? 0) + quantity);
  for (const line of cartLines) {
    add(cartQuantities, line.variantEntityId, line.quantity);
    add(variantTotals, line.variantEntityId, line.quantity);
    add(productTotals, line.productEntityId, line.quantity);
  }
  for (const row of rows) {
    const found = lookups.get(row.sku);
    if (row.quantity === null || row.problem || found?.kind !== 'found') continue;
    add(variantTotals, found.item.variantEntityId, row.quantity);
    add(productTotals, found.item.productEntityId, row.quantity);
  }

  return rows.map((row) => {
    const base: CheckedRow = { ...row, problems: [], suggestions: [], item: null, unitPrice: null, lineTotal: null, available: null, inCart: 0 };
    if (row.problem) return { ...base, problems: [row.problem] };
    const lookup = lookups.get(row.sku);
    if (!lookup || lookup.kind === 'unknown') {
      const suggestions = lookup?.suggestions ?? [];
      return { ...base, problems: [`Unknown SKU "${row.sku}".${suggestions.length > 0 ? ' Did you mean one of these?' : ''}`], suggestions };
    }
    if (lookup.kind === 'needs-option') {
      return { ...base, problems: [`${lookup.productName} comes in several options: enter the SKU of one.`], suggestions: lookup.choices };
    }
    return judgeFound(base, row.quantity ?? 0, lookup, variantTotals.get(lookup.item.variantEntityId) ?? 0, productTotals.get(lookup.item.productEntityId) ?? 0, cartQuantities);
  });
}

function judgeFound(
  base: CheckedRow,
  quantity: number,
  lookup: Extract<SkuLookup, { kind: 'found' }>,
  lineTotal: number,
  productTotal: number,
  cartQuantities: ReadonlyMap<number, number>,
): CheckedRow {
  const inCart = cartQuantities.get(lookup.item.variantEntityId) ?? 0;
  const problems: string[] = [];
  const counted = inCart > 0 ? ` (with the ${inCart} already in your cart)` : '';
  if (!lookup.purchasable) problems.push('This item cannot be ordered online.');
  else if (!lookup.price) problems.push('There is no price for your account on this item: ask your sales rep.');
  const { minPurchaseQuantity: min, maxPurchaseQuantity: max, availableToSell: available } = lookup;
  if (min !== null && min > 1 && productTotal < min) problems.push(`Minimum order is ${min}${counted}.`);
  if (max !== null && max > 0 && productTotal > max) problems.push(`Maximum order is ${max}${counted}.`);
  if (available !== null && available <= 0) problems.push('Out of stock.');
  else if (available !== null && lineTotal > available) problems.push(`Only ${available} available${counted}.`);
  else if (available === null && !lookup.inStock) problems.push('Out of stock.');

  const unitPrice = lookup.price ? unitPriceAtQuantity(lookup.price, lineTotal) : null;
  return {
    ...base,
    item: lookup.item,
    problems,
    unitPrice,
    lineTotal: unitPrice ? multiplyMoney(unitPrice, quantity) : null,
    available,
    inCart,
  };
}
