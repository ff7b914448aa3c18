/**
 * A sales order's status follows from its lines (§4.7.D status table, §4.8.6 "B → D/E → F"): nothing shipped is
 * Pending Fulfillment (B); partly shipped with shipped-but-unbilled quantity is Pending Billing/Partially Fulfilled
 * (E), partly shipped with everything shipped also billed is Partially Fulfilled (D); all shipped is Pending
 * Billing (F) until every line is billed, then Billed (G). Pending Approval, Cancelled and Closed are left alone.
 */
import type { Queryable } from './common';
import { readOrderLines, type OrderLine } from './order-lines';

const MANUAL = new Set(['A', 'C', 'H']);

export function statusFromLines(lines: readonly OrderLine[]): string {
  if (lines.length > 0 && lines.every((l) => l.billed >= l.quantity)) return 'G';
  if (!lines.some((l) => l.fulfilled > 0)) return 'B';
  if (lines.every((l) => l.fulfilled >= l.quantity)) return 'F';
  return lines.some((l) => l.fulfilled > l.billed) ? 'E' : 'D';
}

/** Recomputes and stores the status (and stamps the order modified); returns it. */
export async function refreshOrderStatus(db: Queryable, orderId: number): Promise<string> {
  const r = await db.query<{ status: string }>(`SELECT status FROM transaction WHERE id = $1 AND type = 'SalesOrd'`, [orderId]);
  const current = r.rows[0]?.status;
  if (current === undefined) throw new Error(`sales order ${orderId} vanished`);
  const status = MANUAL.has(current) ? current : statusFromLines(await readOrderLines(db, orderId));
  await db.query('UPDATE transaction SET status = $1, lastmodifieddate = now() WHERE id = $2', [status, orderId]);
  return status;
}
