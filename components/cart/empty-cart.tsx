import Link from 'next/link';

export function EmptyCart() {
  return (
    <div className="flex flex-col items-start gap-3" data-testid="empty-cart">
      <p className="text-slate-700">Your cart is empty.</p>
      <p className="text-sm text-slate-600">
        Add items from a product page, or paste a list of SKUs on the{' '}
        <Link href="/quick-order" className="font-medium text-brand-700 underline">
          quick order pad
        </Link>
        .
      </p>
    </div>
  );
}
