'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCorrelationId } from '@/lib/audit/correlation';
import { getManagementClient } from '@/lib/bigcommerce/management-client';
import { getConfig } from '@/lib/config';
import { getReadyRedis } from '@/lib/redis/client';
import { startActingFor } from '@/lib/rep/start-acting';
import { getSignedInRep, setSessionActing } from '@/lib/session/session';

export interface ActAsState {
  error: string | null;
}

const reasonSchema = z.string().trim().min(3, 'Say why you are acting for this buyer (at least 3 characters).').max(500, 'Keep the reason under 500 characters.');

/**
 * "Act as": starts an impersonation for the signed-in rep. The form's ids are only a choice among the rep's own
 * buyers: `startActingFor` refuses (and audits) anything outside the rep's assignment, so a tampered form gets
 * nothing. On success the rep lands on the storefront as that buyer.
 */
export async function startActingAs(_previous: ActAsState, formData: FormData): Promise<ActAsState> {
  const rep = await getSignedInRep();
  if (!rep) redirect('/rep/login');
  const reason = reasonSchema.safeParse(formData.get('reason') ?? '');
  if (!reason.success) return { error: reason.error.issues[0]?.message ?? 'Give a reason.' };
  const buyerCustomerId = Number(formData.get('buyerCustomerId'));
  const config = getConfig();
  let result;
  try {
    result = await startActingFor(
      {
        redis: await getReadyRedis(),
        storeHash: config.BIGCOMMERCE_STORE_HASH,
        rest: getManagementClient(),
        minutes: config.REP_ACTING_MINUTES,
        correlationId: await getCorrelationId(),
      },
      rep,
      {
        customerNumber: String(formData.get('customerNumber') ?? '').slice(0, 64),
        // Anything but a customer id selects nobody, and is refused like any id outside the assignment.
        buyerCustomerId: Number.isSafeInteger(buyerCustomerId) && buyerCustomerId > 0 ? buyerCustomerId : 0,
        reason: reason.data,
      },
    );
  } catch (error) {
    console.error('[rep] starting to act failed:', error);
    return { error: 'Acting as this buyer could not start just now. Please try again in a moment.' };
  }
  if (!result.ok) return { error: result.message };
  await setSessionActing(result.record.id);
  redirect('/');
}
