import { issueStorefrontToken, revokeStorefrontToken } from '../auth/storefront-tokens';
import { parseTokenRequest } from '../auth/token-request';
import { v3Unprocessable } from '../http/errors';
import type { Router } from '../http/router';
import type { Handler } from '../http/types';
import type { StorefrontTokenKind } from '../store/types';

/**
 * Storefront API token endpoints (storefront_tokens.v3.yml): create storefront, private and customer
 * impersonation tokens (`{data:{token}, meta:{}}`), and revoke one with the `Sf-Api-Token` header (200, empty
 * body). The dispatcher has already checked X-Auth-Token; the sandbox's one token carries every scope, so the
 * spec's 403 "missing scope" never occurs here.
 */
export function registerStorefrontTokenRoutes(router: Router): void {
  router.post('/v3/storefront/api-token', createToken('storefront'));
  router.post('/v3/storefront/api-token-private', createToken('private'));
  router.post('/v3/storefront/api-token-customer-impersonation', createToken('impersonation'));
  router.delete('/v3/storefront/api-token', async (req, ctx) => {
    const header = req.headers['sf-api-token'];
    const jwt = typeof header === 'string' ? header.trim() : '';
    if (!jwt) return v3Unprocessable({ 'Sf-Api-Token': 'The Sf-Api-Token header is required.' }, 'Missing JWT token header');
    const revoked = await revokeStorefrontToken(ctx.store, ctx.settings, jwt);
    if (!revoked) return v3Unprocessable({ 'Sf-Api-Token': 'Not a token issued by this store.' }, 'Invalid JWT Token provided');
    return { status: 200 };
  });
}

function createToken(kind: StorefrontTokenKind): Handler {
  return async (req, ctx) => {
    const parsed = parseTokenRequest(kind, req.body, ctx.store.channelIds);
    if (!parsed.ok) return v3Unprocessable(parsed.errors);
    const token = await issueStorefrontToken(ctx.store, ctx.settings, parsed.request);
    return { status: 200, body: { data: { token }, meta: {} } };
  };
}
