/**
 * "Did you mean …" for an unknown SKU: which words to search the catalog for, and which of the SKUs found are
 * close enough to offer. Pure; lookup-skus.ts runs the searches.
 */

/**
 * Search terms for an unknown SKU, most specific first: the SKU itself (a parent SKU, or a store that searches
 * SKU prefixes), then without its last segment (a mistyped size or pack: PPE-CRG-…-XXL), then its first two
 * segments (a typo in the middle: PPE-EPL-…). Segments are split on "-", "_", "." and "/".
 */
export function searchTermsFor(sku: string): string[] {
  const trimmed = sku.trim();
  const withoutLast = trimmed.replace(/[-_./][^-_./]*$/, '');
  const firstTwo = /^[^-_./]+[-_./][^-_./]+/.exec(trimmed)?.[0] ?? '';
  const first = /^[^-_./]+/.exec(trimmed)?.[0] ?? '';
  return [...new Set([trimmed, withoutLast, firstTwo, first].filter((term) => term.length >= 2))];
}

/** Up to `limit` candidate SKUs within a small edit distance of `sku` (case-insensitive), closest first. */
export function closestSkus(sku: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = sku.trim().toUpperCase();
  // A typo costs one edit; allow about one in three characters, at least two.
  const threshold = Math.max(2, Math.ceil(wanted.length / 3));
  const scored = [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(wanted, candidate.toUpperCase()) }))
    .filter(({ distance }) => distance <= threshold);
  scored.sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map(({ candidate }) => candidate);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}
