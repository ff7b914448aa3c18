import Link from 'next/link';

/** Cursor paging: BigCommerce gives previous/next cursors, not page numbers. */
export function Pagination({ previousHref, nextHref }: { previousHref: string | null; nextHref: string | null }) {
  if (!previousHref && !nextHref) return null;
  const linkClass = 'rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50';
  return (
    <nav aria-label="Pagination" className="flex justify-between gap-4">
      {previousHref ? (
        <Link href={previousHref} className={linkClass} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} className={linkClass} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
