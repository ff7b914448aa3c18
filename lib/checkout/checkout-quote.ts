import { createHash } from 'node:crypto';
import type { BuyerCart } from '@/lib/cart/cart-model';
import { multiplyMoney, type Money } from '@/lib/money/money';

/**
 * What an order would be if placed now: the buyer's cart as BigCommerce prices it at this moment (the store applies
 * the buyer's price list and volume breaks on every cart read), in integer money. The order is created at exactly
 * these unit prices, and its total is what the credit gate reserves. A fingerprint names the quote's content, so a
 * page can say "this is what the buyer saw" and the server can tell when that is no longer true.
 */
export interface QuoteLine {
  productId: number;
  variantId: number | null;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
}

export interface CheckoutQuote {
  cartId: string;
  currency: string;
  lines: QuoteLine[];
  /** Σ unit price × quantity: the order's total, since the order is created at these unit prices. */
  total: Money;
  fingerprint: string;
}

export function quoteFromCart(cart: BuyerCart): CheckoutQuote {
  const currency = cart.subtotal.currency;
  const lines = cart.lines.map(
    (line): QuoteLine => ({
      productId: line.productEntityId,
      variantId: line.variantEntityId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineTotal: multiplyMoney(line.unitPrice, line.quantity),
    }),
  );
  const total = { minor: lines.reduce((sum, line) => sum + line.lineTotal.minor, 0), currency };
  return { cartId: cart.entityId, currency, lines, total, fingerprint: fingerprintOf(currency, lines) };
}

/** Stable over line order; changes with any line's variant, quantity or unit price. */
export function fingerprintOf(currency: string, lines: readonly Pick<QuoteLine, 'productId' | 'variantId' | 'quantity' | 'unitPrice'>[]): string {
  const parts = lines.map((l) => `${l.productId}:${l.variantId ?? 0}:${l.quantity}:${l.unitPrice.minor}`).sort();
  return createHash('sha256').update(`${currency}|${parts.join(',')}`).digest('base64url').slice(0, 22);
}

/** A line whose price or quantity differs from what the buyer saw earlier (or that appeared or went away). */
export interface QuoteChange {
  sku: string;
  name: string;
  before: { quantity: number; unitPrice: Money } | null;
  after: { quantity: number; unitPrice: Money } | null;
}

export function quoteChanges(before: readonly QuoteLine[], after: readonly QuoteLine[]): QuoteChange[] {
  const key = (l: QuoteLine) => `${l.productId}:${l.variantId ?? 0}`;
  const earlier = new Map(before.map((l) => [key(l), l]));
  const changes: QuoteChange[] = [];
  for (const line of after) {
    const was = earlier.get(key(line));
    earlier.delete(key(line));
    if (was && was.quantity === line.quantity && was.unitPrice.minor === line.unitPrice.minor && was.unitPrice.currency === line.unitPrice.currency) continue;
    changes.push({ sku: line.sku, name: line.name, before: was ? { quantity: was.quantity, unitPrice: was.unitPrice } : null, after: { quantity: line.quantity, unitPrice: line.unitPrice } });
  }
  for (const gone of earlier.values()) changes.push({ sku: gone.sku, name: gone.name, before: { quantity: gone.quantity, unitPrice: gone.unitPrice }, after: null });
  return changes;
}
