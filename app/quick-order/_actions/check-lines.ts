'use server';

import { checkQuickOrder } from '@/lib/quick-order/check-quick-order';
import { rowDisplay, TRUNCATED_MESSAGE } from '@/lib/quick-order/quick-order-display';
import { padText } from './pad-text';
import type { QuickOrderState } from './quick-order-state';

/** Checks every pasted or uploaded line for the signed-in buyer: price, stock and rules per row, nothing added. */
export async function checkLines(_previous: QuickOrderState, formData: FormData): Promise<QuickOrderState> {
  const input = await padText(formData);
  const answeredAt = Date.now();
  if ('error' in input) return { text: String(formData.get('lines') ?? ''), rows: [], message: input.error, tone: 'error', addable: 0, answeredAt };
  try {
    const check = await checkQuickOrder(input.text);
    if (!check) return { text: input.text, rows: [], message: 'Sign in to use the quick order pad.', tone: 'error', addable: 0, answeredAt };
    const rows = check.rows.map(rowDisplay);
    const addable = rows.filter((row) => row.ok).length;
    const summary = rows.length === 0 ? 'Type or paste SKUs and quantities first.' : `${addable} of ${rows.length} lines can be added.`;
    return { text: input.text, rows, message: check.unread !== '' ? `${summary} ${TRUNCATED_MESSAGE}` : summary, tone: 'info', addable, answeredAt };
  } catch (error) {
    console.error('[quick-order] check failed:', error);
    return { text: input.text, rows: [], message: 'The catalog could not be checked just now. Please try again.', tone: 'error', addable: 0, answeredAt };
  }
}
