/**
 * BigCommerce only delivers to https on port 443 ("custom ports are not currently supported"). Local development
 * and tests need http://127.0.0.1:<port>, which `allowInsecure` permits.
 */
export function destinationProblem(destination: string, allowInsecure: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(destination);
  } catch {
    return 'destination must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'destination must be an http(s) URL';
  if (allowInsecure) return undefined;
  if (url.protocol !== 'https:') return 'destination must use https';
  if (url.port !== '' && url.port !== '443') return 'destination must be served on port 443; custom ports are not supported';
  return undefined;
}
