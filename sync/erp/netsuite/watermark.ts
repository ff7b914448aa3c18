/**
 * NetSuite watermarks are the ERP server's own clock (`ns:YYYY-MM-DD HH:MM:SS`), read before a read starts. When
 * used as `since` they are moved back by an overlap, because a record saved during a slow transaction can carry a
 * modification time a little earlier than its commit [I]; re-reading a few rows is harmless, missing one is not.
 */
import type { Watermark } from '../erp';
import { ErpError } from '../errors';

const FORMAT = /^ns:(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export function toWatermark(serverNow: string): Watermark {
  const value = `ns:${serverNow}`;
  if (!FORMAT.test(value)) throw new ErpError('upstream', `NetSuite returned an unexpected server time "${serverNow}".`);
  return value as Watermark;
}

/** The SuiteQL timestamp literal for `since`, minus the overlap; null for a bulk read. */
export function sinceTimestamp(watermark: Watermark | undefined, overlapSeconds: number): string | null {
  if (watermark === undefined) return null;
  const match = FORMAT.exec(watermark);
  if (!match) throw new ErpError('validation', `"${watermark}" is not a NetSuite watermark (expected ns:YYYY-MM-DD HH:MM:SS).`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  // Both sides use the server's wall clock; doing arithmetic in UTC just avoids any local-time shifts.
  const shifted = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, (s ?? 0) - overlapSeconds));
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}
