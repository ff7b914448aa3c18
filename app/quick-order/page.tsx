import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { QuickOrderPad } from '@/components/quick-order/quick-order-pad';
import { getSignedInBuyer } from '@/lib/session/session';
import { addQuickOrderLines } from './_actions/add-lines';
import { checkLines } from './_actions/check-lines';
import { EMPTY_QUICK_ORDER } from './_actions/quick-order-state';

export const metadata: Metadata = { title: 'Quick order' };

export default async function QuickOrderPage() {
  if (!(await getSignedInBuyer())) redirect('/login?returnTo=/quick-order');
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Quick order</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Type or paste one SKU and quantity per line (<code>HX-2 10</code>, <code>HX-2,10</code>, or cells copied from a spreadsheet), or upload
          a CSV. Each line shows your contract price at that quantity and the stock before anything goes into your cart.
        </p>
      </div>
      <QuickOrderPad checkLines={checkLines} addLines={addQuickOrderLines} initial={EMPTY_QUICK_ORDER} />
    </div>
  );
}
