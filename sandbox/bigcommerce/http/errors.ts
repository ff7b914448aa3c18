import type { SandboxResponse } from './types';

/**
 * Error bodies exactly as BigCommerce sends them. v3: `{status, title, type, errors}` (problem+json style);
 * v2: a bare array `[{status, message}]`. Handlers pick the one their API version uses.
 */

const TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

export function v3Error(status: number, title: string, errors: Record<string, unknown> = {}): SandboxResponse {
  return { status, body: { status, title, type: TYPE, errors } };
}

export function v3NotFound(what = 'The requested resource was not found.'): SandboxResponse {
  return v3Error(404, what);
}

/** 422 with per-field messages, e.g. `{ name: 'name is required' }`. */
export function v3Unprocessable(errors: Record<string, string>, title = 'JSON data is missing or invalid'): SandboxResponse {
  return v3Error(422, title, errors);
}

export function v2Error(status: number, message: string, details?: Record<string, unknown>): SandboxResponse {
  return { status, body: [{ status, message, ...(details ? { details } : {}) }] };
}

export function v2NotFound(): SandboxResponse {
  return v2Error(404, 'The requested resource was not found.');
}

export function unauthorized(): SandboxResponse {
  return v3Error(401, 'Unauthorized: the X-Auth-Token header is missing or not valid for this store.');
}

export function tooManyRequests(): SandboxResponse {
  return v3Error(429, 'Too many requests');
}

export function methodNotAllowed(): SandboxResponse {
  return v3Error(405, 'Method Not Allowed');
}
