import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesSpec, sharedSpecsAvailable, SKIP_NOTICE } from '../support/openapi-contract';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { asRecord } from '../sandbox/rest/price-lists.fixtures';

const SPEC = 'webhooks.v3.yml';

describe.skipIf(!sharedSpecsAvailable)(`webhooks contract (${sharedSpecsAvailable ? SPEC : SKIP_NOTICE})`, () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ dataset: null, settings: { rateLimit: { enabled: false, quota: 150, windowMs: 30_000 } } });
  });
  afterAll(() => sandbox.close());

  async function check(method: string, path: string, body: unknown, status: number): Promise<unknown> {
    const res = await sandbox.rest(method, path, body);
    expect(res.status).toBe(status);
    await expectMatchesSpec({ spec: SPEC, method, path, status, body: res.body });
    return res.body;
  }

  it('hooks CRUD and admin', async () => {
    const created = await check('POST', '/v3/hooks', { scope: 'store/sku/inventory/updated', destination: 'https://example.com/hooks', headers: { 'x-token': 't' } }, 200);
    const id = asRecord(asRecord(created).data).id as number;
    await check('POST', '/v3/hooks', { scope: 'store/sku/inventory/updated' }, 422);
    await check('GET', '/v3/hooks', undefined, 200);
    await check('GET', `/v3/hooks/${id}`, undefined, 200);
    await check('GET', '/v3/hooks/987654', undefined, 404);
    await check('PUT', `/v3/hooks/${id}`, { is_active: false }, 200);
    await check('GET', '/v3/hooks/admin', undefined, 200);
    await check('DELETE', `/v3/hooks/${id}`, undefined, 200);
  });
});
