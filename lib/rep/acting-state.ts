import type { Redis } from 'ioredis';
import { readAccountBuyers, readRep, type RepRecord } from '../../sync/flows/reps/rep-directory';
import { checkActing } from './acting-authorization';
import { endActing, readActing, type ActingState } from './acting-store';
import { actingAuditEntry } from './audit-entries';

/** What a rep's session cookie says: which rep, and which impersonation (if any) it started. */
export interface RepSessionRef {
  repId: string;
  actingId?: string;
}

export interface RepRequestState {
  /** null: the ERP no longer has this rep as an active sales rep, so the session is worth nothing. */
  rep: RepRecord | null;
  /** The impersonation this request may act under, or null. */
  acting: ActingState | null;
}

/**
 * Resolves a rep's session for one request, authorizing it afresh from the rep directory: the rep must still be an
 * active sales rep, and an impersonation must be unexpired, its rep's own, for an account still assigned to the rep
 * and a buyer still buying for that account. An impersonation that fails is ended here, with its one audit entry,
 * and the request goes on as the rep alone (no buyer).
 */
export async function resolveRepRequest(redis: Redis, storeHash: string, session: RepSessionRef, nowMs: number, correlationId: string): Promise<RepRequestState> {
  const [rep, state] = await Promise.all([
    readRep(redis, storeHash, session.repId),
    session.actingId ? readActing(redis, storeHash, session.actingId) : Promise.resolve(null),
  ]);
  // Another rep's impersonation id in this cookie is not this rep's to use, nor to end.
  if (!state || state.record.rep.id !== session.repId) return { rep, acting: null };
  const buyers = await readAccountBuyers(redis, storeHash, state.record.company.customerNumber);
  const verdict = checkActing(state.record, rep, buyers, nowMs);
  if (verdict.allowed) return { rep, acting: state };
  const entry = actingAuditEntry(state.record, verdict.action, 'ok', correlationId, { reason: verdict.reason, message: verdict.message, cartId: state.cartId, by: 'request' });
  await endActing(redis, storeHash, state, entry);
  return { rep, acting: null };
}
