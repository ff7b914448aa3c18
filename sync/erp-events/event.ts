import { z } from 'zod';
import type { ResourceIds, SyncTrigger } from '../triggers';

/**
 * An ERP change event as the ERP-side script sends it: what changed, keyed the way the sync keys ERP data. Only
 * the keys become a trigger; the worker reads the current values from the ERP, so the event's other fields (new
 * prices, quantities) are never trusted as data.
 */
const key = z.union([z.string().min(1).max(128), z.number()]);
export const erpEventSchema = z.object({
  seq: z.number().int().nonnegative(),
  type: z.string().regex(/^[a-z]+(\.[a-z]+)+$/, 'must be a dotted event type such as "item.price.changed"'),
  at: z.iso.datetime({ offset: true }),
  data: z.looseObject({
    sku: key.optional(),
    customerNumber: key.optional(),
    locationCode: key.optional(),
    externalId: key.optional(),
  }),
});
export type ErpEvent = z.infer<typeof erpEventSchema>;

const ID_FIELDS = ['sku', 'customerNumber', 'locationCode', 'externalId'] as const;

export function triggerFromErpEvent(event: ErpEvent, receivedAt = new Date()): SyncTrigger {
  const ids: ResourceIds = {};
  for (const field of ID_FIELDS) {
    const value = event.data[field];
    if (value !== undefined) ids[field] = [value];
  }
  return {
    source: 'erp-event',
    scope: event.type,
    ids,
    receivedAt: receivedAt.toISOString(),
    occurredAt: event.at,
    // `seq` alone restarts with the ERP-side counter; with the time it names one event.
    dedupKey: `${event.type}:${event.seq}:${event.at}`,
  };
}

export function describeEventProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}
