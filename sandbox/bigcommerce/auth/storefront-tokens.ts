import { randomUUID } from 'node:crypto';
import { SignJWT, compactVerify, errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import type { SandboxSettings } from '../settings';
import type { BcStore } from '../store/store';
import type { IssuedToken, StorefrontTokenKind } from '../store/types';

/**
 * Storefront API tokens (storefront, private, customer impersonation) as HS256 JWTs signed with
 * `settings.jwtSecret`. Claims follow the names BigCommerce's own tokens carry where known (`cid` channel ids,
 * `eat` expiry, `sid` store id) plus `store_hash` and `token_type`; `exp` lets jose enforce expiry. Issued
 * tokens are recorded in `store.tokens`, so a token from another sandbox instance or a revoked one is
 * "Unknown JWT token", as BigCommerce answers for revoked tokens.
 */

export type TokenScope = IssuedToken['scopes'][number];

export interface TokenRequest {
  kind: StorefrontTokenKind;
  channelIds: number[];
  /** Unix seconds. */
  expiresAt: number;
  scopes: TokenScope[];
  allowedCorsOrigins: string[];
}

const claimsSchema = z.object({
  iss: z.literal('BC'),
  sid: z.string(),
  store_hash: z.string(),
  token_type: z.enum(['storefront', 'private', 'impersonation']),
  cid: z.array(z.number().int()),
  eat: z.number().int(),
  scopes: z.array(z.enum(['Unauthenticated', 'Customer', 'B2B'])),
  jti: z.string(),
});

export type StorefrontTokenClaims = z.infer<typeof claimsSchema>;

/** BigCommerce's GraphQL 401 messages (docs/start/about/status-codes.mdx), verbatim. */
export const TOKEN_ERRORS = {
  missing: 'GraphQL credentials were missing. No token was sent.',
  notJwt: 'GraphQL invalid credentials. String is not a JWT',
  badSignature: 'GraphQL invalid credentials. JWT signature is invalid',
  expired: 'GraphQL invalid credentials. JWT is expired',
  channelMismatch: "GraphQL invalid credentials. JWT channel id doesn't match channel id of the URL",
  unknown: 'Unknown JWT token',
  noJson: 'GraphQL invalid credentials. JWT has no valid Json',
  unknownFormat: 'GraphQL invalid credentials. JWT has Json of an unknown format',
  storeMismatch: "GraphQL invalid credentials. JWT store id doesn't match store id of the URL",
} as const;

export type VerifyResult = { ok: true; token: StorefrontTokenClaims } | { ok: false; message: string };

const DEV_JTI = 'sandbox-dev-impersonation';
/** 2100-01-01T00:00:00Z: "long-lived" without ever needing renewal during development. */
const DEV_EXPIRES_AT = 4_102_444_800;

export async function issueStorefrontToken(store: BcStore, settings: SandboxSettings, request: TokenRequest): Promise<string> {
  const jti = randomUUID();
  store.tokens.set(jti, { jti, kind: request.kind, channelIds: request.channelIds, expiresAt: request.expiresAt, scopes: request.scopes });
  return sign(settings, store.storeId, { kind: request.kind, channelIds: request.channelIds, expiresAt: request.expiresAt, scopes: request.scopes, jti });
}

/**
 * A fixed impersonation token for channel 1 so `npm run dev` needs no token setup. Deterministic (fixed jti,
 * iat and expiry) so the same settings always yield the same string, and it survives a store reseed; it is
 * verified like any other token (signature, store, channel, revocation).
 */
export async function issueDevImpersonationToken(settings: SandboxSettings, storeId = '1001'): Promise<string> {
  return sign(settings, storeId, { kind: 'impersonation', channelIds: [1], expiresAt: DEV_EXPIRES_AT, scopes: [], jti: DEV_JTI, issuedAt: 1_700_000_000 });
}

/** Marks a token revoked; the JWT must carry our signature (expired tokens may still be revoked). */
export async function revokeStorefrontToken(store: BcStore, settings: SandboxSettings, jwt: string): Promise<boolean> {
  try {
    const { payload } = await compactVerify(jwt, secretKey(settings), { algorithms: ['HS256'] });
    const claims = claimsSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)));
    if (!claims.success) return false;
    store.revokedTokens.add(claims.data.jti);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a bearer token for a GraphQL request on `channelId`, in the order BigCommerce's messages imply:
 * shape, signature, expiry, claims, store, channel, then whether the store knows (and has not revoked) it.
 */
export async function verifyStorefrontToken(input: {
  store: BcStore;
  settings: SandboxSettings;
  channelId: number;
  authorization: string | undefined;
  now?: Date;
}): Promise<VerifyResult> {
  const { store, settings } = input;
  const raw = /^Bearer\s+(.+)$/i.exec(input.authorization?.trim() ?? '')?.[1]?.trim();
  if (!raw) return { ok: false, message: TOKEN_ERRORS.missing };
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(raw)) return { ok: false, message: TOKEN_ERRORS.notJwt };

  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(raw, secretKey(settings), { algorithms: ['HS256'], currentDate: input.now }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, message: TOKEN_ERRORS.expired };
    if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JOSEAlgNotAllowed) {
      return { ok: false, message: TOKEN_ERRORS.badSignature };
    }
    if (error instanceof joseErrors.JWTInvalid) return { ok: false, message: TOKEN_ERRORS.noJson };
    if (error instanceof joseErrors.JWTClaimValidationFailed) return { ok: false, message: TOKEN_ERRORS.unknownFormat };
    return { ok: false, message: TOKEN_ERRORS.notJwt };
  }

  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) return { ok: false, message: TOKEN_ERRORS.unknownFormat };
  const token = claims.data;
  if (token.store_hash !== store.storeHash || token.sid !== store.storeId) return { ok: false, message: TOKEN_ERRORS.storeMismatch };
  if (!token.cid.includes(input.channelId)) return { ok: false, message: TOKEN_ERRORS.channelMismatch };
  const known = store.tokens.has(token.jti) || token.jti === DEV_JTI;
  if (!known || store.revokedTokens.has(token.jti)) return { ok: false, message: TOKEN_ERRORS.unknown };
  return { ok: true, token };
}

function sign(
  settings: SandboxSettings,
  storeId: string,
  claims: { kind: StorefrontTokenKind; channelIds: number[]; expiresAt: number; scopes: TokenScope[]; jti: string; issuedAt?: number },
): Promise<string> {
  return new SignJWT({
    iss: 'BC',
    sid: storeId,
    store_hash: settings.storeHash,
    token_type: claims.kind,
    cid: claims.channelIds,
    eat: claims.expiresAt,
    scopes: claims.scopes,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setJti(claims.jti)
    .setIssuedAt(claims.issuedAt)
    .setExpirationTime(claims.expiresAt)
    .sign(secretKey(settings));
}

function secretKey(settings: SandboxSettings): Uint8Array {
  return new TextEncoder().encode(settings.jwtSecret);
}
