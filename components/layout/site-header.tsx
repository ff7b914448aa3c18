import Link from 'next/link';
import type { ReactNode } from 'react';

export interface HeaderAccount {
  /** A buyer orders (quick order pad, cart); a sales rep signed in on their own works from their accounts. */
  kind: 'buyer' | 'rep';
  name: string;
  company: string;
}

/**
 * Store name, search box and who is signed in. Sign-out posts to /logout (a full page load; see that route).
 * A signed-in buyer also gets the quick order pad, their account (orders, credit, invoices) and `cart`, the cart
 * link the layout streams in.
 */
export function SiteHeader({ storeName, account, cart }: { storeName: string; account: HeaderAccount | null; cart?: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-4 sm:px-6 lg:px-8">
        <Link href="/" className="text-lg font-semibold text-brand-700">
          {storeName}
        </Link>
        <form action="/search" role="search" className="order-last flex w-full gap-2 sm:order-none sm:ml-6 sm:w-auto sm:flex-1">
          <label htmlFor="site-search" className="sr-only">
            Search products
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search by name, SKU or brand"
            className="w-full rounded border border-slate-300 px-3 py-1.5 text-sm sm:max-w-md"
          />
          <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white">
            Search
          </button>
        </form>
        <div className="ml-auto flex items-center gap-3 text-sm" data-testid="account-state">
          {account ? (
            <>
              {account.kind === 'rep' ? (
                <Link href="/rep" className="hover:underline">
                  My accounts
                </Link>
              ) : (
                <>
                  <Link href="/quick-order" className="hover:underline">
                    Quick order
                  </Link>
                  <Link href="/account" className="hover:underline">
                    Account
                  </Link>
                  {cart}
                </>
              )}
              <span>
                <span className="font-medium">{account.name}</span>
                <span className="text-slate-500"> · </span>
                <span data-testid="account-company">{account.company}</span>
              </span>
              <form action="/logout" method="post">
                <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/login" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-600">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
