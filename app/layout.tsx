import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { CartLink } from '@/components/cart/cart-link';
import { ActingBanner } from '@/components/rep/acting-banner';
import { QueryProvider } from '@/components/providers/query-provider';
import { SiteHeader } from '@/components/layout/site-header';
import { getActing, getSignedInBuyer, getSignedInRep } from '@/lib/session/session';
import { repDisplayName } from '@/sync/flows/reps/rep-directory';
import { HeaderCart } from './cart/_components/header-cart';
import { stopActing } from './rep/_actions/stop-acting';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Northwind Industrial Supply', template: '%s · Northwind Industrial Supply' },
  description: 'Industrial supplies at your contract prices.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [buyer, rep, acting] = await Promise.all([getSignedInBuyer(), getSignedInRep(), getActing()]);
  // While a rep acts, the header is the buyer's (it is their storefront); a rep on their own is a rep.
  const account = buyer
    ? { kind: 'buyer' as const, name: `${buyer.firstName} ${buyer.lastName}`, company: buyer.company }
    : rep
      ? { kind: 'rep' as const, name: repDisplayName(rep), company: 'Sales rep' }
      : null;
  const viewerKey = acting ? `acting-${acting.record.id}` : buyer ? `buyer-${buyer.customerId}` : rep ? `rep-${rep.id}` : 'guest';
  return (
    <html lang="en">
      <body className="min-h-screen">
        {acting ? (
          <ActingBanner
            repName={acting.record.rep.name}
            buyerName={`${acting.record.buyer.firstName} ${acting.record.buyer.lastName}`}
            buyerEmail={acting.record.buyer.email}
            companyName={acting.record.company.name}
            expiresAt={acting.record.expiresAt}
            stopAction={stopActing}
          />
        ) : null}
        {/* Keyed by viewer: signing in or out starts a fresh client cache, so no buyer sees another's cached offer. */}
        <QueryProvider key={viewerKey}>
          <SiteHeader
            storeName="Northwind Industrial Supply"
            account={account}
            cart={
              buyer ? (
                <Suspense fallback={<CartLink lineCount={null} />}>
                  <HeaderCart />
                </Suspense>
              ) : null
            }
          />
          <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
