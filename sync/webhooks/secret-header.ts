import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The header our hooks are registered with (`headers` on `POST /v3/hooks`) and the receiver checks. BigCommerce
 * has no signature; it sends a hook's custom headers verbatim on every callback (FACTS §6), so the shared secret
 * rides in one. A custom `x-` name rather than `Authorization`: proxies, hosting platforms' own auth and log
 * scrubbers treat `Authorization` specially (strip, consume or demand a scheme), and it cannot collide with
 * BigCommerce's own `X-Bc-*` headers.
 */
export const WEBHOOK_SECRET_HEADER = 'x-webhook-secret';

/**
 * Constant-time comparison. Both sides are SHA-256 digested first so `timingSafeEqual` always gets two 32-byte
 * buffers: no early exit on a length mismatch, and the secret's length does not leak either.
 */
export function secretMatches(provided: string | null | undefined, expected: string): boolean {
  if (provided === null || provided === undefined || provided === '' || expected === '') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(provided), digest(expected));
}
