import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { safeReturnPath } from '@/lib/session/safe-redirect';
import { getSignedInBuyer } from '@/lib/session/session';
import { login } from './_actions/login';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).returnTo);
  if (await getSignedInBuyer()) redirect(returnTo);
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6 py-8">
      <div>
        <h1 className="text-2xl font-semibold">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">Sign in to see your company&apos;s contract prices and stock.</p>
      </div>
      <LoginForm action={login} returnTo={returnTo} />
    </div>
  );
}
