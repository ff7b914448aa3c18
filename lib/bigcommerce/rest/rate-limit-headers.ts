/**
 * BigCommerce REST rate-limit headers (FACTS §4, STACK §3). Read through `Headers.get`, which is
 * case-insensitive: other BigCommerce clients looked up `res.headers['X-Rate-Limit-Time-Reset-Ms']`
 * on Node's lower-cased header object, got `undefined`, and retried 429s in a 0 ms hot loop.
 * Every value here is either a finite number or `undefined`, never NaN.
 */
export interface RateLimitHeaders {
  requestsLeft: number | undefined;
  requestsQuota: number | undefined;
  /** ms until the current window resets (NOT the window size, whatever the docs page says). */
  timeResetMs: number | undefined;
  timeWindowMs: number | undefined;
  /** `X-Retry-After` / `Retry-After`, converted to ms. Seconds on the wire. */
  retryAfterMs: number | undefined;
}

function readNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

export function readRateLimitHeaders(headers: Headers): RateLimitHeaders {
  const retryAfterSeconds = readNumber(headers, 'x-retry-after') ?? readNumber(headers, 'retry-after');
  return {
    requestsLeft: readNumber(headers, 'x-rate-limit-requests-left'),
    requestsQuota: readNumber(headers, 'x-rate-limit-requests-quota'),
    timeResetMs: readNumber(headers, 'x-rate-limit-time-reset-ms'),
    timeWindowMs: readNumber(headers, 'x-rate-limit-time-window-ms'),
    retryAfterMs: retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000,
  };
}
