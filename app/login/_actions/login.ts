'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { LoginMutation } from '@/graphql/mutations/login';
import { GUEST, storefrontMutation } from '@/lib/bigcommerce/graphql/client';
import { StorefrontGraphqlError } from '@/lib/bigcommerce/graphql/errors';
import { safeReturnPath } from '@/lib/session/safe-redirect';
import { startBuyerSession } from '@/lib/session/session';

export interface LoginState {
  error: string | null;
  email: string;
}

const credentialsSchema = z.object({
  email: z.email('Enter the email address you sign in with.'),
  password: z.string().min(1, 'Enter your password.'),
});

/**
 * Validates the credentials with BigCommerce's `login` mutation and, only then, seals the returned customer into
 * the session. Nothing a form sends besides email and password is read: the customer id comes from BigCommerce.
 */
export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get('email') ?? '').trim();
  const parsed = credentialsSchema.safeParse({ email, password: formData.get('password') ?? '' });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Check your email and password.', email };

  let customer;
  try {
    ({ login: { customer } } = await storefrontMutation(LoginMutation, parsed.data, GUEST));
  } catch (error) {
    if (error instanceof StorefrontGraphqlError && error.codes.includes('INVALID_CREDENTIALS')) {
      return { error: 'That email and password do not match an account. Check them, or ask your company administrator.', email };
    }
    console.error('[login] the store could not check credentials:', error);
    return { error: 'We could not reach the store to sign you in. Please try again in a moment.', email };
  }
  if (!customer) return { error: 'That email and password do not match an account.', email };

  await startBuyerSession({
    customerId: customer.entityId,
    email: customer.email,
    firstName: customer.firstName,
    lastName: customer.lastName,
    company: customer.company,
    customerGroupId: customer.customerGroupId,
    customerGroupName: customer.customerGroupName ?? null,
    signedInAt: Date.now(),
  });
  redirect(safeReturnPath(formData.get('returnTo')));
}
