import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { OrderDetailView } from '@/components/account/order-detail-view';
import { ReorderPanel } from '@/components/account/reorder-panel';
import { getSignedInBuyer } from '@/lib/session/session';
import { reorderOrder } from '../../_actions/reorder';
import { NO_REORDER } from '../../_actions/reorder-state';
import { getOrderDetail } from '../../account-data';

export const metadata: Metadata = { title: 'Order' };

/** One of the buyer's orders; any other buyer's order id (or a guessed one) is "not found". */
export default async function AccountOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const buyer = await getSignedInBuyer();
  if (!buyer) redirect(`/login?returnTo=/account/orders/${encodeURIComponent(orderId)}`);
  const id = Number(orderId);
  if (!/^\d+$/.test(orderId) || !Number.isSafeInteger(id) || id <= 0) notFound();
  const order = await getOrderDetail(buyer.customerId, id);
  if (!order) notFound();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/account" className="text-sm text-brand-700 underline">
          ← Your account
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Order #{order.id}</h1>
      </div>
      <OrderDetailView order={order} actions={<ReorderPanel orderId={order.id} action={reorderOrder} initial={NO_REORDER} />} />
    </div>
  );
}
