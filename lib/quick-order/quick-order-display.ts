import { formatMoney } from '@/lib/money/money';
import type { CheckedRow } from './check-rows';
import { MAX_ROWS } from './parse-lines';

/** A checked row as the quick-order components show it: text only. */
export interface QuickOrderRowDisplay {
  lineNumber: number;
  sku: string;
  quantity: string;
  ok: boolean;
  problems: string[];
  suggestions: string[];
  name: string | null;
  href: string | null;
  unitPrice: string | null;
  lineTotal: string | null;
  availability: string | null;
}

export function rowDisplay(row: CheckedRow): QuickOrderRowDisplay {
  return {
    lineNumber: row.lineNumber,
    sku: row.item?.sku ?? row.sku,
    quantity: row.quantity === null ? '' : String(row.quantity),
    ok: row.problems.length === 0,
    problems: row.problems,
    suggestions: row.suggestions,
    name: row.item?.name ?? null,
    href: row.item?.href ?? null,
    unitPrice: row.unitPrice ? formatMoney(row.unitPrice) : null,
    lineTotal: row.lineTotal ? formatMoney(row.lineTotal) : null,
    availability: availabilityLabel(row),
  };
}

function availabilityLabel(row: CheckedRow): string | null {
  if (!row.item) return null;
  const inCart = row.inCart > 0 ? `, ${row.inCart} in your cart` : '';
  if (row.available === null) return `In stock${inCart}`;
  return row.available > 0 ? `${row.available} available${inCart}` : 'Out of stock';
}

export const TRUNCATED_MESSAGE = `Only the first ${MAX_ROWS} lines were read. Add those, then paste the rest.`;
