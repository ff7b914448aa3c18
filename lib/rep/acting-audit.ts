import 'server-only';
import { appendAudit, type AuditAction, type AuditEntry } from '@/lib/audit/audit-log';
import { getCorrelationId } from '@/lib/audit/correlation';
import { getConfig } from '@/lib/config';
import { getReadyRedis } from '@/lib/redis/client';
import { getActing } from '@/lib/session/session';
import { actingAuditEntry } from './audit-entries';

/**
 * For the storefront's actions (cart, checkout, the credit gate): record one audit entry for an action taken while
 * a rep acts as the buyer. Does nothing when the buyer acts for themselves. Call it once per action, after the
 * action, with how it ended.
 */
export async function auditWhileActing(action: AuditAction, outcome: AuditEntry['outcome'], detail: Record<string, unknown>): Promise<void> {
  const acting = await getActing();
  if (!acting) return;
  try {
    const entry = actingAuditEntry(acting.record, action, outcome, await getCorrelationId(), detail);
    await appendAudit(await getReadyRedis(), getConfig().BIGCOMMERCE_STORE_HASH, entry);
  } catch (error) {
    // The action itself already happened; losing its record must be loud, never silent.
    console.error(`[audit] could not record ${action} by rep ${acting.record.rep.id} for customer ${acting.record.buyer.customerId}:`, error);
  }
}

/** Who to attribute an order or cart change to: the rep acting in this request, or null when the buyer acts. */
export interface ActingRep {
  repId: string;
  name: string;
  email: string;
  /** The impersonation, for the audit trail and order notes. */
  actingId: string;
  buyerCustomerId: number;
  companyNumber: string;
}

export async function getActingRep(): Promise<ActingRep | null> {
  const acting = await getActing();
  if (!acting) return null;
  const { record } = acting;
  return {
    repId: record.rep.id,
    name: record.rep.name,
    email: record.rep.email,
    actingId: record.id,
    buyerCustomerId: record.buyer.customerId,
    companyNumber: record.company.customerNumber,
  };
}
