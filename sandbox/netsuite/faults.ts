/**
 * Sandbox-only fault injection, so the sync's resilience can be tested against behaviour NetSuite really shows:
 * outages, slow responses, 5xx, and the nasty one — the server commits the write and the response never arrives.
 * Driven in-process (`emulator.faults`) or over HTTP at `/__sandbox/faults` (GET / POST to merge / DELETE to reset).
 */
import { z } from 'zod';

export const faultRuleSchema = z.object({
  /** Exact HTTP method, case-insensitive. Omitted: any. */
  method: z.string().optional(),
  /** Substring of the request path (query excluded). Omitted: any. */
  path: z.string().optional(),
  /**
   * error: answer `status` without doing anything.
   * commit-then-error: do the work, then answer `status` (a lost response after a commit).
   * commit-then-drop: do the work, then destroy the socket (a timeout after commit).
   * drop: destroy the socket without doing anything.
   * delay: add `delayMs` before handling.
   */
  kind: z.enum(['error', 'commit-then-error', 'commit-then-drop', 'drop', 'delay']),
  status: z.number().int().min(400).max(599).default(503),
  delayMs: z.number().int().min(0).default(0),
  /** How many matching requests this rule affects; omitted: all of them. */
  times: z.number().int().min(1).optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

export const faultConfigPatchSchema = z.object({
  /** Every governed request fails with 503 while true. */
  outage: z.boolean().optional(),
  /** Added to every governed request, while it holds a concurrency slot (so slowness causes 429s, as in life). */
  latencyMs: z.number().int().min(0).optional(),
  /** The account's concurrency limit (governanceLimits `accountConcurrencyLimit`). */
  concurrencyLimit: z.number().int().min(1).optional(),
  /** A limit an admin allocated to this integration (`integrationSpecific`); null: none, the integration shares the pool. */
  integrationConcurrencyLimit: z.number().int().min(1).nullable().optional(),
  /** Concurrency allocated to other integrations, which the unallocated pool loses. */
  allocatedToOtherIntegrations: z.number().int().min(0).optional(),
  /** How long an async job (`Prefer: respond-async`) waits in the queue before it runs. */
  asyncJobDelayMs: z.number().int().min(0).optional(),
  /** Appended to the active rules. */
  rules: z.array(faultRuleSchema).optional(),
});
export type FaultConfigPatch = z.input<typeof faultConfigPatchSchema>;

export interface FaultState {
  outage: boolean;
  latencyMs: number;
  concurrencyLimit: number;
  integrationConcurrencyLimit: number | null;
  allocatedToOtherIntegrations: number;
  asyncJobDelayMs: number;
  rules: FaultRule[];
}

export interface FaultDefaults {
  concurrencyLimit: number;
  latencyMs: number;
  integrationConcurrencyLimit?: number | null;
  allocatedToOtherIntegrations?: number;
}

export type FaultDecision =
  | { kind: 'none'; delayMs: number }
  | { kind: 'error' | 'commit-then-error'; status: number; delayMs: number }
  | { kind: 'drop' | 'commit-then-drop'; delayMs: number };

export class Faults {
  private state: FaultState;

  constructor(private readonly defaults: FaultDefaults) {
    this.state = this.initial();
  }

  private initial(): FaultState {
    return {
      outage: false,
      latencyMs: this.defaults.latencyMs,
      concurrencyLimit: this.defaults.concurrencyLimit,
      integrationConcurrencyLimit: this.defaults.integrationConcurrencyLimit ?? null,
      allocatedToOtherIntegrations: this.defaults.allocatedToOtherIntegrations ?? 0,
      asyncJobDelayMs: 0,
      rules: [],
    };
  }

  get snapshot(): FaultState {
    return structuredClone(this.state);
  }

  /** Accepts untrusted input (the admin HTTP body); throws a zod error on bad input. */
  set(patch: FaultConfigPatch): FaultState {
    const parsed = faultConfigPatchSchema.parse(patch);
    if (parsed.outage !== undefined) this.state.outage = parsed.outage;
    if (parsed.latencyMs !== undefined) this.state.latencyMs = parsed.latencyMs;
    if (parsed.concurrencyLimit !== undefined) this.state.concurrencyLimit = parsed.concurrencyLimit;
    if (parsed.integrationConcurrencyLimit !== undefined) this.state.integrationConcurrencyLimit = parsed.integrationConcurrencyLimit;
    if (parsed.allocatedToOtherIntegrations !== undefined) this.state.allocatedToOtherIntegrations = parsed.allocatedToOtherIntegrations;
    if (parsed.asyncJobDelayMs !== undefined) this.state.asyncJobDelayMs = parsed.asyncJobDelayMs;
    if (parsed.rules) this.state.rules.push(...parsed.rules);
    return this.snapshot;
  }

  reset(): FaultState {
    this.state = this.initial();
    return this.snapshot;
  }

  /** Picks the first matching rule and consumes one of its `times`. Delay rules add up with global latency. */
  decide(method: string, path: string): FaultDecision {
    let delayMs = this.state.latencyMs;
    for (const rule of this.state.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path && !path.includes(rule.path)) continue;
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times === 0) this.state.rules = this.state.rules.filter((r) => r !== rule);
      }
      if (rule.kind === 'delay') {
        delayMs += rule.delayMs;
        continue;
      }
      if (rule.kind === 'error' || rule.kind === 'commit-then-error') return { kind: rule.kind, status: rule.status, delayMs };
      return { kind: rule.kind, delayMs };
    }
    return { kind: 'none', delayMs };
  }
}
