import type { Redis } from 'ioredis';

/**
 * The audit log of what sales reps do while acting for a buyer: an append-only Redis stream per store, one entry
 * per action. Entries are never edited or deleted by the app; the only removal is retention, which trims entries
 * older than `AUDIT_RETENTION_DAYS` as new ones are added (XADD MINID). Durability is Redis's: run it with
 * append-only persistence (see README → Sales reps).
 *
 * No other module writes the stream: appends go through `appendAudit`, or through `auditXaddArgs` inside a
 * transaction/script that changes the impersonation in the same step (so the change and its record are one).
 */
export type AuditAction =
  | 'acting-start'
  | 'acting-start-refused'
  | 'acting-stop'
  | 'acting-expired'
  | 'acting-revoked'
  | 'cart-add'
  | 'cart-update'
  | 'cart-remove'
  | 'checkout-attempt'
  | 'checkout-result'
  | 'credit-refused';

export interface AuditEntry {
  action: AuditAction;
  /** ISO time of the action. */
  at: string;
  outcome: 'ok' | 'refused' | 'failed';
  rep: { id: string; name: string; email: string };
  /** null only for a refused start that named no buyer the rep may act for. */
  buyer: { customerId: number; email: string; name: string } | null;
  company: { customerNumber: string; name: string } | null;
  /** The impersonation the action belongs to (null for a refused start). */
  actingId: string | null;
  /** Ties the entry to the request (or sync run) that made it, for matching against logs. */
  correlationId: string;
  /** What was done: reason text, SKUs and quantities, why it ended, the refusal message. */
  detail: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditEntry {
  /** The stream entry id (milliseconds-sequence): the order entries were appended in. */
  id: string;
}

/** Kept for 400 days: a year of activity plus time to investigate a dispute about it. */
export const AUDIT_RETENTION_DAYS = 400;
const RETENTION_MS = AUDIT_RETENTION_DAYS * 24 * 60 * 60 * 1000;

export function auditKey(storeHash: string): string {
  return `audit:${storeHash}:rep-actions`;
}

/** The XADD arguments after the key: trim what is past retention (approximately, as Redis allows), then append. */
export function auditXaddArgs(entry: AuditEntry, nowMs: number = Date.now()): string[] {
  return ['MINID', '~', `${Math.max(0, nowMs - RETENTION_MS)}-0`, '*', 'entry', JSON.stringify(entry)];
}

/** Appends one entry; returns its stream id. */
export async function appendAudit(redis: Redis, storeHash: string, entry: AuditEntry): Promise<string> {
  return String(await redis.call('XADD', auditKey(storeHash), ...auditXaddArgs(entry)));
}

export interface AuditQuery {
  /** Only entries at or after this time. */
  since?: Date;
  /** Matches the rep's id or e-mail. */
  rep?: string;
  buyerCustomerId?: number;
  companyNumber?: string;
  actingId?: string;
  action?: AuditAction;
  /** Newest first, at most this many (default 100). */
  limit?: number;
}

const PAGE = 500;

/** Entries matching the query, newest first. Walks the stream backwards a page at a time until `limit` match. */
export async function readAudit(redis: Redis, storeHash: string, query: AuditQuery = {}): Promise<StoredAuditEntry[]> {
  const limit = query.limit ?? 100;
  const start = query.since ? `${query.since.getTime()}-0` : '-';
  const found: StoredAuditEntry[] = [];
  let end = '+';
  for (;;) {
    const page = await redis.xrevrange(auditKey(storeHash), end, start, 'COUNT', PAGE);
    for (const [id, fields] of page) {
      const entry = { id, ...(JSON.parse(fields[1] ?? '{}') as AuditEntry) };
      if (matches(entry, query)) found.push(entry);
      if (found.length === limit) return found;
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return found;
    end = `(${last[0]}`;
  }
}

function matches(entry: StoredAuditEntry, query: AuditQuery): boolean {
  return (
    (query.rep === undefined || entry.rep.id === query.rep || entry.rep.email === query.rep.toLowerCase()) &&
    (query.buyerCustomerId === undefined || entry.buyer?.customerId === query.buyerCustomerId) &&
    (query.companyNumber === undefined || entry.company?.customerNumber === query.companyNumber) &&
    (query.actingId === undefined || entry.actingId === query.actingId) &&
    (query.action === undefined || entry.action === query.action)
  );
}
