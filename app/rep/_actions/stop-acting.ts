'use server';

import { redirect } from 'next/navigation';
import { stopSessionActing } from '@/lib/session/session';

/** The banner's "Stop acting as": ends the impersonation (audited) and takes the rep back to their accounts. */
export async function stopActing(): Promise<void> {
  await stopSessionActing();
  redirect('/rep');
}
