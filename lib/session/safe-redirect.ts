/**
 * Where to send a buyer after signing in. Only same-site paths are accepted: an absolute URL, a
 * protocol-relative "//host" or a backslash trick would turn the login page into an open redirect.
 */
export function safeReturnPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string' || candidate === '') return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return fallback;
  try {
    const url = new URL(candidate, 'http://same-site.invalid');
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Check the normalised result too: "/.//evil.example" normalises to "//evil.example".
    return url.origin === 'http://same-site.invalid' && !path.startsWith('//') && !path.includes('\\') ? path : fallback;
  } catch {
    return fallback;
  }
}
