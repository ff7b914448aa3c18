import type { AuditAction, AuditEntry } from '../audit/audit-log';
import type { ActingRecord } from './acting-store';

/** The audit entry for an action taken within an impersonation: who acted, for whom, for which company. */
export function actingAuditEntry(
  record: ActingRecord,
  action: AuditAction,
  outcome: AuditEntry['outcome'],
  correlationId: string,
  detail: Record<string, unknown> = {},
  at: Date = new Date(),
): AuditEntry {
  return {
    action,
    at: at.toISOString(),
    outcome,
    rep: record.rep,
    buyer: { customerId: record.buyer.customerId, email: record.buyer.email, name: `${record.buyer.firstName} ${record.buyer.lastName}`.trim() },
    company: record.company,
    actingId: record.id,
    correlationId,
    detail,
  };
}
