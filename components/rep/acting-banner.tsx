import Link from 'next/link';
import { TimeLeft } from './time-left';

export interface ActingBannerProps {
  repName: string;
  buyerName: string;
  buyerEmail: string;
  companyName: string;
  expiresAt: string;
  stopAction: () => Promise<void>;
}

/** On every page while a rep acts as a buyer: who is acting, for whom, for how much longer, and the way out. */
export function ActingBanner({ repName, buyerName, buyerEmail, companyName, expiresAt, stopAction }: ActingBannerProps) {
  return (
    <div role="status" className="bg-amber-100 text-amber-950" data-testid="acting-banner">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 text-sm sm:px-6 lg:px-8">
        <p>
          <span className="font-semibold" data-testid="acting-rep">{repName}</span> is acting as{' '}
          <span className="font-semibold" data-testid="acting-buyer">{buyerName}</span> ({buyerEmail}) for{' '}
          <span className="font-semibold" data-testid="acting-company">{companyName}</span>
        </p>
        <TimeLeft expiresAt={expiresAt} />
        <div className="ml-auto flex items-center gap-3">
          <Link href="/rep" className="underline">
            My accounts
          </Link>
          <form action={stopAction}>
            <button type="submit" className="rounded border border-amber-700 bg-white px-3 py-1 font-medium hover:bg-amber-50">
              Stop acting as {buyerName}
            </button>
          </form>
        </div>
      </div>
    </div>
  );
}
