import type { ZodType } from 'zod';
import type { Sleep } from './clock';
import type { BigCommerceRestEventHandler } from './events';
import type { QueryParams } from './url';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface BigCommerceRestClientOptions {
  /** `https://api.bigcommerce.com` or a local sandbox URL; `/stores/{hash}` is appended. */
  apiUrl: string;
  storeHash: string;
  accessToken: string;
  /** Per attempt, covering headers and body. Default 30 000. */
  timeoutMs?: number;
  /** Retries after 5xx / network / timeout (so up to maxRetries + 1 attempts). Default 4. */
  maxRetries?: number;
  /** 429s are pauses, not failures; they have their own, generous cap. Default 20. */
  maxRateLimitRetries?: number;
  /** Share of the quota kept in reserve for other apps on the store. Default 0.1 (min 1 request). */
  reserveFraction?: number;
  /** Backoff tuning; defaults in RETRY_DEFAULTS. */
  retry?: { baseDelayMs?: number; rateLimitBaseDelayMs?: number; maxDelayMs?: number };
  sleep?: Sleep;
  now?: () => number;
  /** Returns [0, 1). Injected for deterministic jitter in tests. */
  random?: () => number;
  onEvent?: BigCommerceRestEventHandler;
}

/** Per-call options shared by every method. */
export interface CallOptions {
  query?: QueryParams;
  signal?: AbortSignal;
  /** Override the per-attempt timeout for this call. */
  timeoutMs?: number;
  /**
   * Whether repeating the call after an ambiguous failure (timeout, connection reset, 5xx other
   * than 503) is harmless. Defaults from the method: true for GET/PUT/DELETE, false for POST/PATCH.
   * Set true only for a POST you know is safe to repeat.
   */
  idempotent?: boolean;
}

export interface RequestOptions extends CallOptions {
  method: HttpMethod;
  /** Relative to `/stores/{hash}`, e.g. `/v3/catalog/products` or `/v2/orders`. */
  path: string;
  /** JSON-serialised; `Content-Type: application/json` is sent only when present. */
  body?: unknown;
}

export interface SchemaOption<T> {
  /** Validates the parsed response body; a mismatch throws a 'validation' BigCommerceApiError. */
  schema: ZodType<T>;
}
