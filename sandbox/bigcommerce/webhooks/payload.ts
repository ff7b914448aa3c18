import { createHash } from 'node:crypto';
import type { BcStore } from '../store/store';

export interface WebhookPayload {
  scope: string;
  store_id: string;
  data: unknown;
  /** SHA-1 of the JSON-encoded `data`: a de-duplication key, not a signature. */
  hash: string;
  created_at: number;
  producer: string;
}

export function buildPayload(store: BcStore, scope: string, data: unknown, now = Date.now()): WebhookPayload {
  return {
    scope,
    store_id: store.storeId,
    data,
    hash: createHash('sha1').update(JSON.stringify(data)).digest('hex'),
    created_at: Math.floor(now / 1000),
    producer: `stores/${store.storeHash}`,
  };
}
