import Link from 'next/link';

export function SiteHeader({ storeName }: { storeName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between px-4 py-4 sm:px-6 lg:px-8">
        <Link href="/" className="text-lg font-semibold text-brand-700">
          {storeName}
        </Link>
      </div>
    </header>
  );
}
