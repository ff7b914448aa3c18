import { v3Error, v3NotFound } from '../../http/errors';
import type { SandboxContext, SandboxResponse } from '../../http/types';
import type { BcPriceList } from '../../store/types';

/**
 * The 429 body the Price Lists spec documents for its per-endpoint concurrency caps. Note the relative `type`:
 * it differs from the store-wide quota 429 (which the dispatcher answers with the absolute URL).
 */
export function concurrencyLimited(): SandboxResponse {
  return { status: 429, body: { status: 429, title: 'Too many requests', type: '/api-docs/getting-started/api-status-codes', errors: {} } };
}

/** Per-store concurrency caps from price_lists.v3.yml (operation notes). The batch upsert cap comes from settings. */
export const CAPS = {
  recordsGet: 10,
  recordsCreate: 10,
  recordByVariantGet: 40,
  recordSet: 40,
  assignmentPut: 25,
  listDelete: 1,
} as const;

/** Path ids are integers; anything else is a 404 in BigCommerce (the route exists, the resource does not). */
export function pathId(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

export function findPriceList(ctx: SandboxContext, raw: string | undefined): BcPriceList | SandboxResponse {
  const id = pathId(raw);
  const list = id === undefined ? undefined : ctx.store.priceLists.get(id);
  return list ?? v3NotFound(`Price list with id ${raw ?? ''} was not found.`);
}

export function isPriceList(value: BcPriceList | SandboxResponse): value is BcPriceList {
  return 'name' in value && 'active' in value;
}

/** Runs `work` holding one of `cap` slots for `key`; answers the documented 429 when all slots are taken. */
export async function withSlot(
  ctx: SandboxContext,
  key: string,
  cap: number,
  work: () => SandboxResponse | Promise<SandboxResponse>,
): Promise<SandboxResponse> {
  const release = ctx.concurrency.tryAcquire(key, cap);
  if (!release) return concurrencyLimited();
  try {
    return await work();
  } finally {
    release();
  }
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function badQuery(message: string, field: string): SandboxResponse {
  return v3Error(422, message, { [field]: message });
}

/** ISO-4217 codes Node knows (Intl), lower-cased as BigCommerce returns them. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency').map((c) => c.toLowerCase()));

export function isCurrency(value: unknown): value is string {
  return typeof value === 'string' && CURRENCIES.has(value.toLowerCase());
}

export function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
