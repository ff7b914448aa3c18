'use server';

import { rowDisplay, TRUNCATED_MESSAGE } from '@/lib/quick-order/quick-order-display';
import { withCheckedPad } from './checked-pad';
import type { QuickOrderState } from './quick-order-state';

/** Checks every pasted or uploaded line for the signed-in buyer: price, stock and rules per row, nothing added. */
export async function checkLines(_previous: QuickOrderState, formData: FormData): Promise<QuickOrderState> {
  return withCheckedPad(
    formData,
    'The catalog could not be checked just now. Please try again.',
    async (text, check, answeredAt) => {
      const rows = check.rows.map(rowDisplay);
      const addable = rows.filter((row) => row.ok).length;
      const summary =
        rows.length === 0
          ? 'Type or paste SKUs and quantities first.'
          : `${addable} of ${rows.length} lines can be added.`;
      return {
        text,
        rows,
        message: check.unread !== '' ? `${summary} ${TRUNCATED_MESSAGE}` : summary,
        tone: 'info',
        addable,
        answeredAt,
      };
    },
  );
}
