/**
 * Query-string filters in BigCommerce's `field`, `field:in`, `field:min`/`field:max` style.
 */

/** Values of `name:in` (comma-separated) plus a plain `name`, or undefined when neither was given. */
export function readInList(query: URLSearchParams, name: string): string[] | undefined {
  const values: string[] = [];
  const plain = query.get(name);
  if (plain !== null) values.push(plain);
  const list = query.get(`${name}:in`);
  if (list !== null) values.push(...list.split(',').map((v) => v.trim()).filter(Boolean));
  return values.length > 0 || plain !== null || list !== null ? values : undefined;
}

/** Integer variant of `readInList`; non-integers are reported so the handler can answer 422. */
export function readIntList(query: URLSearchParams, name: string): { values?: number[]; invalid?: string } {
  const raw = readInList(query, name);
  if (!raw) return {};
  const values = raw.map(Number);
  const bad = raw.find((_, i) => !Number.isInteger(values[i]));
  return bad !== undefined ? { invalid: `${name} must be a list of integers, got "${bad}"` } : { values };
}

export function readIncludes(query: URLSearchParams): Set<string> {
  return new Set((query.get('include') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}
