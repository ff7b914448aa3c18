/**
 * The reps flow's Redis keys, namespaced by store like `sync/state/keys.ts` (kept beside the flow that owns them).
 * They hold what the ERP and BigCommerce say about sales reps; the storefront reads them on every rep request.
 */
export function repDirectoryKeys(storeHash: string) {
  const base = `sync:${storeHash}:reps`;
  return {
    /** Hash: ERP rep id → JSON RepRecord (identity and assigned accounts). */
    reps: `${base}:directory`,
    /** Hash: normalised e-mail → ERP rep id (how a rep signs in). */
    byEmail: `${base}:by-email`,
    /** Hash: ERP customer number of an assigned account → JSON AccountBuyer[] (its BigCommerce customers). */
    accountBuyers: `${base}:account-buyers`,
  };
}

export type RepDirectoryKeys = ReturnType<typeof repDirectoryKeys>;
