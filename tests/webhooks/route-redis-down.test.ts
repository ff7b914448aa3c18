import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SECRET_HEADER } from '@/sync/webhooks/secret-header';
import { appEnv, closedPort, TEST_WEBHOOK_SECRET, webhookBody } from './support';

/** With Redis unreachable the receiver must answer 503 (BigCommerce retries non-2xx), and quickly. */
type Route = typeof import('@/app/api/webhooks/bigcommerce/route');
let route: Route;

beforeAll(async () => {
  Object.assign(process.env, appEnv(`redis://127.0.0.1:${await closedPort()}`));
  route = await import('@/app/api/webhooks/bigcommerce/route');
});
afterAll(async () => {
  const { closeRedis } = await import('@/lib/redis/client');
  await closeRedis();
});

const post = (headers: Record<string, string>) =>
  route.POST(
    new Request('http://localhost/api/webhooks/bigcommerce', {
      method: 'POST',
      headers,
      body: JSON.stringify(webhookBody()),
    }),
  );

describe('POST /api/webhooks/bigcommerce with Redis down', () => {
  it('answers 503 within two seconds so BigCommerce retries later', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const started = Date.now();
      const response = await post({ [WEBHOOK_SECRET_HEADER]: TEST_WEBHOOK_SECRET });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toMatch(/retry/);
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it('still answers 401 to a wrong secret: authentication needs no Redis', async () => {
    expect((await post({ [WEBHOOK_SECRET_HEADER]: 'wrong' })).status).toBe(401);
  });
});
