import type { ReorderLine } from '@/lib/account/reorder-plan';

/** What the reorder panel shows after "Order again". */
export interface ReorderState {
  message: string | null;
  tone: 'success' | 'error';
  lines: ReorderLine[];
  /** Lines that went into the cart (0 when nothing did). */
  added: number;
}

export const NO_REORDER: ReorderState = { message: null, tone: 'success', lines: [], added: 0 };
