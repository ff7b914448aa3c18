'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { LoginState } from '@/app/login/_actions/login';
import { getConfig } from '@/lib/config';
import { getReadyRedis } from '@/lib/redis/client';
import { clientAddress } from '@/lib/rep/client-address';
import { checkRepSignIn } from '@/lib/rep/rep-credentials';
import { reserveSignInAttempt, signInSucceeded } from '@/lib/rep/sign-in-throttle';
import { safeReturnPath } from '@/lib/session/safe-redirect';
import { startRepSession } from '@/lib/session/session';

const credentialsSchema = z.object({
  email: z.email('Enter the email address you sign in with.'),
  password: z.string().min(1, 'Enter your password.'),
});

/**
 * Sales rep sign-in, separate from buyers': the rep must be an active sales rep in the ERP (rep directory) and the
 * password must match our scrypt hash. Each attempt counts against the account's and the address's limits before
 * the password is even checked, and the answer never says which of e-mail or password was wrong.
 */
export async function repLogin(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get('email') ?? '').trim();
  const parsed = credentialsSchema.safeParse({ email, password: formData.get('password') ?? '' });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Check your email and password.', email };

  const storeHash = getConfig().BIGCOMMERCE_STORE_HASH;
  const address = clientAddress((await headers()).get('x-forwarded-for'));
  let rep;
  try {
    const redis = await getReadyRedis();
    const attempt = await reserveSignInAttempt(redis, storeHash, parsed.data.email, address);
    if (!attempt.allowed) {
      const minutes = Math.max(1, Math.ceil(attempt.retryAfterMs / 60_000));
      return { error: `Too many sign-in attempts. Try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`, email };
    }
    rep = await checkRepSignIn(redis, storeHash, parsed.data.email, parsed.data.password);
    if (rep) await signInSucceeded(redis, storeHash, parsed.data.email, address);
  } catch (error) {
    console.error('[rep] sign-in could not be checked:', error);
    return { error: 'We could not sign you in just now. Please try again in a moment.', email };
  }
  if (!rep) return { error: 'That email and password do not match a sales rep account.', email };

  await startRepSession(rep.id);
  redirect(formData.get('returnTo') ? safeReturnPath(formData.get('returnTo')) : '/rep');
}
