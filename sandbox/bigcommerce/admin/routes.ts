import { z } from 'zod';
import type { FaultInjector } from '../faults';
import type { Router } from '../http/router';
import type { StoreRateLimiter } from '../http/rate-limit';
import type { SandboxSettings } from '../settings';
import { v3Error } from '../http/errors';

export interface AdminDeps {
  settings: SandboxSettings;
  faults: FaultInjector;
  rateLimiter: StoreRateLimiter;
  reseed: () => void;
}

const rateLimitSchema = z
  .object({ enabled: z.boolean().optional(), quota: z.number().int().min(1).optional(), windowMs: z.number().int().min(10).optional() })
  .strict();

/**
 * `/__sandbox/*`: controls for tests, benchmarks and demos. Not part of any BigCommerce API, and deliberately
 * outside `/stores/…` so code pointed at a real store cannot call it.
 */
export function registerAdminRoutes(router: Router, deps: AdminDeps): void {
  const { settings, faults, rateLimiter } = deps;

  router.get('/__sandbox/health', () => ({ status: 200, body: { ok: true, storeHash: settings.storeHash } }));

  router.get('/__sandbox/faults', () => ({ status: 200, body: faults.current }));
  router.put('/__sandbox/faults', (req) => {
    const parsed = z.unknown().pipe(z.record(z.string(), z.unknown())).safeParse(req.body ?? {});
    if (!parsed.success) return v3Error(422, 'Fault config must be a JSON object');
    try {
      return { status: 200, body: faults.set(parsed.data) };
    } catch (error) {
      return v3Error(422, 'Invalid fault config', { detail: error instanceof Error ? error.message : String(error) });
    }
  });
  router.delete('/__sandbox/faults', () => {
    faults.clear();
    return { status: 204 };
  });

  router.get('/__sandbox/rate-limit', () => ({ status: 200, body: settings.rateLimit }));
  router.put('/__sandbox/rate-limit', (req) => {
    const parsed = rateLimitSchema.safeParse(req.body ?? {});
    if (!parsed.success) return v3Error(422, 'Invalid rate-limit settings', { detail: parsed.error.message });
    Object.assign(settings.rateLimit, parsed.data);
    rateLimiter.reset();
    return { status: 200, body: settings.rateLimit };
  });

  router.post('/__sandbox/reset', () => {
    deps.reseed();
    faults.clear();
    rateLimiter.reset();
    return { status: 204 };
  });
}
