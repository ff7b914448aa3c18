import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-4 py-8">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600">This product or category does not exist, or it is not available to your account.</p>
      <Link href="/search" className="text-brand-700 underline">
        Search the catalog
      </Link>
    </div>
  );
}
