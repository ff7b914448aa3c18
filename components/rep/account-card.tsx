import Link from 'next/link';
import type { ReactNode } from 'react';
import type { CreditView } from '@/lib/rep/account-view';
import { CreditSummary } from './credit-summary';

export interface AccountCardProps {
  customerNumber: string;
  companyName: string;
  buyerCount: number;
  credit: CreditView | null;
  /** The account's orders, streamed by the page. */
  orders: ReactNode;
}

/** One assigned account on the rep home: what a rep needs before a call, and the way in to act for its buyers. */
export function AccountCard({ customerNumber, companyName, buyerCount, credit, orders }: AccountCardProps) {
  return (
    <li className="flex flex-col gap-3 rounded border border-slate-200 p-4" data-testid="rep-account" data-customer-number={customerNumber}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          <Link href={`/rep/accounts/${encodeURIComponent(customerNumber)}`} className="hover:underline">
            {companyName}
          </Link>
        </h2>
        <span className="text-sm text-slate-500">
          {customerNumber} · {buyerCount === 1 ? '1 buyer' : `${buyerCount} buyers`}
        </span>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <CreditSummary credit={credit} />
        {orders}
      </div>
    </li>
  );
}
