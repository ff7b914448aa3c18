import type { Sleep } from './clock';
import { readRateLimitHeaders } from './rate-limit-headers';

/**
 * The store's request budget as last reported by BigCommerce, shared by every request made through
 * one client instance, so that parallel callers slow down together BEFORE the quota runs out
 * (the quota is per store and shared with every other app, so a fixed client-side rate is not
 * enough; we follow the headers, like the official Python client's `rate_limiting_management`).
 *
 * Rules:
 * - Metered window known and not expired: send only while `left - inFlight > reserve`. Requests in
 *   flight have not been reported yet, so they are subtracted; otherwise 20 parallel callers would
 *   all see the same `left` and sail past the reserve together.
 * - Otherwise wait until the window resets (or until a response changes the picture).
 * - No fresh information (first request, or the window has passed): let ONE probe request through
 *   and hold the rest until its headers arrive. Costs one round trip per 30 s window and avoids
 *   guessing the new `left` (other apps may already have spent it).
 * - A normal response without any rate-limit headers (unlimited plan, local sandbox) switches the
 *   budget to "unmetered": no client-side throttling; 429 handling still applies.
 */
export type BudgetMode = 'unknown' | 'metered' | 'unmetered';

export interface RateLimitSnapshot {
  mode: BudgetMode;
  requestsLeft: number | undefined;
  requestsQuota: number | undefined;
  reserve: number | undefined;
  /** Epoch ms (per the injected `now`) when the window is expected to reset. */
  resetAt: number | undefined;
  inFlight: number;
}

export interface PauseInfo {
  waitMs: number;
  requestsLeft: number;
  requestsQuota: number | undefined;
  reserve: number;
  inFlight: number;
}

/** Held for the life of one HTTP attempt. Exactly one of settle/release takes effect. */
export interface BudgetTicket {
  /** Response headers arrived: the server has counted this request; learn from its headers. */
  settle(headers: Headers, status: number): void;
  /** No response (network error, timeout, abort). */
  release(): void;
}

interface Window {
  left: number;
  quota: number | undefined;
  resetAt: number;
  windowMs: number;
}

export interface RateLimitBudgetOptions {
  now: () => number;
  sleep: Sleep;
  /** Share of the quota kept as reserve (for other apps, and for our own retries). */
  reserveFraction: number;
}

const DEFAULT_WINDOW_MS = 30_000;

export class RateLimitBudget {
  private window: Window | undefined;
  private metered: boolean | undefined;
  private inFlight = 0;
  private probeInFlight = false;
  private waiters = new Set<() => void>();

  constructor(private readonly options: RateLimitBudgetOptions) {}

  snapshot(): RateLimitSnapshot {
    const w = this.window;
    const expired = w === undefined || this.options.now() >= w.resetAt;
    return {
      mode: this.metered === false ? 'unmetered' : expired ? 'unknown' : 'metered',
      requestsLeft: w?.left,
      requestsQuota: w?.quota,
      reserve: w === undefined ? undefined : this.reserveFor(w),
      resetAt: w?.resetAt,
      inFlight: this.inFlight,
    };
  }

  async acquire(signal?: AbortSignal, onPause?: (info: PauseInfo) => void): Promise<BudgetTicket> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      if (this.metered === false) return this.issue(false);

      const w = this.window;
      const now = this.options.now();
      if (w === undefined || now >= w.resetAt) {
        if (!this.probeInFlight) return this.issue(true);
        await this.waitForChange(undefined, signal);
        continue;
      }

      const reserve = this.reserveFor(w);
      if (w.left - this.inFlight > reserve) return this.issue(false);

      const waitMs = w.resetAt - now;
      onPause?.({
        waitMs,
        requestsLeft: w.left,
        requestsQuota: w.quota,
        reserve,
        inFlight: this.inFlight,
      });
      // Wake at the reset, or earlier if a response in flight reports a new window.
      await this.waitForChange(waitMs, signal);
    }
  }

  private reserveFor(w: Window): number {
    const quota = w.quota ?? 0;
    return Math.max(1, Math.round(quota * this.options.reserveFraction));
  }

  private issue(probe: boolean): BudgetTicket {
    this.inFlight += 1;
    if (probe) this.probeInFlight = true;
    let done = false;
    const finish = (): void => {
      done = true;
      this.inFlight -= 1;
      if (probe) this.probeInFlight = false;
    };
    return {
      settle: (headers, status) => {
        if (done) return;
        finish();
        this.observe(headers, status);
        this.notify();
      },
      release: () => {
        if (done) return;
        finish();
        this.notify();
      },
    };
  }

  private observe(headers: Headers, status: number): void {
    const h = readRateLimitHeaders(headers);
    if (h.requestsLeft === undefined || h.timeResetMs === undefined) {
      // Only a successful response is evidence that the store is unmetered: gateway 5xx, overload
      // 429s and auth failures (rejected before metering) come without the headers on metered stores.
      if (this.metered === undefined && status >= 200 && status < 300) this.metered = false;
      return;
    }
    this.metered = true;
    const windowMs = h.timeWindowMs ?? this.window?.windowMs ?? DEFAULT_WINDOW_MS;
    const resetAt = this.options.now() + h.timeResetMs;
    const next: Window = { left: h.requestsLeft, quota: h.requestsQuota, resetAt, windowMs };
    const current = this.window;
    if (current === undefined) {
      this.window = next;
      return;
    }
    // Responses arrive out of order. Observations of the same window have nearly equal reset
    // times; within a window `left` only goes down, so keep the minimum. A much later reset is a
    // new window; a much earlier one is a straggler from an old window and is ignored.
    const tolerance = Math.max(1_000, windowMs / 4);
    if (resetAt < current.resetAt - tolerance) return;
    if (resetAt > current.resetAt + tolerance) {
      this.window = next;
      return;
    }
    this.window = {
      left: Math.min(current.left, next.left),
      quota: next.quota ?? current.quota,
      resetAt: Math.max(current.resetAt, resetAt),
      windowMs,
    };
  }

  /** Resolves on the next settle/release, after `timeoutMs` if given, or rejects on abort. */
  private async waitForChange(timeoutMs: number | undefined, signal?: AbortSignal): Promise<void> {
    const stop = new AbortController();
    const combined = signal === undefined ? stop.signal : AbortSignal.any([signal, stop.signal]);
    const changed = new Promise<void>((resolve) => {
      const wake = (): void => resolve();
      this.waiters.add(wake);
      combined.addEventListener('abort', () => {
        this.waiters.delete(wake);
        resolve();
      });
    });
    const waits: Promise<void>[] = [changed];
    if (timeoutMs !== undefined) {
      waits.push(this.options.sleep(timeoutMs, combined).catch(() => undefined));
    }
    try {
      await Promise.race(waits);
    } finally {
      stop.abort();
    }
    if (signal?.aborted) throw signal.reason;
  }

  private notify(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }
}
