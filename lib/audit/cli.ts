import { parseArgs } from 'node:util';
import { readAudit, type AuditAction, type StoredAuditEntry } from './audit-log';
import { connectFromEnv } from './cli-connection';

/**
 * `npm run audit -- [filters]`: the sales-rep audit log, newest first. The admin view is a command line rather
 * than a page on purpose: reading it takes shell access to a machine that reaches Redis, which an operator has and
 * a storefront visitor never does, so no new web login or admin role exists to be attacked or misconfigured.
 *
 *   --rep <id|email>  --buyer <customer id>  --company <customer number>  --acting <impersonation id>
 *   --action <acting-start|cart-add|…>  --since <ISO date>  --limit <n, default 100>  --json
 *
 * A table on a terminal, JSON lines otherwise (or with --json). Exit 0, or 2 for a bad argument or no Redis.
 */
const { values } = parseArgs({
  options: {
    rep: { type: 'string' },
    buyer: { type: 'string' },
    company: { type: 'string' },
    acting: { type: 'string' },
    action: { type: 'string' },
    since: { type: 'string' },
    limit: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) fail('--limit must be a positive whole number');
const since = values.since === undefined ? undefined : new Date(values.since);
if (since && Number.isNaN(since.getTime())) fail('--since must be a date such as 2026-03-01 or 2026-03-01T09:00:00Z');
const buyer = values.buyer === undefined ? undefined : Number(values.buyer);
if (buyer !== undefined && !Number.isInteger(buyer)) fail('--buyer must be a BigCommerce customer id');

const { redis, storeHash } = await connectFromEnv();
try {
  const entries = await readAudit(redis, storeHash, {
    ...(values.rep ? { rep: values.rep } : {}),
    ...(buyer !== undefined ? { buyerCustomerId: buyer } : {}),
    ...(values.company ? { companyNumber: values.company } : {}),
    ...(values.acting ? { actingId: values.acting } : {}),
    ...(values.action ? { action: values.action as AuditAction } : {}),
    ...(since ? { since } : {}),
    limit,
  });
  if (values.json || !process.stdout.isTTY) for (const entry of entries) console.log(JSON.stringify(entry));
  else printTable(entries);
} finally {
  redis.disconnect();
}

function printTable(entries: StoredAuditEntry[]): void {
  if (entries.length === 0) {
    console.log('No audit entries match.');
    return;
  }
  for (const e of entries) {
    const who = `${e.rep.name} <${e.rep.email}>`;
    const forWhom = e.buyer ? ` as ${e.buyer.name} <${e.buyer.email}> (${e.buyer.customerId})` : '';
    const company = e.company ? ` for ${e.company.name} (${e.company.customerNumber})` : '';
    console.log(`${e.at}  ${e.action.padEnd(20)} ${e.outcome.padEnd(7)} ${who}${forWhom}${company}`);
    console.log(`    acting ${e.actingId ?? '-'}  correlation ${e.correlationId}  ${JSON.stringify(e.detail)}`);
  }
}
