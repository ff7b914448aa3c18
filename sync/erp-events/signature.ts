import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * ERP change events are POSTed to `/api/erp/events` by a script on the ERP side (for NetSuite, a User Event
 * script deployed on items, customers, inventory and sales orders; see sync/README.md). Unlike BigCommerce's
 * webhooks, both ends are ours, so they carry a real signature rather than a static secret header:
 *
 *   x-erp-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The timestamp is signed with the body, so a captured request cannot be replayed after the tolerance, and within
 * it a replay is the same event (same `seq` and `at`), which the trigger store records once.
 */
export const ERP_SIGNATURE_HEADER = 'x-erp-signature';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signErpEvent(secret: string, rawBody: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; problem: string };

export function verifyErpSignature(header: string | null, rawBody: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): SignatureCheck {
  if (!header) return { ok: false, problem: `missing ${ERP_SIGNATURE_HEADER} header` };
  const parts = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isSafeInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) {
    return { ok: false, problem: `${ERP_SIGNATURE_HEADER} must look like "t=<unix seconds>,v1=<64 hex>"` };
  }
  if (Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, problem: `signature timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s away from now (check the sender's clock)` };
  }
  const expected = signErpEvent(secret, rawBody, t).slice(`t=${t},v1=`.length);
  if (!timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'))) return { ok: false, problem: 'signature does not match the body' };
  return { ok: true };
}
