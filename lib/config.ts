import { z } from 'zod';

/**
 * Every environment variable the storefront and the sync job read, validated in one place. A missing or
 * malformed value stops the process at start with a message naming the variable and what it should look like,
 * instead of failing later inside a request. See `.env.example` for each variable's purpose.
 */

const storeHash = z
  .string({ error: 'is missing: set it to your store hash, the part after /stores/ in your API path (e.g. "abc123def")' })
  .regex(/^[a-z0-9]+$/, 'must be the store hash: lower-case letters and digits only (e.g. "abc123def")');

const secret = (what: string, min: number) =>
  z
    .string({ error: `is missing: set it to ${what}` })
    .min(min, `must be at least ${min} characters long (${what})`);

const jwt = z
  .string({ error: 'is missing: create one with POST /v3/storefront/api-token-customer-impersonation (see README)' })
  .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'must be a JWT (three base64url parts separated by dots) as returned by BigCommerce');

const httpUrl = (example: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL, e.g. ${example}` });

const envSchema = z
  .object({
    BIGCOMMERCE_STORE_HASH: storeHash,
    BIGCOMMERCE_ACCESS_TOKEN: secret('the API account access token (X-Auth-Token)', 8),
    BIGCOMMERCE_CHANNEL_ID: z.coerce
      .number({ error: 'must be a channel id, a positive integer (1 is the default storefront)' })
      .int('must be a whole number')
      .positive('must be a positive integer (1 is the default storefront)')
      .default(1),
    BIGCOMMERCE_API_URL: httpUrl('https://api.bigcommerce.com').default('https://api.bigcommerce.com'),
    BIGCOMMERCE_STOREFRONT_GRAPHQL_URL: httpUrl('https://store-abc123def-1.mybigcommerce.com/graphql').optional(),
    BIGCOMMERCE_CUSTOMER_IMPERSONATION_TOKEN: jwt,
    BIGCOMMERCE_GRAPHQL_TIMEOUT_MS: z.coerce
      .number({ error: 'must be a number of milliseconds, e.g. 10000' })
      .int('must be a whole number of milliseconds')
      .min(100, 'must be at least 100 ms')
      .max(60_000, 'must be at most 60000 ms: a page should not wait longer on the store')
      .default(10_000),
    BIGCOMMERCE_WEBHOOK_SECRET: secret('a random shared secret sent by BigCommerce in a webhook header', 16),
    // Optional: without it /api/erp/events answers 404 and the sync relies on its schedule alone.
    ERP_EVENTS_SECRET: secret('a random secret shared with the ERP-side script that signs change events', 16).optional(),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' })
      .default('redis://127.0.0.1:6379'),
    SESSION_SECRET: secret('a random string of at least 32 characters used to seal session cookies', 32),
    SESSION_COOKIE_SECURE: z
      .enum(['true', 'false'], { error: 'must be "true" or "false" (false only for plain-http local development)' })
      .default('true')
      .transform((value) => value === 'true'),
    CREDIT_SNAPSHOT_MAX_AGE_MS: z.coerce
      .number({ error: 'must be a number of milliseconds, e.g. 900000 (15 minutes)' })
      .int()
      .min(0)
      .default(15 * 60_000),
    CREDIT_SNAPSHOT_COUNTS_PERCENT: z.coerce
      .number({ error: 'must be a whole percentage, e.g. 80' })
      .int()
      .min(0, 'must be 0–100')
      .max(100, 'must be 0–100')
      .default(80),
    CREDIT_WARN_PERCENT: z.coerce
      .number({ error: 'must be a whole percentage, e.g. 90' })
      .int()
      .min(1, 'must be 1–100')
      .max(100, 'must be 1–100')
      .default(90),
    // ERP customer numbers (comma-separated) that must give a PO number on on-account orders, or "*" for all.
    CHECKOUT_PO_REQUIRED: z.string().optional(),
    GUEST_PRICE_DISPLAY: z
      .enum(['login-prompt', 'list-price'], { error: 'must be "login-prompt" (hide prices until sign-in) or "list-price"' })
      .default('login-prompt'),
    REP_ACTING_MINUTES: z.coerce
      .number({ error: 'must be a number of minutes, e.g. 60' })
      .int('must be a whole number of minutes')
      .min(5, 'must be at least 5 minutes')
      .max(480, 'must be at most 480 minutes (a working day): a rep starts a new one for longer')
      .default(60),
  })
  .transform((env) => ({
    ...env,
    BIGCOMMERCE_API_URL: env.BIGCOMMERCE_API_URL.replace(/\/+$/, ''),
    BIGCOMMERCE_STOREFRONT_GRAPHQL_URL:
      env.BIGCOMMERCE_STOREFRONT_GRAPHQL_URL ??
      `https://store-${env.BIGCOMMERCE_STORE_HASH}-${env.BIGCOMMERCE_CHANNEL_ID}.mybigcommerce.com/graphql`,
  }));

export type AppConfig = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment (process.env by default). Empty strings count as missing. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'} ${issue.message}`));
  }
  return result.data;
}

let cached: AppConfig | undefined;

/** The process's validated configuration, read once. */
export function getConfig(): AppConfig {
  cached ??= loadConfig();
  return cached;
}
