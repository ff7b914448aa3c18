import Link from 'next/link';

/** The header's cart link; `lineCount` null while it loads or when it could not be read. */
export function CartLink({ lineCount }: { lineCount: number | null }) {
  const label = lineCount === null ? 'Cart' : `Cart, ${lineCount} ${lineCount === 1 ? 'line' : 'lines'}`;
  return (
    <Link href="/cart" aria-label={label} data-testid="cart-link" className="flex items-center gap-1.5 rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50">
      Cart
      {lineCount === null ? null : (
        <span data-testid="cart-line-count" className="rounded-full bg-slate-800 px-2 text-xs font-semibold leading-5 text-white tabular-nums">
          {lineCount}
        </span>
      )}
    </Link>
  );
}
