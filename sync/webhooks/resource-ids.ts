import type { ResourceIds } from '../triggers/trigger';

/** Per kind; a batch price-record event names at most 1,000 records, so real events stay under it. */
export const MAX_IDS_PER_KIND = 1_000;

const ID_KEY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_ids?$|^[a-z][a-zA-Z0-9]*Ids?$/;

/**
 * Pulls resource ids out of a webhook `data`, whatever its shape (FACTS §2.5, §3, §6): `{type, id}` becomes
 * `{<type>_id: [id]}`, `*_id` / `*_ids` / `*Id` keys are kept (one level of nesting, e.g. `sku.variant_id`,
 * `inventory.product_id`), and batch arrays are merged. Everything else in `data` is dropped on purpose.
 */
export function extractResourceIds(data: unknown): { ids: ResourceIds; truncated: boolean } {
  const sets = new Map<string, Set<number | string>>();
  let truncated = false;
  const add = (kind: string, value: unknown) => {
    if (!isId(value)) return;
    let set = sets.get(kind);
    if (!set) sets.set(kind, (set = new Set()));
    if (set.size >= MAX_IDS_PER_KIND && !set.has(value)) truncated = true;
    else set.add(value);
  };
  const visit = (node: unknown, depth: number) => {
    if (Array.isArray(node)) {
      if (depth < 2) for (const item of node) visit(item, depth + 1);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && /^[a-z_]+$/.test(record.type)) add(`${record.type}_id`, record.id);
    for (const [key, value] of Object.entries(record)) {
      if (ID_KEY.test(key)) {
        const kind = key.replace(/Ids?$/, '_id').replace(/_ids$/, '_id');
        for (const v of Array.isArray(value) ? value : [value]) add(kind, v);
      } else if (typeof value === 'object' && value !== null && depth < 2) {
        visit(value, depth + 1);
      }
    }
  };
  visit(data, 0);
  const ids: ResourceIds = {};
  for (const [kind, set] of [...sets].sort(([a], [b]) => a.localeCompare(b))) ids[kind] = [...set];
  return { ids, truncated };
}

function isId(value: unknown): value is number | string {
  return (
    (typeof value === 'number' && Number.isSafeInteger(value)) ||
    (typeof value === 'string' && /^[\w.-]{1,64}$/.test(value))
  );
}
