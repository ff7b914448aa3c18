/**
 * Hook scope matching. `store/product/*` subscribes to every scope under `store/product/` (including nested ones
 * such as `store/product/inventory/updated`); docs sometimes print scopes with a trailing slash, so that is
 * ignored on both sides.
 */
export function scopeMatches(hookScope: string, eventScope: string): boolean {
  const hook = hookScope.replace(/\/+$/, '');
  const event = eventScope.replace(/\/+$/, '');
  if (hook.endsWith('/*')) return event.startsWith(hook.slice(0, -1));
  return hook === event;
}

/** Well-formed scope: `store/…` path segments, optionally ending in a `*` wildcard segment. */
export function isValidScope(scope: string): boolean {
  return /^store(\/[A-Za-z0-9_]+)+(\/\*)?\/?$/.test(scope) || /^store\/\*$/.test(scope);
}
