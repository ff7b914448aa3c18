import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { CreditPanel } from '@/app/checkout/_components/credit-panel';
import { CartContents } from '@/components/cart/cart-contents';
import { EmptyCart } from '@/components/cart/empty-cart';
import { CheckoutActions } from '@/components/checkout/checkout-actions';
import { getSignedInBuyer } from '@/lib/session/session';
import { changeQuantity } from './_actions/change-quantity';
import { removeLine } from './_actions/remove-line';
import { getCartPageData } from './cart-data';

export const metadata: Metadata = { title: 'Cart' };

export default async function CartPage() {
  const buyer = await getSignedInBuyer();
  if (!buyer) redirect('/login?returnTo=/cart');
  const data = await getCartPageData();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Cart</h1>
        <Link href="/quick-order" className="text-sm font-medium text-brand-700 underline">
          Quick order: paste SKUs
        </Link>
      </div>
      {data.kind === 'cart' ? (
        <CartContents
          cart={data.cart}
          changeQuantity={changeQuantity}
          removeLine={removeLine}
          creditSummary={
            <Suspense fallback={<p className="text-sm text-slate-500">Checking your credit…</p>}>
              <CreditPanel customerId={buyer.customerId} />
            </Suspense>
          }
          checkoutActions={<CheckoutActions seen={data.seen} blocked={data.cart.problemCount > 0} />}
        />
      ) : null}
      {data.kind === 'empty' ? <EmptyCart /> : null}
      {data.kind === 'error' ? (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Your cart could not be loaded just now. Reload the page to try again.
        </p>
      ) : null}
    </div>
  );
}
