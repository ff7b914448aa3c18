import type { RateLimitReason } from './retry-policy';

/**
 * Hook for logs and metrics (e.g. `bc_requests_total{op,status}`, `bc_rate_limited_total{kind}`).
 * Never contains the access token. A throwing handler is ignored: observability must not break calls.
 */
export type BigCommerceRestEvent =
  | {
      type: 'response';
      method: string;
      path: string;
      status: number;
      attempt: number;
      durationMs: number;
    }
  | {
      /** Proactive slowdown: the budget is at the reserve, waiting for the window to reset. */
      type: 'rate_limit_pause';
      method: string;
      path: string;
      waitMs: number;
      requestsLeft: number;
      requestsQuota: number | undefined;
      reserve: number;
      inFlight: number;
    }
  | {
      type: 'rate_limited';
      method: string;
      path: string;
      /** 1-based count of 429s for this call. */
      count: number;
      waitMs: number;
      reason: RateLimitReason;
    }
  | {
      type: 'retry';
      method: string;
      path: string;
      /** 1-based index of the retry about to happen. */
      retry: number;
      waitMs: number;
      cause: 'status' | 'timeout' | 'network';
      status: number | undefined;
    };

export type BigCommerceRestEventHandler = (event: BigCommerceRestEvent) => void;
