import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/providers/query-provider';
import { SiteHeader } from '@/components/layout/site-header';
import { getSignedInBuyer } from '@/lib/session/session';
import { logout } from './_actions/logout';
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
        <QueryProvider>
          <SiteHeader storeName="Northwind Industrial Supply" account={account} signOut={logout} />
          <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
