import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/providers/query-provider';
import { SiteHeader } from '@/components/layout/site-header';
import { getSignedInBuyer } from '@/lib/session/session';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Northwind Industrial Supply', template: '%s · Northwind Industrial Supply' },
  description: 'Industrial supplies at your contract prices.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const buyer = await getSignedInBuyer();
  const account = buyer ? { name: `${buyer.firstName} ${buyer.lastName}`, company: buyer.company } : null;
  return (
    <html lang="en">
      <body className="min-h-screen">
        {/* Keyed by viewer: signing in or out starts a fresh client cache, so no buyer sees another's cached offer. */}
        <QueryProvider key={buyer ? `buyer-${buyer.customerId}` : 'guest'}>
          <SiteHeader storeName="Northwind Industrial Supply" account={account} />
          <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
