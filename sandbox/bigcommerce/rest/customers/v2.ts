import type { z } from 'zod';
import { v2Error } from '../../http/errors';
import { isResponse, readPage, type PageRequest } from '../../http/pagination';
import type { SandboxResponse } from '../../http/types';

/**
 * v2 conventions shared by customer groups and orders: bare-array bodies, `[{status, message, details?}]` errors,
 * and 400 (not 422) for a bad field, naming it the way v2 does ("The field 'name' is invalid.") [I: v2's
 * usual wording; the specs only give the error schema].
 */

/** page/limit for v2 lists; junk answers a v2 400 instead of the v3 422 `readPage` builds. */
export function readV2Page(query: URLSearchParams): PageRequest | SandboxResponse {
  const page = readPage(query);
  if (!isResponse(page)) return page;
  const field = query.has('page') && !/^[1-9]\d*$/.test(query.get('page') ?? '') ? 'page' : 'limit';
  return v2Error(400, `The field '${field}' is invalid.`, { invalid_reason: `${field} must be a positive integer` });
}

export function v2FieldError(error: z.ZodError, input: unknown): SandboxResponse {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || 'body';
  const missing = issue?.code === 'invalid_type' && lookup(input, issue.path) === undefined;
  return missing
    ? v2Error(400, `The required field '${field}' was not supplied.`)
    : v2Error(400, `The field '${field}' is invalid.`, { invalid_reason: issue?.message ?? 'invalid' });
}

function lookup(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
