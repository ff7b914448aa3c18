/**
 * Every Redis key the sync engine writes, in one place, namespaced by store so two stores (or a test and the dev
 * server) sharing one Redis never see each other's state.
 */
export function syncKeys(storeHash: string) {
  const base = `sync:${storeHash}`;
  return {
    /** Hash: record key → content hash of what BigCommerce last confirmed for one price list. */
    priceRecordHashes: (priceListId: number) => `${base}:pricelist:${priceListId}:hashes`,
    /** Hash: variant id → content hash of the last confirmed inventory for one location. */
    inventoryHashes: (locationId: number) => `${base}:inventory:${locationId}:hashes`,
    /** Set: SKUs (normalised) the ERP has listed stock for: their stock is the ERP's, zeroed when it stops listing it. */
    inventoryErpSkus: `${base}:inventory:erp-skus`,
    /** Hash: ERP price-level / contract key → JSON {customerGroupId, priceListId}. */
    pricingTargets: `${base}:pricing-targets`,
    /** Hash: ERP customer number → JSON of its pricing (level and own item prices) as last read in full. */
    customerPricing: `${base}:customer-pricing`,
    /** Hash: ERP customer number → JSON credit snapshot. */
    creditSnapshots: `${base}:credit`,
    /** Hash: flow → ERP watermark of the last complete run. */
    watermarks: `${base}:watermarks`,
    /** Hash per flow: counters and timestamps of the last runs. */
    flowStats: (flow: string) => `${base}:stats:${flow}`,
    /** Hash: DLQ entry id → JSON entry. */
    deadLetters: `${base}:dlq`,
    /** Stream + pub/sub channel of change events for the storefront cache. */
    events: `${base}:events`,
    /** Hash: when the webhook health check last ran and last had to repair a hook, and its report. */
    webhookHealth: `${base}:webhook-health`,
    /** Id of the last `sync:triggers` entry the worker turned into jobs. */
    triggerCursor: `${base}:triggers:cursor`,
    /** Lock so two runs of one flow never interleave. */
    flowLock: (flow: string) => `${base}:lock:${flow}`,
  };
}

export type SyncKeys = ReturnType<typeof syncKeys>;
