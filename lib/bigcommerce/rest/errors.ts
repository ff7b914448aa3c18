import type { z } from 'zod';
import type { BigCommerceErrorBody } from './error-body';

/**
 * Why a call failed, in terms a caller can act on:
 * - auth: 401/403, fix credentials or OAuth scopes; never retried.
 * - rate_limited: 429s outlasted the client's patience (quota shared with other apps, or an
 *   endpoint concurrency cap such as the one-at-a-time price-list upsert).
 * - upstream: 5xx (after retries), unexpected redirects, unparseable success bodies.
 * - validation: the request was rejected (400/422 and other 4xx), or a response failed its zod
 *   schema (`issues` is set and `status` is the response's 2xx status).
 * - not_found / conflict: 404 / 409.
 * - timeout / network: no usable response.
 */
export type BigCommerceErrorKind =
  | 'auth'
  | 'rate_limited'
  | 'upstream'
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'timeout'
  | 'network';

export interface BigCommerceApiErrorInit {
  kind: BigCommerceErrorKind;
  message: string;
  /** HTTP status, or undefined when no response arrived (timeout, network). */
  status: number | undefined;
  method: string;
  /** Request path without query string, e.g. `/v3/pricelists/3/records`. */
  path: string;
  body: BigCommerceErrorBody;
  /** Total HTTP attempts made, including the failing one. */
  attempts: number;
  /** Set when a response failed its zod schema. */
  issues?: readonly z.core.$ZodIssue[];
  cause?: unknown;
}

export class BigCommerceApiError extends Error {
  override readonly name = 'BigCommerceApiError';
  readonly kind: BigCommerceErrorKind;
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
  readonly body: BigCommerceErrorBody;
  readonly attempts: number;
  readonly issues: readonly z.core.$ZodIssue[] | undefined;

  constructor(init: BigCommerceApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
    this.attempts = init.attempts;
    this.issues = init.issues;
  }

  /** Worth retrying later (e.g. re-queue the sync job) rather than parking it as poison. */
  get transient(): boolean {
    return (
      this.kind === 'rate_limited' ||
      this.kind === 'upstream' ||
      this.kind === 'timeout' ||
      this.kind === 'network'
    );
  }
}

export function isBigCommerceApiError(error: unknown): error is BigCommerceApiError {
  return error instanceof BigCommerceApiError;
}

/** Status → kind for a response that will not be retried (or whose retries ran out). */
export function kindForStatus(status: number): BigCommerceErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500 || status < 400) return 'upstream';
  return 'validation';
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? '';
}

/** What to do next, per kind, so the message says it (the body alone rarely does). */
export function hintForStatus(status: number): string | undefined {
  if (status === 401) {
    return 'check BIGCOMMERCE_ACCESS_TOKEN (missing, revoked or for another store) and BIGCOMMERCE_STORE_HASH';
  }
  if (status === 403) {
    return 'the API account lacks the OAuth scope for this endpoint (e.g. store_v2_products for price lists, store_inventory for inventory)';
  }
  if (status === 429) {
    return 'the store quota is shared with other apps and some endpoints cap concurrency (price-list upsert: 1 at a time); lower parallelism or retry later';
  }
  return undefined;
}

/**
 * The access token must never reach logs. Servers sometimes echo request headers in error bodies,
 * so both the message and the parsed body are scrubbed.
 */
export function redactToken<T>(value: T, token: string): T {
  if (token.length < 4) return value;
  if (typeof value === 'string') return value.split(token).join('[redacted]') as T;
  if (value === undefined || value === null || typeof value !== 'object') return value;
  const json = JSON.stringify(value);
  if (!json.includes(token)) return value;
  return JSON.parse(json.split(token).join('[redacted]')) as T;
}
