/**
 * The store-wide REST quota: a fixed window (30 s by default) shared by every caller, reported on every
 * response with BigCommerce's four X-Rate-Limit headers. When the window's quota is spent the request is
 * refused with 429 and the same headers, plus X-Retry-After in seconds.
 */
export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class StoreRateLimiter {
  private windowStart = 0;
  private used = 0;

  constructor(
    private readonly settings: () => { enabled: boolean; quota: number; windowMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  take(): RateLimitDecision {
    const { enabled, quota, windowMs } = this.settings();
    const now = this.now();
    if (now - this.windowStart >= windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const resetMs = Math.max(0, this.windowStart + windowMs - now);
    if (!enabled) {
      // Unlimited-rate plan: BigCommerce still sends the headers, with a quota that never runs out.
      return { allowed: true, headers: headers(windowMs, resetMs, quota, quota) };
    }
    const allowed = this.used < quota;
    if (allowed) this.used += 1;
    const left = Math.max(0, quota - this.used);
    const result = headers(windowMs, resetMs, quota, left);
    if (!allowed) result['x-retry-after'] = String(Math.ceil(resetMs / 1000));
    return { allowed, headers: result };
  }

  /** Spend the rest of the window (a "429 storm" fault and tests use it). */
  exhaust(): void {
    this.take();
    this.used = Number.MAX_SAFE_INTEGER;
  }

  reset(): void {
    this.windowStart = 0;
    this.used = 0;
  }
}

function headers(windowMs: number, resetMs: number, quota: number, left: number): Record<string, string> {
  return {
    'x-rate-limit-time-window-ms': String(windowMs),
    'x-rate-limit-time-reset-ms': String(resetMs),
    'x-rate-limit-requests-quota': String(quota),
    'x-rate-limit-requests-left': String(left),
  };
}
