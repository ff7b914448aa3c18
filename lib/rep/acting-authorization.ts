import type { AccountBuyer, RepRecord } from '../../sync/flows/reps/rep-directory';
import type { ActingRecord } from './acting-store';

/**
 * Whether an impersonation may go on, decided from the rep directory as the reps sync last wrote it: the same rule
 * on every request and in the sync's sweep. Pure, so every way it can say no is unit-tested.
 */
export type ActingVerdict =
  | { allowed: true }
  | { allowed: false; action: 'acting-expired' | 'acting-revoked'; reason: 'expired' | 'rep-removed' | 'assignment-removed' | 'buyer-removed'; message: string };

export function checkActing(record: ActingRecord, rep: RepRecord | null, buyers: readonly AccountBuyer[], nowMs: number): ActingVerdict {
  if (nowMs >= Date.parse(record.expiresAt)) {
    return { allowed: false, action: 'acting-expired', reason: 'expired', message: `The time box ended at ${record.expiresAt}.` };
  }
  if (rep === null || rep.id !== record.rep.id) {
    return { allowed: false, action: 'acting-revoked', reason: 'rep-removed', message: 'The ERP no longer lists this person as an active sales rep.' };
  }
  if (!rep.accounts.some((account) => account.customerNumber === record.company.customerNumber)) {
    return {
      allowed: false, action: 'acting-revoked', reason: 'assignment-removed',
      message: `${record.company.name} is no longer assigned to this rep in the ERP.`,
    };
  }
  if (!buyers.some((buyer) => buyer.customerId === record.buyer.customerId)) {
    return {
      allowed: false, action: 'acting-revoked', reason: 'buyer-removed',
      message: `${record.buyer.email} no longer buys for ${record.company.name}.`,
    };
  }
  return { allowed: true };
}
