import type { Handler } from './types';

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export interface RouteMatch {
  handler: Handler;
  params: Record<string, string>;
}

/**
 * A tiny path router: patterns like `/v3/pricelists/:price_list_id/records`. Literal segments win over
 * parameters at the same position (so `/v3/pricelists/assignments` is not read as a price list id).
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): void {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
  }

  get(pattern: string, handler: Handler): void {
    this.add('GET', pattern, handler);
  }
  post(pattern: string, handler: Handler): void {
    this.add('POST', pattern, handler);
  }
  put(pattern: string, handler: Handler): void {
    this.add('PUT', pattern, handler);
  }
  delete(pattern: string, handler: Handler): void {
    this.add('DELETE', pattern, handler);
  }

  /** `undefined` when no route has this path; `'method_not_allowed'` when the path exists under other verbs. */
  match(method: string, path: string): RouteMatch | 'method_not_allowed' | undefined {
    const segments = split(path);
    let best: { route: Route; params: Record<string, string>; literalCount: number } | undefined;
    let pathExists = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      pathExists = true;
      if (route.method !== method.toUpperCase()) continue;
      const literalCount = route.segments.filter((s) => !s.startsWith(':')).length;
      if (!best || literalCount > best.literalCount) best = { route, params, literalCount };
    }
    if (best) return { handler: best.route.handler, params: best.params };
    return pathExists ? 'method_not_allowed' : undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    const a = actual[i] as string;
    if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(a);
    else if (p !== a) return undefined;
  }
  return params;
}
