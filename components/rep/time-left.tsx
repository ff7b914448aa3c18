'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

function minutesLeft(expiresAt: string): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - Date.now()) / 60_000));
}

/**
 * Minutes until the impersonation ends, kept current in the browser. At zero it asks the server for the page
 * again: the server ends the impersonation (and records it), and the page comes back without the buyer.
 */
export function TimeLeft({ expiresAt }: { expiresAt: string }) {
  const router = useRouter();
  const [minutes, setMinutes] = useState(() => minutesLeft(expiresAt));
  useEffect(() => {
    const timer = setInterval(() => {
      const left = minutesLeft(expiresAt);
      setMinutes(left);
      if (left === 0) {
        clearInterval(timer);
        router.refresh();
      }
    }, 15_000);
    return () => clearInterval(timer);
  }, [expiresAt, router]);
  return (
    <time dateTime={expiresAt} data-testid="acting-time-left" suppressHydrationWarning>
      {minutes === 1 ? '1 min left' : `${minutes} min left`}
    </time>
  );
}
