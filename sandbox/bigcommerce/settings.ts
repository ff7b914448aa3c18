/**
 * Knobs of one sandbox instance. Defaults emulate a Standard-plan store; tests and `npm run dev` adjust them
 * (dev turns the quota off so browsing never waits; tests shrink the webhook retry schedule).
 */
export interface SandboxSettings {
  storeHash: string;
  /** The only X-Auth-Token the REST API accepts (per store). */
  accessToken: string;
  /** The API account's client id (webhooks are listed per client id). */
  clientId: string;
  /** HMAC secret the sandbox signs storefront JWTs with. */
  jwtSecret: string;
  rateLimit: {
    enabled: boolean;
    /** Requests per window; Standard/Plus = 150 per 30 s. */
    quota: number;
    windowMs: number;
  };
  /** Concurrent `PUT /v3/pricelists/{id}/records` allowed per store (docs say 1, the operation text 2). */
  priceListUpsertConcurrency: number;
  /** Simulated processing time per upserted price record, so concurrent upserts really overlap. */
  priceListUpsertMsPerRecord: number;
  webhooks: {
    /** Delays before each retry, in ms. Real schedule: 60 s … 86,400 s (11 retries). */
    retryScheduleMs: number[];
    /** Per-delivery timeout. */
    timeoutMs: number;
    /** Allow http:// and ports ≠ 443 for destinations (local development only). */
    allowInsecureDestinations: boolean;
  };
}

/** BigCommerce's documented webhook retry schedule (seconds): about 48 h in total. */
export const REAL_WEBHOOK_RETRY_SCHEDULE_S = [60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400];

export function defaultSettings(overrides: Partial<SandboxSettings> = {}): SandboxSettings {
  return {
    storeHash: 'sandbox1',
    accessToken: 'sandbox-access-token',
    clientId: 'sandbox-client-id',
    jwtSecret: 'sandbox-jwt-secret-not-for-production',
    priceListUpsertConcurrency: 1,
    priceListUpsertMsPerRecord: 0.05,
    ...overrides,
    rateLimit: { enabled: true, quota: 150, windowMs: 30_000, ...overrides.rateLimit },
    webhooks: {
      retryScheduleMs: REAL_WEBHOOK_RETRY_SCHEDULE_S.map((s) => s * 1000),
      timeoutMs: 10_000,
      allowInsecureDestinations: true,
      ...overrides.webhooks,
    },
  };
}
