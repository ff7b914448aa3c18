import { z } from 'zod';
import type { SyncTrigger } from '../triggers/trigger';
import { extractResourceIds } from './resource-ids';

/**
 * The BigCommerce callback body `{scope, store_id, data, hash, created_at, producer}` (FACTS §6). Only what a
 * trigger needs is required; `hash` goes into a Redis key, so its alphabet is restricted.
 */
export const webhookPayloadSchema = z.looseObject({
  scope: z
    .string({ error: 'scope is missing: expected a webhook scope such as "store/product/updated"' })
    .regex(/^store\/[\w/*]{1,200}$/, 'scope must be a webhook scope such as "store/product/updated"'),
  hash: z
    .string({ error: 'hash is missing: BigCommerce sends the SHA-1 of the payload data' })
    .regex(/^[A-Za-z0-9_-]{1,128}$/, 'hash must be 1 to 128 letters or digits (BigCommerce sends a hex SHA-1)'),
  data: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())], {
    error: 'data is missing or not an object: expected the event object (an array for batch price-record events)',
  }),
  created_at: z.number({ error: 'created_at must be a unix time in seconds' }).int().nonnegative().optional(),
  store_id: z.string().optional(),
  producer: z.string().optional(),
});

export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** `{error}` text for a body that is not a webhook payload: every problem, one clause each. */
export function describePayloadProblems(error: z.ZodError): string {
  return `not a BigCommerce webhook payload: ${error.issues.map((issue) => issue.message).join('; ')}`;
}

/**
 * The trigger for one callback: scope and resource ids only. The dedup key is scope + hash + created_at, not the
 * hash alone: `hash` is the SHA-1 of `data`, and `data` for `store/product/updated` is just `{type, id}`, so every
 * later update of the same product has the same hash. Deduping by hash alone for 24 h would silently drop them;
 * a redelivery or duplicate repeats the whole payload, so it still maps to the same key.
 */
export function triggerFromWebhook(payload: WebhookPayload, now = new Date()): SyncTrigger {
  const scope = payload.scope.replace(/\/+$/, '');
  const { ids, truncated } = extractResourceIds(payload.data);
  return {
    source: 'bigcommerce-webhook',
    scope,
    ids,
    ...(truncated ? { idsTruncated: true } : {}),
    receivedAt: now.toISOString(),
    ...(payload.created_at !== undefined ? { occurredAt: new Date(payload.created_at * 1000).toISOString() } : {}),
    dedupKey: `${scope}:${payload.hash}:${payload.created_at ?? ''}`,
  };
}
