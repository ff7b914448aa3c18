/**
 * How many requests this process may have in flight against one NetSuite account (§4.6). NetSuite rejects (429)
 * rather than queues requests over the limit, so the client holds one semaphore per account and integration,
 * sized from `GET /system/v1/governanceLimits`:
 * - `integrationSpecific` → `integrationConcurrencyLimit`, what an admin allocated to this integration;
 * - `accountLimit` → `accountUnallocatedConcurrencyLimit`, the pool every integration without an allocation
 *   shares; `internal` is treated the same way [I].
 * The operation only answers administrators; when it can't be read the configured value is used ("or from
 * configuration when the role is not admin"). A configured value also caps the derived one, so a merchant can
 * leave headroom for other integrations. The limit is re-read every `refreshMs` in case an admin reallocates.
 */

/** The limit the sheet's rules give for a governanceLimits answer; null when the answer isn't usable. */
export function limitFromGovernance(body: unknown): number | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const positive = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null);
  if (b['integrationLimitType'] === 'integrationSpecific') return positive(b['integrationConcurrencyLimit']);
  if (b['integrationLimitType'] === 'accountLimit' || b['integrationLimitType'] === 'internal') return positive(b['accountUnallocatedConcurrencyLimit']);
  return null;
}

/** A semaphore whose size can change while requests are in flight (shrinking lets running ones finish). */
export class ResizableSemaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private size: number) {}

  get limit(): number {
    return this.size;
  }

  resize(size: number): void {
    this.size = Math.max(1, size);
    this.wake();
  }

  private wake(): void {
    while (this.active < this.size && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()?.();
    }
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.size && this.waiting.length === 0) this.active += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the slot is taken for us in wake()
    try {
      return await fn();
    } finally {
      this.active -= 1;
      this.wake();
    }
  }
}

export interface AccountConcurrencyOptions {
  /** Reads governanceLimits without taking a slot; null when it can't be read. */
  readLimit: () => Promise<number | null>;
  /** Used when governanceLimits can't be read; also caps the derived limit. */
  configured?: number;
  refreshMs: number;
}

/** The per-account (and integration) limiter: sized on first use, re-read in the background when stale. */
export class AccountConcurrency {
  private readonly semaphore = new ResizableSemaphore(1);
  private sized: Promise<void> | null = null;
  private refreshing = false;
  private sizedAt = 0;
  /** Where the current size came from, for logs and tests. */
  source: 'governance' | 'configuration' = 'configuration';

  constructor(private readonly options: AccountConcurrencyOptions) {}

  get limit(): number {
    return this.semaphore.limit;
  }

  private apply(derived: number | null): void {
    const configured = this.options.configured;
    this.source = derived === null ? 'configuration' : 'governance';
    const size = derived === null ? (configured ?? 1) : Math.min(derived, configured ?? derived);
    this.semaphore.resize(size);
    this.sizedAt = Date.now();
  }

  private refreshIfStale(): void {
    if (this.refreshing || Date.now() - this.sizedAt < this.options.refreshMs) return;
    this.refreshing = true;
    // The re-read takes a slot like any request, so it can't push us over the limit.
    void this.semaphore
      .run(() => this.options.readLimit())
      .then((derived) => this.apply(derived), () => undefined)
      .finally(() => {
        this.refreshing = false;
      });
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    // The first read runs alone: nothing else can hold a slot until it has answered.
    this.sized ??= this.options.readLimit().then((derived) => this.apply(derived), () => this.apply(null));
    await this.sized;
    this.refreshIfStale();
    return this.semaphore.run(fn);
  }
}

const shared = new Map<string, AccountConcurrency>();

/**
 * One limiter per account + integration in this process ("serialise per account"): every client built for the
 * same account and credential shares it, so two adapters can't add up past NetSuite's limit.
 */
export function sharedAccountConcurrency(key: string, create: () => AccountConcurrency): AccountConcurrency {
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = create();
    shared.set(key, limiter);
  }
  return limiter;
}
