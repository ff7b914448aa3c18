/** RFC 3986 percent-encoding as OAuth 1.0a requires (RFC 5849 §3.6): encodeURIComponent plus `!'()*`. */
export function pct(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
