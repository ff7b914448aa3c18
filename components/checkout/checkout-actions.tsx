import Link from 'next/link';

/** The cart's way on to checkout; `seen` names the prices shown here so checkout can point out any change. */
export function CheckoutActions({ seen, blocked }: { seen: string; blocked: boolean }) {
  return (
    <div className="flex flex-col gap-1">
      <Link
        href={`/checkout?seen=${encodeURIComponent(seen)}`}
        data-testid="go-to-checkout"
        aria-disabled={blocked}
        className={`rounded px-4 py-2 text-center font-medium text-white ${blocked ? 'pointer-events-none bg-slate-400' : 'bg-brand-700 hover:bg-brand-600'}`}
      >
        Checkout
      </Link>
      {blocked ? <p className="text-xs text-slate-500">Fix the lines marked above to check out.</p> : null}
    </div>
  );
}
