'use server';

import { refresh } from 'next/cache';
import { addLinesToCart } from '@/lib/cart/cart-commands';
import { rowDisplay, TRUNCATED_MESSAGE } from '@/lib/quick-order/quick-order-display';
import { withCheckedPad } from './checked-pad';
import type { QuickOrderState } from './quick-order-state';

/**
 * Adds the rows that pass, in one cart change, and leaves the others in the pad for fixing. The rows are judged
 * again here from the submitted text, so nothing the browser claims about a row is trusted.
 */
export async function addQuickOrderLines(_previous: QuickOrderState, formData: FormData): Promise<QuickOrderState> {
  return withCheckedPad(
    formData,
    'Your cart could not be updated just now. Please try again.',
    async (text, check, answeredAt) => {
      const good = check.rows.filter((row) => row.problems.length === 0 && row.item && row.quantity !== null);
      const bad = check.rows.filter((row) => !good.includes(row));
      if (good.length === 0) {
        return {
          text,
          rows: check.rows.map(rowDisplay),
          message: 'Nothing to add yet: fix the lines marked below.',
          tone: 'error',
          addable: 0,
          answeredAt,
        };
      }
      const result = await addLinesToCart(
        good.map((row) => ({
          productEntityId: row.item?.productEntityId ?? 0,
          variantEntityId: row.item?.variantEntityId ?? 0,
          quantity: row.quantity ?? 0,
        })),
      );
      if (!result.ok) {
        const rows = check.rows.map(rowDisplay);
        return { text, rows, message: result.message, tone: 'error', addable: good.length, answeredAt };
      }
      refresh();
      // The pad keeps only the lines to fix, numbered as they now stand in it.
      const remaining = bad.map((row, index) => ({ ...rowDisplay(row), lineNumber: index + 1 }));
      const added = `Added ${good.length} ${good.length === 1 ? 'line' : 'lines'} to your cart.`;
      const rest = bad.length > 0 ? ` ${bad.length === 1 ? 'One line needs' : `${bad.length} lines need`} fixing.` : '';
      return {
        text: [...bad.map((row) => row.text), check.unread].filter(Boolean).join('\n'),
        rows: remaining,
        message: `${added}${rest}${check.unread !== '' ? ` ${TRUNCATED_MESSAGE}` : ''}`,
        tone: 'success',
        addable: 0,
        answeredAt,
      };
    },
  );
}
