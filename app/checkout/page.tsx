import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { CreditSummary } from '@/components/checkout/credit-summary';
import { OrderSummary } from '@/components/checkout/order-summary';
import { getSignedInBuyer } from '@/lib/session/session';
import { payByCard } from './_actions/pay-by-card';
import { placeOrder } from './_actions/place-order';
import { getCheckoutPageData } from './checkout-data';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<{ seen?: string | string[] }> }) {
  const buyer = await getSignedInBuyer();
  if (!buyer) redirect('/login?returnTo=/checkout');
  const { seen } = await searchParams;
  const data = await getCheckoutPageData(buyer, typeof seen === 'string' ? seen : undefined);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Checkout</h1>
      {data.kind === 'empty' ? (
        <p>
          Your cart is empty.{' '}
          <Link href="/cart" className="font-medium text-brand-700 underline">
            Back to the cart
          </Link>
        </p>
      ) : null}
      {data.kind === 'error' ? (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The checkout could not be loaded just now. Reload the page to try again.
        </p>
      ) : null}
      {data.kind === 'checkout' ? (
        <div className="grid gap-8 lg:grid-cols-[1fr_24rem]">
          <div className="flex flex-col gap-6">
            <OrderSummary lines={data.lines} total={data.total} changes={data.changes} />
            <CheckoutForm data={data} placeOrder={placeOrder} payByCard={payByCard} />
          </div>
          <aside>
            <CreditSummary credit={data.credit} />
          </aside>
        </div>
      ) : null}
    </div>
  );
}
