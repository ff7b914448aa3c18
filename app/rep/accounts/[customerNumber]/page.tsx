import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { ActAsForm } from '@/components/rep/act-as-form';
import { CreditSummary } from '@/components/rep/credit-summary';
import { getConfig } from '@/lib/config';
import { getSignedInRep } from '@/lib/session/session';
import { AccountOrders } from '../../_components/account-orders';
import { startActingAs } from '../../_actions/start-acting';
import { getRepAccount } from '../../rep-data';

export const metadata: Metadata = { title: 'Account' };
export const dynamic = 'force-dynamic';

/** One assigned account: its credit and orders, and its buyers to act as. Any other account number is a 404. */
export default async function RepAccountPage({ params }: { params: Promise<{ customerNumber: string }> }) {
  const rep = await getSignedInRep();
  const { customerNumber } = await params;
  if (!rep) redirect(`/rep/login?returnTo=${encodeURIComponent(`/rep/accounts/${customerNumber}`)}`);
  const account = await getRepAccount(rep, customerNumber);
  if (!account) notFound();
  const minutes = getConfig().REP_ACTING_MINUTES;
  return (
    <div className="flex flex-col gap-6" data-testid="rep-account-page">
      <div>
        <Link href="/rep" className="text-sm text-brand-700 underline">
          ← Your accounts
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{account.companyName}</h1>
        <p className="text-sm text-slate-600">Customer {account.customerNumber}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <CreditSummary credit={account.credit} />
        <Suspense fallback={<p className="text-sm text-slate-500">Loading orders…</p>}>
          <AccountOrders buyers={account.buyers} />
        </Suspense>
      </div>
      <section aria-labelledby="buyers-heading" className="flex flex-col gap-3">
        <h2 id="buyers-heading" className="text-lg font-semibold">
          Buyers
        </h2>
        <p className="text-sm text-slate-600">
          Acting as a buyer shows the storefront exactly as they see it: their prices, stock and credit. Your own cart for them is kept apart from
          theirs, it ends after {minutes} minutes, and everything you do is recorded with your name.
        </p>
        {account.buyers.length === 0 ? <p className="text-slate-700">No buyers are linked to this account in the store.</p> : null}
        <ul className="grid gap-4 md:grid-cols-2">
          {account.buyers.map((buyer) => (
            <li key={buyer.customerId} className="flex flex-col gap-3 rounded border border-slate-200 p-4" data-testid="rep-buyer" data-email={buyer.email}>
              <div>
                <p className="font-medium">
                  {buyer.firstName} {buyer.lastName}
                </p>
                <p className="text-sm text-slate-600">{buyer.email}</p>
              </div>
              <ActAsForm
                action={startActingAs}
                customerNumber={account.customerNumber}
                buyerCustomerId={buyer.customerId}
                buyerName={`${buyer.firstName} ${buyer.lastName}`}
                minutes={minutes}
              />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
