import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@/lib/config';

const valid = {
  BIGCOMMERCE_STORE_HASH: 'abc123def',
  BIGCOMMERCE_ACCESS_TOKEN: 'token-abcdefgh',
  BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
  BIGCOMMERCE_WEBHOOK_SECRET: 'a-webhook-secret-16+',
  SESSION_SECRET: 'x'.repeat(32),
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('config', () => {
  it('fills documented defaults and derives the channel GraphQL URL from hash and channel', () => {
    const config = loadConfig({ ...valid, BIGCOMMERCE_CHANNEL_ID: '2' });
    expect(config.BIGCOMMERCE_API_URL).toBe('https://api.bigcommerce.com');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.BIGCOMMERCE_CHANNEL_ID).toBe(2);
    expect(config.BIGCOMMERCE_STOREFRONT_GRAPHQL_URL).toBe('https://store-abc123def-2.mybigcommerce.com/graphql');
  });

  it('keeps an explicit GraphQL URL (the sandbox sets one)', () => {
    const config = loadConfig({ ...valid, BIGCOMMERCE_STOREFRONT_GRAPHQL_URL: 'http://127.0.0.1:4010/graphql' });
    expect(config.BIGCOMMERCE_STOREFRONT_GRAPHQL_URL).toBe('http://127.0.0.1:4010/graphql');
  });

  it('names every missing variable and says what it should look like', () => {
    const problems = problemsOf({});
    for (const name of ['BIGCOMMERCE_STORE_HASH', 'BIGCOMMERCE_ACCESS_TOKEN', 'BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN', 'BIGCOMMERCE_WEBHOOK_SECRET', 'SESSION_SECRET']) {
      expect(problems.some((p) => p.startsWith(`${name} is missing`))).toBe(true);
    }
    expect(problems.find((p) => p.startsWith('BIGCOMMERCE_STORE_HASH'))).toContain('abc123def');
  });

  it('treats an empty value as missing', () => {
    expect(problemsOf({ ...valid, SESSION_SECRET: '' })).toEqual([expect.stringMatching(/^SESSION_SECRET is missing/)]);
  });

  it.each([
    ['BIGCOMMERCE_STORE_HASH', 'ABC-123', 'lower-case letters and digits'],
    ['BIGCOMMERCE_CHANNEL_ID', '0', 'positive integer'],
    ['BIGCOMMERCE_CHANNEL_ID', 'one', 'channel id'],
    ['BIGCOMMERCE_API_URL', 'api.bigcommerce.com', 'http(s) URL'],
    ['BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN', 'not-a-jwt', 'JWT'],
    ['REDIS_URL', 'http://localhost:6379', 'redis://'],
    ['SESSION_SECRET', 'short', 'at least 32'],
  ])('rejects malformed %s=%s', (name, value, hint) => {
    const problems = problemsOf({ ...valid, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
    expect(problems[0]).toContain(hint);
  });
});
