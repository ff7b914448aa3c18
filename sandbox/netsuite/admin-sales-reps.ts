/**
 * Sandbox admin for sales reps (see admin.ts for the rest), the way a back-office user changes them in NetSuite:
 * give a customer another sales rep (or none), or change an employee so it is no longer an active sales rep. Each
 * saves the record (its `lastmodifieddate`) and emits an ERP change event, so the reps sync can react at once.
 * Employees are addressed by e-mail: the one business key the storefront and the ERP share for a rep.
 */
import { z } from 'zod';
import type { ErpChangeEvent, SandboxAdmin } from './admin';
import { invalidFieldValue } from './records/common';
import { nonexistentId } from './errors';

const salesRepBody = z.object({ salesRep: z.string().email().nullable() });
const employeeBody = z.object({
  isInactive: z.boolean().optional(),
  isSalesRep: z.boolean().optional(),
}).refine((b) => b.isInactive !== undefined || b.isSalesRep !== undefined, 'give isInactive and/or isSalesRep');

interface EmployeeRow { id: number; email: string; issalesrep: string; isinactive: string }

async function employeeByEmail(admin: SandboxAdmin, email: string): Promise<EmployeeRow> {
  const r = await admin.db.query<EmployeeRow>('SELECT id, email, issalesrep, isinactive FROM employee WHERE LOWER(email) = LOWER($1)', [email]);
  const row = r.rows[0];
  if (!row) throw nonexistentId('employee', email);
  return row;
}

/** The customer's "Sales Rep" field, which lists only active employees marked as sales reps (as the record API checks). */
async function setCustomerSalesRep(admin: SandboxAdmin, entityId: string, input: unknown): Promise<ErpChangeEvent> {
  const body = salesRepBody.parse(input);
  const customer = await admin.customerId(entityId);
  let employee: EmployeeRow | null = null;
  if (body.salesRep !== null) {
    employee = await employeeByEmail(admin, body.salesRep);
    if (employee.issalesrep !== 'T' || employee.isinactive !== 'F') throw invalidFieldValue(body.salesRep, 'salesRep', 'salesRep');
  }
  await admin.db.query('UPDATE customer SET salesrep = $2, lastmodifieddate = LOCALTIMESTAMP WHERE id = $1', [customer, employee?.id ?? null]);
  return admin.emit('customer.salesrep.changed', {
    customerNumber: entityId, salesRepId: employee ? String(employee.id) : null, salesRepEmail: employee?.email ?? null,
  });
}

/**
 * Inactivating an employee, or unticking "Sales Rep", leaves the customers that name it untouched (NetSuite does not
 * rewrite them [I]); it just stops being a sales rep, so whoever reads reps must check both flags.
 */
async function updateEmployee(admin: SandboxAdmin, email: string, input: unknown): Promise<ErpChangeEvent> {
  const body = employeeBody.parse(input);
  const employee = await employeeByEmail(admin, email);
  const r = await admin.db.query<EmployeeRow>(
    `UPDATE employee SET isinactive = COALESCE($2, isinactive), issalesrep = COALESCE($3, issalesrep), lastmodifieddate = LOCALTIMESTAMP
     WHERE id = $1 RETURNING id, email, issalesrep, isinactive`,
    [employee.id, flag(body.isInactive), flag(body.isSalesRep)],
  );
  const row = r.rows[0] ?? employee;
  return admin.emit('employee.changed', {
    employeeId: String(row.id), email: row.email, isInactive: row.isinactive === 'T', isSalesRep: row.issalesrep === 'T',
  });
}

function flag(value: boolean | undefined): string | null {
  return value === undefined ? null : value ? 'T' : 'F';
}

/** Routes the sales-rep paths under `/__sandbox/`; null when the path isn't one of them. */
export async function routeSalesReps(
  admin: SandboxAdmin,
  method: string,
  seg: string[],
  body: () => Promise<unknown>,
): Promise<{ status: number; body: unknown } | null> {
  const [a, b, c] = seg;
  if (method === 'PUT' && a === 'customers' && b !== undefined && c === 'sales-rep' && seg.length === 3) {
    return { status: 200, body: { event: await setCustomerSalesRep(admin, b, await body()) } };
  }
  if (method === 'PATCH' && a === 'employees' && b !== undefined && seg.length === 2) {
    return { status: 200, body: { event: await updateEmployee(admin, b, await body()) } };
  }
  return null;
}
