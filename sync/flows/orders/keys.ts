/**
 * The order post-back's Redis keys, namespaced by store like `sync/state/keys.ts` (kept beside the flow that owns
 * them). BigCommerce holds the durable marker of a posted order (its `external_order_id`) and the ERP holds the
 * idempotency key (`bc-{storeHash}-{orderId}`); these keys are the fast path and the work lists.
 */
export function orderKeys(storeHash: string) {
  const base = `sync:${storeHash}:orders`;
  return {
    /** Hash: BigCommerce order id → JSON PostedOrderRecord, written once BigCommerce holds the ERP number. */
    posted: `${base}:posted`,
    /** Sorted set: posted orders whose ERP status, shipments and tracking still flow back; score = posted at (ms). */
    open: `${base}:open`,
    /** Hash: order id → fingerprint of the ERP state last mirrored to BigCommerce (unchanged → no BigCommerce calls). */
    flowbackApplied: `${base}:flowback-applied`,
    /** Hash: order id → JSON {kind, reason, at} for orders refused for good (dead-lettered; the scan skips them). */
    rejected: `${base}:rejected`,
    /** String: ISO time the catch-up scan has seen every order modified before. */
    scanWatermark: `${base}:scan-watermark`,
    /** One order's post/flow-back at a time, across every worker process. */
    lock: (orderId: number) => `${base}:lock:${orderId}`,
  };
}

export type OrderKeys = ReturnType<typeof orderKeys>;
