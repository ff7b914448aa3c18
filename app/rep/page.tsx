import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { AccountCard } from '@/components/rep/account-card';
import { getSignedInRep } from '@/lib/session/session';
import { repDisplayName } from '@/sync/flows/reps/rep-directory';
import { AccountOrders } from './_components/account-orders';
import { getRepAccounts } from './rep-data';

export const metadata: Metadata = { title: 'Your accounts' };
// Assignments, credit and orders are read per request.
export const dynamic = 'force-dynamic';

export default async function RepHomePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const rep = await getSignedInRep();
  if (!rep) redirect('/rep/login');
  const query = ((await searchParams).q ?? '').slice(0, 100);
  const accounts = await getRepAccounts(rep, query);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Your accounts</h1>
          <p className="mt-1 text-sm text-slate-600">
            {repDisplayName(rep)} · {rep.accounts.length === 1 ? '1 account' : `${rep.accounts.length} accounts`} assigned to you in the ERP
          </p>
        </div>
        <form action="/rep" role="search" className="flex gap-2">
          <label htmlFor="account-search" className="sr-only">
            Search your accounts
          </label>
          <input
            id="account-search"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="Company, customer number or buyer"
            className="w-72 rounded border border-slate-300 px-3 py-1.5 text-sm"
          />
          <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white">
            Search
          </button>
        </form>
      </div>
      {accounts.length === 0 ? (
        <p className="text-slate-700" data-testid="rep-no-accounts">
          {query ? `No account matches “${query}”.` : 'No accounts are assigned to you.'}
        </p>
      ) : (
        <ul className="flex flex-col gap-4">
          {accounts.map((account) => (
            <AccountCard
              key={account.customerNumber}
              customerNumber={account.customerNumber}
              companyName={account.companyName}
              buyerCount={account.buyers.length}
              credit={account.credit}
              orders={
                <Suspense fallback={<p className="text-sm text-slate-500">Loading orders…</p>}>
                  <AccountOrders buyers={account.buyers} />
                </Suspense>
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}
