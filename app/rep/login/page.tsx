import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { safeReturnPath } from '@/lib/session/safe-redirect';
import { getSignedInRep } from '@/lib/session/session';
import { repLogin } from './_actions/rep-login';

export const metadata: Metadata = { title: 'Sales rep sign in' };

export default async function RepLoginPage({ searchParams }: { searchParams: Promise<{ returnTo?: string }> }) {
  const given = (await searchParams).returnTo;
  const returnTo = given ? safeReturnPath(given) : '/rep';
  if (await getSignedInRep()) redirect(returnTo);
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-6 py-8">
      <div>
        <h1 className="text-2xl font-semibold">Sales rep sign in</h1>
        <p className="mt-1 text-sm text-slate-600">
          For Northwind sales reps: see your accounts and act for their buyers. Buyers sign in{' '}
          <Link href="/login" className="underline">
            here
          </Link>
          .
        </p>
      </div>
      <LoginForm action={repLogin} returnTo={returnTo} />
    </div>
  );
}
