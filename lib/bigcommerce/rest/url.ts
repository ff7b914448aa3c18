/** Query values: arrays become comma lists, as BigCommerce filters expect (`id:in=1,2,3`). */
export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

/**
 * Percent-encode but keep `:` `,` `[` `]` `$` readable: BigCommerce filter keys look like
 * `sku:in` / `date_modified:min` and its docs show them unencoded.
 */
function encode(text: string): string {
  return encodeURIComponent(text)
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%5B/gi, '[')
    .replace(/%5D/gi, ']')
    .replace(/%24/g, '$');
}

export function buildQueryString(query: QueryParams | undefined): string {
  if (query === undefined) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    parts.push(`${encode(key)}=${encode(text)}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * Paths are relative to `/stores/{hash}` (e.g. `/v3/catalog/products`). Query strings go in
 * `query` so there is one place that encodes them; anything that could change the host is refused
 * so the X-Auth-Token can never be sent elsewhere.
 */
export function assertApiPath(path: string): void {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('?') || path.includes('#')) {
    throw new TypeError(
      `BigCommerce REST path must look like "/v3/catalog/products" (leading slash, no query or host); got "${path}"`,
    );
  }
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new TypeError(`BigCommerce REST path must not contain "." or ".." segments; got "${path}"`);
  }
}

export function buildStoreBaseUrl(apiUrl: string, storeHash: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(storeHash)) {
    throw new TypeError('storeHash must be the store hash only (letters, digits, - and _), e.g. "abc123"');
  }
  return `${apiUrl.replace(/\/+$/, '')}/stores/${storeHash}`;
}
