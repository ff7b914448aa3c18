import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_NOTICE, expectMatchesSpec, loadSpec, sharedSpecsAvailable } from '../support/openapi-contract';
import type { TestSandbox } from '../support/sandbox';
import { customerBody, startEmptySandbox, type Envelope } from '../sandbox/rest/helpers';

if (!sharedSpecsAvailable) console.warn(`[customer addresses contract] ${SKIP_NOTICE}`);

const CUSTOMERS = 'customers.v3.yml';

/** The sandbox's `GET /v3/customers/addresses` (the checkout's ship-to list) answers as customers.v3.yml says. */
describe.skipIf(!sharedSpecsAvailable)('GET /v3/customers/addresses', () => {
  let sandbox: TestSandbox;
  let ids: number[] = [];

  beforeAll(async () => {
    await loadSpec(CUSTOMERS);
    sandbox = await startEmptySandbox();
    const address = (city: string) => ({ first_name: 'Dock', last_name: 'Four', address1: '1 Main', city, country_code: 'US', state_or_province: 'Texas', postal_code: '78701' });
    const res = await sandbox.rest('POST', '/v3/customers', [
      customerBody({ company: 'Initech', addresses: [address('Austin'), address('Dallas')] }),
      customerBody({ company: 'Globex', addresses: [address('Houston')] }),
    ]);
    ids = (res.body as Envelope<{ id: number }[]>).data.map((c) => c.id);
  }, 60_000);
  afterAll(() => sandbox.close());

  it('filters by customer_id:in and matches the spec', async () => {
    const path = `/v3/customers/addresses?customer_id:in=${ids[0]}`;
    const res = await sandbox.rest('GET', path);
    expect(res.status).toBe(200);
    await expectMatchesSpec({ spec: CUSTOMERS, method: 'GET', path, status: 200, body: res.body });
    const data = (res.body as Envelope<{ customer_id: number; city: string }[]>).data;
    expect(data.map((a) => [a.customer_id, a.city])).toEqual([
      [ids[0], 'Austin'],
      [ids[0], 'Dallas'],
    ]);
    const all = await sandbox.rest('GET', '/v3/customers/addresses?limit=2&page=2');
    expect((all.body as Envelope<unknown[]>).data).toHaveLength(1);
  });

  it('refuses a malformed filter with 422', async () => {
    const res = await sandbox.rest('GET', '/v3/customers/addresses?customer_id:in=abc');
    expect(res.status).toBe(422);
  });
});
