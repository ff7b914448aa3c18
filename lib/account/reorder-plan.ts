import { formatMoney, type Money } from '@/lib/money/money';
import type { CheckedRow } from '@/lib/quick-order/check-rows';
import type { ParsedRow } from '@/lib/quick-order/parse-lines';
import type { OrderLine } from './order-detail';

/**
 * Reorder, decided: an earlier order's lines are judged exactly as quick-order rows are (lib/quick-order/check-rows:
 * still sold, priced for this buyer, quantity rules, stock, counting what the cart already holds), then each line
 * says whether it goes into the cart and how today's unit price compares with what the order paid. Pure.
 */
export interface ReorderLine {
  sku: string;
  name: string;
  quantity: number;
  /** Whether this line is among those added to the cart. */
  addable: boolean;
  /** Why it is not added (no longer sold, no price, out of or short of stock, quantity rules). */
  problems: string[];
  priceThen: string;
  /** Today's unit price for this buyer at the cart line's quantity; null when there is none. */
  priceNow: string | null;
  /** 'changed': today's price is in another currency, so it cannot be compared. */
  priceChange: 'same' | 'up' | 'down' | 'changed' | null;
}

export interface ReorderPlan {
  lines: ReorderLine[];
  /** What to add to the cart, in one change. */
  toAdd: { productEntityId: number; variantEntityId: number; quantity: number }[];
}

/** The order's lines as quick-order rows, so the quick order's checks apply unchanged. */
export function reorderRows(lines: readonly OrderLine[]): ParsedRow[] {
  return lines.map((line, index) => ({
    lineNumber: index + 1,
    text: `${line.sku} ${line.quantity}`,
    sku: line.sku,
    quantity: line.quantity,
    problem: line.sku.trim() === '' ? 'This line has no SKU, so it cannot be ordered again here.' : null,
  }));
}

/** `checked` is `checkRows(reorderRows(lines), …)`: one checked row per order line, in order. */
export function planReorder(lines: readonly OrderLine[], checked: readonly CheckedRow[]): ReorderPlan {
  const plan: ReorderPlan = { lines: [], toAdd: [] };
  lines.forEach((line, index) => {
    const row = checked[index];
    const addable = row !== undefined && row.problems.length === 0 && row.item !== null && row.quantity !== null;
    if (addable && row.item) plan.toAdd.push({ productEntityId: row.item.productEntityId, variantEntityId: row.item.variantEntityId, quantity: line.quantity });
    const now = row?.unitPrice ?? null;
    plan.lines.push({
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      addable,
      problems: addable ? [] : (row?.problems ?? ['This item could not be checked.']),
      priceThen: formatMoney(line.unitPrice),
      priceNow: now ? formatMoney(now) : null,
      priceChange: now === null ? null : compare(line.unitPrice, now),
    });
  });
  return plan;
}

function compare(then: Money, now: Money): ReorderLine['priceChange'] {
  if (now.currency !== then.currency) return 'changed';
  if (now.minor === then.minor) return 'same';
  return now.minor > then.minor ? 'up' : 'down';
}
