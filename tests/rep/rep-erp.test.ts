import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoDataset } from '@/sandbox/demo-data/types';
import type { NetSuiteEmulator } from '@/sandbox/netsuite/server';
import type { SalesRep } from '@/sync/erp/erp';
import { FileDropErpAdapter } from '@/sync/erp/file-drop/adapter';
import { adapterFor, bearer, call, errorCode, startSeeded } from '../erp/support/netsuite';

/**
 * Sales reps on the ERP side: NetSuite customers carry a "Sales Rep" (an employee reference), the adapter reads
 * every active rep with its active customers through SuiteQL, and the emulator's admin moves customers between
 * reps and retires reps the way a back-office user would, announcing each change as an ERP event.
 */
let ns: NetSuiteEmulator;
let data: DemoDataset;
let auth: string;

beforeAll(async () => {
  ({ ns, data } = await startSeeded());
  auth = await bearer(ns);
});
afterAll(async () => {
  await ns.close();
});

async function collect(rows: AsyncIterable<SalesRep>): Promise<SalesRep[]> {
  const out: SalesRep[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

function expectedReps(dataset: DemoDataset) {
  return dataset.salesReps.map((rep) => ({
    email: rep.email,
    firstName: rep.firstName,
    lastName: rep.lastName,
    accounts: rep.companyIds.map((id) => {
      const company = dataset.companies.find((c) => c.id === id);
      return { customerNumber: company?.erpCustomerNumber, companyName: company?.name };
    }),
  }));
}

describe('NetSuite sales reps', () => {
  it('reads both demo reps with exactly the companies the dataset assigns them', async () => {
    const reps = await collect((await adapterFor(ns).readSalesReps()).rows);
    expect(reps.map(({ email, firstName, lastName, accounts }) => ({ email, firstName, lastName, accounts }))).toEqual(expectedReps(data));
    expect(new Set(reps.map((r) => r.id)).size).toBe(2);
  });

  it('reads the same reps when keyset paging has to cut the result into several windows', async () => {
    const whole = await collect((await adapterFor(ns).readSalesReps()).rows);
    const paged = await collect((await adapterFor(ns, { pageSize: 2, resultCap: 6 }).readSalesReps()).rows);
    expect(paged).toEqual(whole);
  });

  it('serves the customer’s salesRep as an employee reference, and the employee record', async () => {
    const acme = data.companies[0];
    if (!acme) throw new Error('no companies');
    const customer = await call(ns, auth, 'GET', `/record/v1/customer/${acme.id}`);
    const salesRep = customer.body?.['salesRep'] as { id: string; refName: string };
    const rep = data.salesReps.find((r) => r.companyIds.includes(acme.id));
    expect(salesRep.refName).toBe(`${rep?.firstName} ${rep?.lastName}`);
    const employee = await call(ns, auth, 'GET', `/record/v1/employee/${salesRep.id}`);
    expect(employee.status).toBe(200);
    expect(employee.body).toMatchObject({ email: rep?.email, isSalesRep: true, isInactive: false });
  });

  it('refuses a customer PATCH naming an employee that is not an active sales rep', async () => {
    const acme = data.companies[0];
    const res = await call(ns, auth, 'PATCH', `/record/v1/customer/${acme?.id}`, { salesRep: { id: '999' } }, { 'X-NetSuite-PropertyNameValidation': 'Error' });
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('INVALID_CONTENT');
  });

  it('moves a customer to another rep through the admin, emits the event, and the next read follows', async () => {
    const [first, second] = data.salesReps;
    const moved = data.companies.find((c) => c.id === first?.companyIds[0]);
    if (!first || !second || !moved) throw new Error('demo data has two reps with companies');
    const res = await fetch(`${ns.url}/__sandbox/customers/${moved.erpCustomerNumber}/sales-rep`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ salesRep: second.email }),
    });
    expect(res.status).toBe(200);
    const { event } = (await res.json()) as { event: { type: string; data: Record<string, unknown> } };
    expect(event.type).toBe('customer.salesrep.changed');
    expect(event.data).toMatchObject({ customerNumber: moved.erpCustomerNumber, salesRepEmail: second.email });

    const reps = await collect((await adapterFor(ns).readSalesReps()).rows);
    const numbersOf = (email: string) => reps.find((r) => r.email === email)?.accounts.map((a) => a.customerNumber) ?? [];
    expect(numbersOf(first.email)).not.toContain(moved.erpCustomerNumber);
    expect(numbersOf(second.email)).toContain(moved.erpCustomerNumber);

    // Back to the seeded state for the tests that follow; unassigning (null) is allowed too.
    const cleared = await fetch(`${ns.url}/__sandbox/customers/${moved.erpCustomerNumber}/sales-rep`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ salesRep: null }),
    });
    expect(cleared.status).toBe(200);
    const none = await collect((await adapterFor(ns).readSalesReps()).rows);
    expect(none.flatMap((r) => r.accounts.map((a) => a.customerNumber))).not.toContain(moved.erpCustomerNumber);
    await ns.sql('UPDATE customer SET salesrep = (SELECT id FROM employee WHERE email = $1) WHERE entityid = $2', [first.email, moved.erpCustomerNumber]);
  });

  it('drops a rep from the read once the employee is inactive, and refuses it as a customer’s new rep', async () => {
    const [first] = data.salesReps;
    if (!first) throw new Error('no reps');
    const res = await fetch(`${ns.url}/__sandbox/employees/${first.email}`, {
      method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ isInactive: true }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { event: { type: string } }).event.type).toBe('employee.changed');
    const reps = await collect((await adapterFor(ns).readSalesReps()).rows);
    expect(reps.map((r) => r.email)).not.toContain(first.email);

    const refused = await fetch(`${ns.url}/__sandbox/customers/${data.companies[7]?.erpCustomerNumber}/sales-rep`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ salesRep: first.email }),
    });
    expect(refused.status).toBe(400);
    const unknown = await fetch(`${ns.url}/__sandbox/employees/nobody@example.com`, {
      method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ isInactive: true }),
    });
    expect(unknown.status).toBe(404);
    await ns.sql(`UPDATE employee SET isinactive = 'F' WHERE email = $1`, [first.email]);
  });
});

describe('file-drop sales reps', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'file-drop-reps-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('has no reps when the merchant drops no sales-reps file', async () => {
    const read = await new FileDropErpAdapter({ root }).readSalesReps();
    expect(await collect(read.rows)).toEqual([]);
  });

  it('reads sales-reps.csv, reporting a row without e-mail by line while the good rows go through', async () => {
    await writeFile(
      join(root, 'sales-reps.csv'),
      'rep_id,email,first_name,last_name,customer_numbers\n7,sam@example.com,Sam,Haddad,C1 C2;C3\n8,,Grace,Kim,C4\n',
    );
    const read = await new FileDropErpAdapter({ root }).readSalesReps();
    expect(read.rejected).toEqual([expect.objectContaining({ line: 3, field: 'email', message: 'is missing' })]);
    expect(await collect(read.rows)).toEqual([
      {
        id: '7', email: 'sam@example.com', firstName: 'Sam', lastName: 'Haddad',
        accounts: ['C1', 'C2', 'C3'].map((n) => ({ customerNumber: n, companyName: n })),
      },
    ]);
  });
});
