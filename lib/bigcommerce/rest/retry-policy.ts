import { readRateLimitHeaders } from './rate-limit-headers';
import { serviceDegradedBodySchema } from './schemas/price-list-errors';

/**
 * Pure decisions about waiting and retrying; the client does the sleeping. All delays are > 0:
 * a missing or NaN header must never turn into an immediate retry (see rate-limit-headers.ts).
 */
export interface RetryPolicyOptions {
  random: () => number;
  /** First backoff step for 5xx / network / timeout retries. */
  baseDelayMs?: number;
  /** First backoff step for 429s that carry no usable reset header. */
  rateLimitBaseDelayMs?: number;
  maxDelayMs?: number;
}

export const RETRY_DEFAULTS = {
  baseDelayMs: 500,
  rateLimitBaseDelayMs: 1_000,
  maxDelayMs: 30_000,
  /** Floor for full-jitter delays so a random() near 0 is not a hot loop. */
  minDelayMs: 100,
  /** Added to server-provided waits so a fleet of clients doesn't return on the same ms. */
  resetJitterMinMs: 50,
  resetJitterSpanMs: 250,
} as const;

export type RateLimitReason = 'quota' | 'concurrency' | 'overload';

export interface RateLimitDecision {
  waitMs: number;
  reason: RateLimitReason;
}

/**
 * Non-idempotent methods are retried only when the response proves the request was not processed
 * (429, 503). A timeout or a connection reset after the bytes left us is ambiguous: BigCommerce may
 * have created the order / applied the relative inventory adjustment, and retrying would do it twice.
 * PUT/DELETE in BigCommerce are upserts/absolute sets/deletes, so repeating them is harmless.
 */
export function isIdempotentMethod(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD' || m === 'OPTIONS' || m === 'PUT' || m === 'DELETE';
}

/** 501/505 are permanent ("not implemented"); other 5xx are worth another try. */
export function isRetryableServerStatus(status: number): boolean {
  return status >= 500 && status !== 501 && status !== 505;
}

export function createRetryPolicy(options: RetryPolicyOptions) {
  const base = options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
  const rateBase = options.rateLimitBaseDelayMs ?? RETRY_DEFAULTS.rateLimitBaseDelayMs;
  const cap = options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
  const random = (): number => Math.min(Math.max(options.random(), 0), 1);

  const serverWait = (ms: number): number =>
    ms + RETRY_DEFAULTS.resetJitterMinMs + random() * RETRY_DEFAULTS.resetJitterSpanMs;

  /** Full jitter ("AWS backoff") with a floor: uniform in [min, min(cap, base·2^n)]. */
  const backoffMs = (retryIndex: number): number => {
    const ceiling = Math.min(cap, base * 2 ** retryIndex);
    return Math.max(RETRY_DEFAULTS.minDelayMs, random() * ceiling);
  };

  return {
    backoffMs,

    /**
     * How long to wait after a 429:
     * - headers say requests are left → an endpoint concurrency cap, not the quota: exponential
     *   backoff (waiting for a quota reset up to 30 s away would be needlessly slow);
     * - reset header present → the quota is spent: wait for the reset plus jitter;
     * - Retry-After only → honour it;
     * - no headers (platform overload) → exponential backoff with equal jitter, never below half
     *   the step, so it can't degrade into a hot loop.
     */
    rateLimitDelay(headers: Headers, rateLimitedCount: number): RateLimitDecision {
      const h = readRateLimitHeaders(headers);
      const step = Math.min(cap, rateBase * 2 ** rateLimitedCount);
      const exponential = step / 2 + random() * (step / 2);
      if (h.requestsLeft !== undefined && h.requestsLeft > 0) {
        return { waitMs: exponential, reason: 'concurrency' };
      }
      if (h.timeResetMs !== undefined) return { waitMs: serverWait(h.timeResetMs), reason: 'quota' };
      if (h.retryAfterMs !== undefined) return { waitMs: serverWait(h.retryAfterMs), reason: 'quota' };
      return { waitMs: exponential, reason: 'overload' };
    },

    /** 5xx wait: Price Lists' `SERVICE_DEGRADED.retry_after_seconds`, then Retry-After, then backoff. */
    serverErrorDelay(headers: Headers, body: unknown, retryIndex: number): number {
      const degraded = serviceDegradedBodySchema.safeParse(body);
      const seconds = degraded.success ? degraded.data.error.retry_after_seconds : undefined;
      if (seconds !== undefined && Number.isFinite(seconds) && seconds >= 0) {
        return serverWait(Math.min(seconds * 1000, cap * 4));
      }
      const h = readRateLimitHeaders(headers);
      if (h.retryAfterMs !== undefined) return serverWait(Math.min(h.retryAfterMs, cap * 4));
      return backoffMs(retryIndex);
    },
  };
}

export type RetryPolicy = ReturnType<typeof createRetryPolicy>;
