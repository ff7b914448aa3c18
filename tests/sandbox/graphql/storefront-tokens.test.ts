import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDevImpersonationToken, TOKEN_ERRORS } from '../../../sandbox/bigcommerce/auth/storefront-tokens';
import { defaultSettings } from '../../../sandbox/bigcommerce/settings';
import { expectMatchesSpec, sharedSpecsAvailable } from '../../support/openapi-contract';
import { startGraphqlSandbox, type GraphqlSandbox } from './fixture';

const IN_A_DAY = () => Math.floor(Date.now() / 1000) + 86_400;
const SITE = '{ site { products(first: 1) { edges { node { entityId } } } } }';

let sandbox: GraphqlSandbox;
beforeAll(async () => {
  sandbox = await startGraphqlSandbox();
});
afterAll(() => sandbox.close());

async function createToken(path: string, body: unknown): Promise<{ status: number; body: unknown; token: string }> {
  const result = await sandbox.rest('POST', `/v3/storefront/${path}`, body);
  const token = (result.body as { data?: { token?: string } }).data?.token ?? '';
  return { status: result.status, body: result.body, token };
}

describe('token endpoints', () => {
  it('issues each token kind as {data:{token}, meta:{}}', async () => {
    for (const [path, extra] of [
      ['api-token', { allowed_cors_origins: ['https://shop.example'] }],
      ['api-token-private', { scopes: ['Unauthenticated'] }],
      ['api-token-customer-impersonation', {}],
    ] as const) {
      const created = await createToken(path, { channel_id: 1, expires_at: IN_A_DAY(), ...extra });
      expect(created.status, path).toBe(200);
      expect(created.body).toEqual({ data: { token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) }, meta: {} });
    }
  });

  it.skipIf(!sharedSpecsAvailable)('responses match storefront_tokens.v3.yml', async () => {
    for (const [path, extra] of [
      ['api-token', {}],
      ['api-token-private', { scopes: ['Customer'] }],
      ['api-token-customer-impersonation', {}],
    ] as const) {
      const created = await createToken(path, { channel_ids: [1], expires_at: IN_A_DAY(), ...extra });
      await expectMatchesSpec({ spec: 'storefront_tokens.v3.yml', method: 'POST', path: `/v3/storefront/${path}`, status: created.status, body: created.body });
    }
  });

  it('refuses channel_id together with channel_ids, or neither, with 422 field errors', async () => {
    const both = await sandbox.rest('POST', '/v3/storefront/api-token-customer-impersonation', { channel_id: 1, channel_ids: [1], expires_at: IN_A_DAY() });
    expect(both.status).toBe(422);
    expect((both.body as { errors: Record<string, string> }).errors).toHaveProperty('channel_id');
    const neither = await sandbox.rest('POST', '/v3/storefront/api-token-customer-impersonation', { expires_at: IN_A_DAY() });
    expect(neither.status).toBe(422);
  });

  it('requires expires_at in whole seconds', async () => {
    const missing = await sandbox.rest('POST', '/v3/storefront/api-token-customer-impersonation', { channel_id: 1 });
    expect(missing.status).toBe(422);
    expect((missing.body as { errors: Record<string, string> }).errors).toHaveProperty('expires_at');
    const millis = await sandbox.rest('POST', '/v3/storefront/api-token-customer-impersonation', { channel_id: 1, expires_at: Date.now() + 60_000 });
    expect(millis.status).toBe(422);
  });

  it('requires at least one valid scope on private tokens', async () => {
    expect((await sandbox.rest('POST', '/v3/storefront/api-token-private', { channel_id: 1, expires_at: IN_A_DAY() })).status).toBe(422);
    expect((await sandbox.rest('POST', '/v3/storefront/api-token-private', { channel_id: 1, expires_at: IN_A_DAY(), scopes: [] })).status).toBe(422);
    expect((await sandbox.rest('POST', '/v3/storefront/api-token-private', { channel_id: 1, expires_at: IN_A_DAY(), scopes: ['Admin'] })).status).toBe(422);
  });

  it('refuses more than two allowed_cors_origins', async () => {
    const result = await sandbox.rest('POST', '/v3/storefront/api-token', { channel_id: 1, expires_at: IN_A_DAY(), allowed_cors_origins: ['a', 'b', 'c'] });
    expect(result.status).toBe(422);
  });

  it('needs the REST X-Auth-Token to create tokens', async () => {
    const result = await sandbox.rest('POST', '/v3/storefront/api-token', { channel_id: 1, expires_at: IN_A_DAY() }, { 'x-auth-token': 'wrong' });
    expect(result.status).toBe(401);
  });

  it('issue → use → revoke → "Unknown JWT token"', async () => {
    const { token } = await createToken('api-token-private', { channel_id: 1, expires_at: IN_A_DAY(), scopes: ['Unauthenticated'] });
    expect((await sandbox.graphql(SITE, { token })).status).toBe(200);
    const revoked = await sandbox.rest('DELETE', '/v3/storefront/api-token', undefined, { 'sf-api-token': token });
    expect(revoked.status).toBe(200);
    const after = await sandbox.graphql(SITE, { token });
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ errors: [{ message: TOKEN_ERRORS.unknown }] });
  });

  it('answers 422 to a revoke without a token or with a foreign one', async () => {
    expect((await sandbox.rest('DELETE', '/v3/storefront/api-token')).status).toBe(422);
    expect((await sandbox.rest('DELETE', '/v3/storefront/api-token', undefined, { 'sf-api-token': 'not-a-jwt' })).status).toBe(422);
  });
});

describe('GraphQL authentication (HTTP 401 with BigCommerce messages)', () => {
  const expect401 = async (token: string | null, message: string) => {
    const result = await sandbox.graphql(SITE, { token });
    expect(result.status).toBe(401);
    expect(result.body).toEqual({ errors: [{ message }] });
  };

  it('no Authorization header → credentials missing', () => expect401(null, TOKEN_ERRORS.missing));
  it('a non-JWT bearer → "String is not a JWT"', () => expect401('hello', TOKEN_ERRORS.notJwt));

  it('a JWT signed with another secret → signature invalid', async () => {
    const foreign = await issueDevImpersonationToken(defaultSettings({ jwtSecret: 'someone-else' }));
    await expect401(foreign, TOKEN_ERRORS.badSignature);
  });

  it('an expired token → "JWT is expired"', async () => {
    const { token } = await createToken('api-token-customer-impersonation', { channel_id: 1, expires_at: Math.floor(Date.now() / 1000) - 60 });
    await expect401(token, TOKEN_ERRORS.expired);
  });

  it('a token for another channel → channel mismatch', async () => {
    sandbox.store.channelIds.add(2);
    const { token } = await createToken('api-token-customer-impersonation', { channel_ids: [2], expires_at: IN_A_DAY() });
    await expect401(token, TOKEN_ERRORS.channelMismatch);
  });

  it('a token for another store → store mismatch', async () => {
    const otherStore = await issueDevImpersonationToken({ ...sandbox.settings, storeHash: 'otherstore' });
    await expect401(otherStore, TOKEN_ERRORS.storeMismatch);
  });

  it('the dev impersonation token works with no setup', async () => {
    const result = await sandbox.graphql(SITE, { token: sandbox.devToken });
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
  });

  it('a private token without the Customer scope cannot read customer', async () => {
    const { token } = await createToken('api-token-private', { channel_id: 1, expires_at: IN_A_DAY(), scopes: ['Unauthenticated'] });
    const result = await sandbox.graphql('{ customer { entityId } }', { token, customerId: 501 });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_ACCESS_SCOPE', requiredScopes: ['Customer'] });
  });

  it('X-Bc-Customer-Id is ignored with a private token (only impersonation tokens honour it)', async () => {
    const { token } = await createToken('api-token-private', { channel_id: 1, expires_at: IN_A_DAY(), scopes: ['Unauthenticated', 'Customer'] });
    const result = await sandbox.graphql('{ customer { entityId } }', { token, customerId: 501 });
    expect(result.body).toEqual({ data: { customer: null } });
  });
});
