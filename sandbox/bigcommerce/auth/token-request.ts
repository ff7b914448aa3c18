import type { StorefrontTokenKind } from '../store/types';
import type { TokenRequest, TokenScope } from './storefront-tokens';

const SCOPES: readonly TokenScope[] = ['Unauthenticated', 'Customer', 'B2B'];
/** expires_at is Unix seconds; a 13-digit value is milliseconds, which the spec says is not supported. */
const MAX_SECONDS = 99_999_999_999;

export type ParsedTokenRequest = { ok: true; request: TokenRequest } | { ok: false; errors: Record<string, string> };

/**
 * Validates a token-creation body per storefront_tokens.v3.yml: `expires_at` required (integer ≥ 0, seconds);
 * exactly one of `channel_id` (integer ≥ 1) / `channel_ids` (non-empty integer array) — the spec says neither
 * is an error and both "unexpected behaviors", the sandbox refuses both; channels must exist in the store;
 * `allowed_cors_origins` (storefront tokens) 1–2 non-empty strings; `scopes` (private tokens) required, at least
 * one of Unauthenticated/Customer/B2B. Errors are per field, as a v3 422 `errors` object.
 */
export function parseTokenRequest(kind: StorefrontTokenKind, body: unknown, knownChannels: ReadonlySet<number>): ParsedTokenRequest {
  const errors: Record<string, string> = {};
  const input = isRecord(body) ? body : {};
  if (!isRecord(body)) errors['body'] = 'The request body must be a JSON object.';

  const expiresAt = input['expires_at'];
  if (expiresAt === undefined) errors['expires_at'] = 'expires_at is required.';
  else if (!isInteger(expiresAt) || expiresAt < 0) errors['expires_at'] = 'expires_at must be a non-negative integer (Unix timestamp in seconds).';
  else if (expiresAt > MAX_SECONDS) errors['expires_at'] = 'expires_at must be in seconds; milliseconds are not supported.';

  const channelIds = readChannels(input, errors);
  for (const id of channelIds ?? []) {
    if (!knownChannels.has(id)) errors['channel_ids'] = `Channel ${id} does not exist.`;
  }

  let scopes: TokenScope[] = [];
  if (kind === 'private') {
    const raw = input['scopes'];
    if (raw === undefined) errors['scopes'] = 'scopes is required for private tokens.';
    else if (!Array.isArray(raw) || raw.length === 0) errors['scopes'] = 'scopes must be an array with at least one item.';
    else if (!raw.every((s): s is TokenScope => typeof s === 'string' && (SCOPES as readonly string[]).includes(s))) {
      errors['scopes'] = `scopes items must be one of ${SCOPES.join(', ')}.`;
    } else scopes = [...new Set(raw)];
  }

  let allowedCorsOrigins: string[] = [];
  if (kind === 'storefront' && input['allowed_cors_origins'] !== undefined) {
    const raw = input['allowed_cors_origins'];
    if (!Array.isArray(raw) || raw.length < 1 || raw.length > 2 || !raw.every((o) => typeof o === 'string' && o.length > 0)) {
      errors['allowed_cors_origins'] = 'allowed_cors_origins must hold one or two non-empty origins.';
    } else allowedCorsOrigins = raw as string[];
  }

  if (Object.keys(errors).length > 0 || channelIds === undefined || !isInteger(expiresAt)) return { ok: false, errors };
  return { ok: true, request: { kind, channelIds, expiresAt, scopes, allowedCorsOrigins } };
}

function readChannels(input: Record<string, unknown>, errors: Record<string, string>): number[] | undefined {
  const single = input['channel_id'];
  const many = input['channel_ids'];
  if (single !== undefined && many !== undefined) {
    errors['channel_id'] = 'Send either channel_id or channel_ids, not both.';
    return undefined;
  }
  if (single === undefined && many === undefined) {
    errors['channel_id'] = 'One of channel_id or channel_ids is required.';
    return undefined;
  }
  if (single !== undefined) {
    if (!isInteger(single) || single < 1) {
      errors['channel_id'] = 'channel_id must be an integer of at least 1.';
      return undefined;
    }
    return [single];
  }
  if (!Array.isArray(many) || many.length === 0 || !many.every((id): id is number => isInteger(id) && id >= 1)) {
    errors['channel_ids'] = 'channel_ids must be a non-empty array of channel ids.';
    return undefined;
  }
  return [...new Set(many)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
