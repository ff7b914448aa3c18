'use client';

import { useRouter } from 'next/navigation';
import { startTransition } from 'react';

/**
 * Shown when a page could not be built, most often because the store's API did not answer (timeout, 5xx, a
 * refused token). The details are in the server log under the digest; the buyer gets a way forward. "Try again"
 * re-runs the server render (router.refresh) as well as resetting the boundary, since the failure was server-side.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col gap-4 rounded border border-amber-300 bg-amber-50 p-6" data-testid="page-error">
      <h1 className="text-xl font-semibold">We could not load this page</h1>
      <p className="text-sm text-slate-700">
        The store did not answer in time or refused the request. This is usually temporary: try again in a moment. If it keeps
        happening, contact your account manager and quote the reference below.
      </p>
      <div className="flex items-center gap-4">
        <button type="button" onClick={retry} className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white">
          Try again
        </button>
        {error.digest ? <span className="text-xs text-slate-500">Reference {error.digest}</span> : null}
      </div>
    </div>
  );
}
