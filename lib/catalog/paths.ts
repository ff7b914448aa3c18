/**
 * BigCommerce SEO paths end in a slash ("/hex-bolts/"); Next serves "/hex-bolts" and would redirect the slashed
 * form. Links are written without it to save that round trip, and route lookup adds it back.
 */
export function storefrontHref(bigcommercePath: string): string {
  const trimmed = bigcommercePath.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

export function bigcommercePath(segments: readonly string[]): string {
  return `/${segments.map((s) => encodeURIComponent(decodeURIComponent(s))).join('/')}/`;
}
