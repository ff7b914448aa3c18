import { z } from 'zod';

/**
 * Fault injection, driven through the sandbox-only admin path `/__sandbox/faults` (never under `/stores`, so a
 * client pointed at a real store can never reach it). Randomness is seeded, so a test that asks for a 30% 5xx
 * ratio gets the same sequence of failures on every run.
 */
export const faultConfigSchema = z
  .object({
    /** Only requests whose path starts with this are affected (e.g. "/v3/pricelists", "/graphql"). */
    pathPrefix: z.string().default(''),
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    latencyJitterMs: z.number().int().min(0).max(60_000).default(0),
    /** Share of requests answered with `error5xxStatus` instead of being processed. */
    error5xxRatio: z.number().min(0).max(1).default(0),
    error5xxStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(500),
    /** The next N requests get 429 with rate-limit headers showing an exhausted quota (a "429 storm"). */
    storm429Requests: z.number().int().min(0).default(0),
    /** Share of requests answered 429 *without* rate-limit headers (platform overload). */
    overload429Ratio: z.number().min(0).max(1).default(0),
    /** Share of webhook deliveries silently not sent. */
    webhookDropRatio: z.number().min(0).max(1).default(0),
    /** Share of webhook deliveries sent twice. */
    webhookDuplicateRatio: z.number().min(0).max(1).default(0),
    seed: z.number().int().default(1),
  })
  .strict();

export type FaultConfig = z.infer<typeof faultConfigSchema>;

export type FaultOutcome =
  | { kind: 'none' }
  | { kind: 'error5xx'; status: number }
  | { kind: 'storm429' }
  | { kind: 'overload429' };

export class FaultInjector {
  private config: FaultConfig = faultConfigSchema.parse({});
  private random = mulberry32(1);

  get current(): FaultConfig {
    return this.config;
  }

  set(input: unknown): FaultConfig {
    this.config = faultConfigSchema.parse(input);
    this.random = mulberry32(this.config.seed);
    return this.config;
  }

  clear(): void {
    this.set({});
  }

  applies(path: string): boolean {
    return path.startsWith(this.config.pathPrefix);
  }

  latencyFor(path: string): number {
    if (!this.applies(path) || (this.config.latencyMs === 0 && this.config.latencyJitterMs === 0)) return 0;
    return this.config.latencyMs + Math.floor(this.random() * (this.config.latencyJitterMs + 1));
  }

  /** Decide the fate of one API request (after latency). */
  decide(path: string): FaultOutcome {
    if (!this.applies(path)) return { kind: 'none' };
    if (this.config.storm429Requests > 0) {
      this.config = { ...this.config, storm429Requests: this.config.storm429Requests - 1 };
      return { kind: 'storm429' };
    }
    if (this.config.overload429Ratio > 0 && this.random() < this.config.overload429Ratio) return { kind: 'overload429' };
    if (this.config.error5xxRatio > 0 && this.random() < this.config.error5xxRatio) {
      return { kind: 'error5xx', status: this.config.error5xxStatus };
    }
    return { kind: 'none' };
  }

  /** How many times to send one webhook delivery: 0 (dropped), 1, or 2 (duplicated). */
  webhookCopies(): 0 | 1 | 2 {
    if (this.config.webhookDropRatio > 0 && this.random() < this.config.webhookDropRatio) return 0;
    if (this.config.webhookDuplicateRatio > 0 && this.random() < this.config.webhookDuplicateRatio) return 2;
    return 1;
  }
}

/** Small deterministic PRNG (public-domain mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
