import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { CreditPanel } from '@/app/checkout/_components/credit-panel';
import { OrderHistory } from '@/components/account/order-history';
import { getSignedInBuyer } from '@/lib/session/session';
import { InvoicesPanel } from './_components/invoices-panel';
import { getOrderHistoryData, pageParam } from './account-data';

export const metadata: Metadata = { title: 'Your account' };

/** The signed-in buyer's account: credit, orders (ERP number, status, tracking) and open invoices. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const buyer = await getSignedInBuyer();
  if (!buyer) redirect('/login?returnTo=/account');
  const data = await getOrderHistoryData(buyer.customerId, pageParam((await searchParams).page));
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="mt-1 text-sm text-slate-600">
          {buyer.company} · <Link href="/quick-order" className="underline">Quick order</Link>
        </p>
      </div>
      <div className="max-w-md">
        <Suspense fallback={<p className="text-sm text-slate-500">Checking your credit…</p>}>
          <CreditPanel customerId={buyer.customerId} />
        </Suspense>
      </div>
      <section aria-labelledby="order-history-heading" className="flex flex-col gap-2">
        <h2 id="order-history-heading" className="text-lg font-semibold">
          Orders
        </h2>
        {data.kind === 'history' ? (
          <OrderHistory history={data.history} />
        ) : (
          <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Your orders could not be loaded just now. Reload the page to try again.
          </p>
        )}
      </section>
      <Suspense fallback={<p className="text-sm text-slate-500">Reading your invoices…</p>}>
        <InvoicesPanel customerId={buyer.customerId} />
      </Suspense>
    </div>
  );
}
