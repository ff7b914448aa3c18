import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { BigCommerceRestClient } from '../bigcommerce/rest';
import { appendAudit, type AuditEntry } from '../audit/audit-log';
import { erpCustomerNumberOf } from '../../sync/flows/customer-link';
import { readAccountBuyers, repDisplayName, type RepRecord } from '../../sync/flows/reps/rep-directory';
import { startActing, type ActingRecord } from './acting-store';
import { actingAuditEntry } from './audit-entries';

export interface StartActingDeps {
  redis: Redis;
  storeHash: string;
  /** The REST Management API, for the live check that the buyer still buys for the company. */
  rest: BigCommerceRestClient;
  /** How long the impersonation may last. */
  minutes: number;
  correlationId: string;
  now?: Date;
}

/** What the rep asked for. The ids only *select* among what the rep is assigned; they grant nothing themselves. */
export interface StartActingRequest {
  customerNumber: string;
  buyerCustomerId: number;
  reason: string;
}

export type StartActingResult = { ok: true; record: ActingRecord } | { ok: false; message: string };

const customerSchema = z.looseObject({
  id: z.number(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  customer_group_id: z.number(),
  notes: z.string().nullish(),
});
const groupSchema = z.looseObject({ name: z.string() });

/**
 * Starts an impersonation for `rep` (the one the session holds). Allowed only for an account the ERP assigns to the
 * rep (rep directory), for a buyer the directory lists for that account, and that BigCommerce still links to it
 * right now (the directory can be minutes old). Everything about the buyer is then read from BigCommerce, never
 * from the request. A refusal is audited too: asking for someone else's buyer is exactly what an audit is for.
 */
export async function startActingFor(deps: StartActingDeps, rep: RepRecord, request: StartActingRequest): Promise<StartActingResult> {
  const now = deps.now ?? new Date();
  const refuse = async (message: string, outcome: AuditEntry['outcome'] = 'refused'): Promise<StartActingResult> => {
    await appendAudit(deps.redis, deps.storeHash, {
      action: 'acting-start-refused', at: now.toISOString(), outcome,
      rep: { id: rep.id, name: repDisplayName(rep), email: rep.email }, buyer: null, company: null, actingId: null,
      correlationId: deps.correlationId,
      detail: { requested: { customerNumber: request.customerNumber, buyerCustomerId: request.buyerCustomerId }, message },
    });
    return { ok: false, message };
  };

  const account = rep.accounts.find((a) => a.customerNumber === request.customerNumber);
  if (!account) return refuse('That company is not assigned to you.');
  const listed = (await readAccountBuyers(deps.redis, deps.storeHash, account.customerNumber)).some((b) => b.customerId === request.buyerCustomerId);
  if (!listed) return refuse(`That buyer does not buy for ${account.companyName}.`);

  let customer: z.infer<typeof customerSchema> | undefined;
  try {
    const { data } = await deps.rest.getV3('/v3/customers', z.array(customerSchema), { 'id:in': request.buyerCustomerId });
    // Only the record of the buyer asked about, never whatever the filter happened to return first.
    customer = data.find((c) => c.id === request.buyerCustomerId);
  } catch (error) {
    console.error('[rep] checking the buyer with BigCommerce failed:', error);
    return refuse('The store could not confirm that buyer just now. Try again in a moment.', 'failed');
  }
  if (!customer || erpCustomerNumberOf(customer.notes) !== account.customerNumber) return refuse(`That buyer no longer buys for ${account.companyName}.`);

  const record: ActingRecord = {
    id: randomUUID(),
    rep: { id: rep.id, name: repDisplayName(rep), email: rep.email },
    buyer: {
      customerId: customer.id,
      email: customer.email,
      firstName: customer.first_name,
      lastName: customer.last_name,
      customerGroupId: customer.customer_group_id,
      customerGroupName: await groupName(deps.rest, customer.customer_group_id),
    },
    company: { customerNumber: account.customerNumber, name: account.companyName },
    reason: request.reason,
    startedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.minutes * 60_000).toISOString(),
  };
  await startActing(deps.redis, deps.storeHash, record, actingAuditEntry(record, 'acting-start', 'ok', deps.correlationId, { reason: record.reason, expiresAt: record.expiresAt }, now));
  return { ok: true, record };
}

/** The group's name for "Why this price?"; only a label, so a failed lookup leaves it out rather than failing. */
async function groupName(rest: BigCommerceRestClient, groupId: number): Promise<string | null> {
  if (groupId === 0) return null;
  try {
    return (await rest.get(`/v2/customer_groups/${groupId}`, { schema: groupSchema })).name;
  } catch {
    return null;
  }
}
