/**
 * Per-endpoint concurrency caps (e.g. one price-list batch upsert per store). BigCommerce does not queue the
 * excess: it answers 429 at once, so `tryAcquire` never waits.
 */
export class ConcurrencyLimiter {
  private readonly inFlight = new Map<string, number>();

  /** A release function when a slot is free; undefined when `cap` requests for `key` are already in flight. */
  tryAcquire(key: string, cap: number): (() => void) | undefined {
    const current = this.inFlight.get(key) ?? 0;
    if (current >= cap) return undefined;
    this.inFlight.set(key, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
    };
  }
}
