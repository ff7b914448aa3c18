import 'server-only';
import { checkQuickOrder } from '@/lib/quick-order/check-quick-order';
import { padText } from './pad-text';
import type { QuickOrderState } from './quick-order-state';

type QuickOrderCheck = NonNullable<Awaited<ReturnType<typeof checkQuickOrder>>>;

/**
 * What both pad actions start with: the pad's text (typed and uploaded), every row judged afresh for the signed-in
 * buyer, and the answers for a refused upload, a signed-out visitor and an upstream failure (`failureMessage`).
 */
export async function withCheckedPad(
  formData: FormData,
  failureMessage: string,
  work: (text: string, check: QuickOrderCheck, answeredAt: number) => Promise<QuickOrderState>,
): Promise<QuickOrderState> {
  const input = await padText(formData);
  const answeredAt = Date.now();
  if ('error' in input)
    return {
      text: String(formData.get('lines') ?? ''),
      rows: [],
      message: input.error,
      tone: 'error',
      addable: 0,
      answeredAt,
    };
  try {
    const check = await checkQuickOrder(input.text);
    if (!check)
      return {
        text: input.text,
        rows: [],
        message: 'Sign in to use the quick order pad.',
        tone: 'error',
        addable: 0,
        answeredAt,
      };
    return await work(input.text, check, answeredAt);
  } catch (error) {
    console.error('[quick-order] failed:', error);
    return { text: input.text, rows: [], message: failureMessage, tone: 'error', addable: 0, answeredAt };
  }
}
