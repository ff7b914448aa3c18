/**
 * A small in-process memo with a time to live, for Management API lookups that change rarely but sit on a page
 * render (price-list assignments, warehouse names): the store's REST quota is shared with the sync job, so a page
 * view must not spend it on the same answer again and again. Failed lookups are not kept. Data that must be dropped
 * when something changes, in every instance, belongs in the storefront cache instead (lib/cache/manifest.ts).
 */
export function ttlMemo<K, V>(ttlMs: number, load: (key: K) => Promise<V>, maxEntries = 1_000): (key: K) => Promise<V> {
  const entries = new Map<K, { value: Promise<V>; until: number }>();
  return (key) => {
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.until > now) return hit.value;
    if (entries.size >= maxEntries) entries.clear();
    const value = load(key);
    entries.set(key, { value, until: now + ttlMs });
    value.catch(() => entries.delete(key));
    return value;
  };
}
