import type { QuickOrderRowDisplay } from '@/lib/quick-order/quick-order-display';

/** What the quick-order pad shows after a check or an add. */
export interface QuickOrderState {
  /** The pad's text: what was checked, or after adding, only the lines still to fix. */
  text: string;
  rows: QuickOrderRowDisplay[];
  message: string | null;
  tone: 'info' | 'success' | 'error';
  /** Rows that can be added as they stand. */
  addable: number;
  /** When the server answered (ms), so the pad shows the newer of its two actions' answers. */
  answeredAt: number;
}

export const EMPTY_QUICK_ORDER: QuickOrderState = { text: '', rows: [], message: null, tone: 'info', addable: 0, answeredAt: 0 };
