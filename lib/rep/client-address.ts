/**
 * The client address sign-in limits key on: the right-most X-Forwarded-For entry, which is the one our nearest
 * proxy added (a client can prepend anything, but cannot change what the proxy appends). Next sets the header
 * from the socket when no proxy did. Anything that does not look like an IP address counts as "unknown".
 */
export function clientAddress(forwardedFor: string | null): string {
  const last = forwardedFor?.split(',').pop()?.trim() ?? '';
  return /^[0-9A-Fa-f.:]{2,45}$/.test(last) ? last.toLowerCase() : 'unknown';
}
