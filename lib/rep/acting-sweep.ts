import type { Redis } from 'ioredis';
import { readAccountBuyers, readRep } from '../../sync/flows/reps/rep-directory';
import { checkActing } from './acting-authorization';
import { dropActingIndexEntry, endActing, listActingIds, readActing } from './acting-store';
import { actingAuditEntry } from './audit-entries';

/**
 * Ends every impersonation that may no longer go on (expired, rep or assignment or buyer gone), each with its one
 * audit entry. The reps sync calls it after each run, so a revoked or expired impersonation ends even if its rep
 * never makes another request. Returns how many it ended.
 */
export async function endStaleActing(redis: Redis, storeHash: string, nowMs: number, correlationId: string): Promise<number> {
  let ended = 0;
  for (const id of await listActingIds(redis, storeHash)) {
    const state = await readActing(redis, storeHash, id);
    if (!state) {
      await dropActingIndexEntry(redis, storeHash, id);
      continue;
    }
    const { record } = state;
    const [rep, buyers] = await Promise.all([readRep(redis, storeHash, record.rep.id), readAccountBuyers(redis, storeHash, record.company.customerNumber)]);
    const verdict = checkActing(record, rep, buyers, nowMs);
    if (verdict.allowed) continue;
    const entry = actingAuditEntry(record, verdict.action, 'ok', correlationId, { reason: verdict.reason, message: verdict.message, cartId: state.cartId, by: 'sweep' });
    if (await endActing(redis, storeHash, state, entry)) ended++;
  }
  return ended;
}
