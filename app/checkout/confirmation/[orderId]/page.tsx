import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { OrderConfirmation } from '@/components/checkout/order-confirmation';
import { placedOrderFor } from '@/lib/checkout/placed-order';
import { getSignedInBuyer } from '@/lib/session/session';

export const metadata: Metadata = { title: 'Order placed' };

/** The placed order, for its own buyer only: another buyer (or a guessed number) gets "not found". */
export default async function OrderConfirmationPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const buyer = await getSignedInBuyer();
  if (!buyer) redirect(`/login?returnTo=/checkout/confirmation/${encodeURIComponent(orderId)}`);
  const id = Number(orderId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const order = await placedOrderFor(buyer.customerId, id);
  if (!order) notFound();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Order placed</h1>
      <OrderConfirmation order={order} />
    </div>
  );
}
