/**
 * Account concurrency governance (§4.6): web services share one per-account limit; an admin may allocate a limit
 * to an integration, and integrations without one share what is left unallocated. A request over its limit is
 * rejected at once (not queued) with 429 and CONCURRENCY_LIMIT_EXCEEDED ([I] status for REST and the code name).
 *
 * The emulator serves one integration (every dev credential belongs to it); other integrations exist only as the
 * concurrency allocated to them, which shrinks the unallocated pool.
 */
export interface GovernanceConfig {
  accountLimit: number;
  /** This integration's allocated limit; null: it shares the unallocated pool. */
  integrationLimit: number | null;
  allocatedToOthers: number;
}

/** The unallocated pool: the account limit minus every integration-specific allocation (never below 0). */
function unallocated(config: GovernanceConfig): number {
  return Math.max(0, config.accountLimit - config.allocatedToOthers - (config.integrationLimit ?? 0));
}

/** What this integration may have in flight. */
export function effectiveLimit(config: GovernanceConfig): number {
  return Math.min(config.accountLimit, config.integrationLimit ?? unallocated(config));
}

export class ConcurrencyGate {
  private inFlight = 0;
  /** Highest concurrency observed, so tests can prove a client stayed under its cap. */
  peak = 0;
  rejected = 0;

  constructor(private readonly config: () => GovernanceConfig) {}

  /** Requests holding a slot right now. */
  get active(): number {
    return this.inFlight;
  }

  /** Forget the peak and rejection count (tests measure one phase at a time). */
  resetStats(): void {
    this.peak = this.inFlight;
    this.rejected = 0;
  }

  tryAcquire(): boolean {
    if (this.inFlight >= effectiveLimit(this.config())) {
      this.rejected += 1;
      return false;
    }
    this.inFlight += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    return true;
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** `GET /system/v1/governanceLimits` in the documented shape (§4.6, Oracle's GovernanceLimits Operation). */
  limits(): Record<string, unknown> {
    const config = this.config();
    const account = { accountConcurrencyLimit: config.accountLimit, accountUnallocatedConcurrencyLimit: unallocated(config) };
    if (config.integrationLimit === null) return { ...account, integrationLimitType: 'accountLimit' };
    return { ...account, integrationConcurrencyLimit: config.integrationLimit, integrationLimitType: 'integrationSpecific' };
  }
}
