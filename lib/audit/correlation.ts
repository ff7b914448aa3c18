import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { cache } from 'react';

/**
 * The correlation id of the current request, the same for every audit entry it writes: the `X-Request-Id` a
 * proxy in front of us set (so entries match its logs), when it looks like an id, otherwise a fresh UUID.
 */
export const getCorrelationId = cache(async (): Promise<string> => {
  const given = (await headers()).get('x-request-id');
  return given !== null && /^[\w.:-]{8,128}$/.test(given) ? given : randomUUID();
});
