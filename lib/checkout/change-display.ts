import { formatMoney } from '@/lib/money/money';
import type { QuoteChange } from './checkout-quote';

/** A changed line as text: "3 × $17.25" before and after, or "not in the cart". */
export function changeDisplay(change: QuoteChange): { sku: string; name: string; before: string; after: string } {
  const side = (s: QuoteChange['before']) => (s ? `${s.quantity} × ${formatMoney(s.unitPrice)}` : 'not in the cart');
  return { sku: change.sku, name: change.name, before: side(change.before), after: side(change.after) };
}
