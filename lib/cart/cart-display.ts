import { formatMoney } from '@/lib/money/money';
import type { BuyerCart, LineStock } from './cart-model';

/**
 * What the cart components receive: formatted text and plain numbers only, so they hold no money logic and the
 * shapes cross to client components as they are.
 */
export interface CartDisplay {
  lineCount: number;
  totalQuantity: number;
  subtotal: string;
  lines: CartLineDisplay[];
  /** Lines that cannot be ordered as they stand (stock short, out of stock, no longer sold). */
  problemCount: number;
}

export interface CartLineDisplay {
  lineItemEntityId: string;
  name: string;
  sku: string;
  href: string;
  image: { url: string; alt: string } | null;
  quantity: number;
  unitPrice: string;
  lineTotal: string;
  stock: { label: string; tone: 'ok' | 'warning' | 'problem' };
}

export function cartDisplay(cart: BuyerCart): CartDisplay {
  const lines = cart.lines.map(
    (line): CartLineDisplay => ({
      lineItemEntityId: line.lineItemEntityId,
      name: line.name,
      sku: line.sku,
      href: line.href,
      image: line.image,
      quantity: line.quantity,
      unitPrice: formatMoney(line.unitPrice),
      lineTotal: formatMoney(line.lineTotal),
      stock: stockLabel(line.stock),
    }),
  );
  return {
    lineCount: lines.length,
    totalQuantity: cart.totalQuantity,
    subtotal: formatMoney(cart.subtotal),
    lines,
    problemCount: lines.filter((line) => line.stock.tone === 'problem').length,
  };
}

function stockLabel(stock: LineStock): CartLineDisplay['stock'] {
  switch (stock.kind) {
    case 'untracked':
      return { label: 'In stock', tone: 'ok' };
    case 'in-stock':
      return { label: `In stock (${stock.available} available)`, tone: 'ok' };
    case 'short':
      return { label: `Only ${stock.available} available: lower the quantity`, tone: 'problem' };
    case 'out-of-stock':
      return { label: 'Out of stock', tone: 'problem' };
    case 'unavailable':
      return { label: 'No longer available to order', tone: 'problem' };
    case 'unknown':
      return { label: 'Stock could not be checked just now', tone: 'warning' };
  }
}
