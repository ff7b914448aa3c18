/**
 * Account concurrency governance (§4.6): web services share one per-account limit; a request over it is rejected
 * at once (not queued) with 429 and CONCURRENCY_LIMIT_EXCEEDED ([I] status for REST and the code name).
 */
export class ConcurrencyGate {
  private inFlight = 0;
  /** Highest concurrency observed, so tests can prove a client stayed under its cap. */
  peak = 0;
  rejected = 0;

  constructor(private readonly limit: () => number) {}

  /** Requests holding a slot right now. */
  get active(): number {
    return this.inFlight;
  }

  tryAcquire(): boolean {
    if (this.inFlight >= this.limit()) {
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

  /** `GET /system/v1/governanceLimits`; the emulator's integration uses the account limit. */
  limits(): Record<string, unknown> {
    const limit = this.limit();
    return { accountConcurrencyLimit: limit, accountUnallocatedConcurrencyLimit: limit, integrationLimitType: 'accountLimit' };
  }
}
