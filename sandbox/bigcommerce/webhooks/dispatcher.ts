import type { FaultInjector } from '../faults';
import type { SandboxSettings } from '../settings';
import type { BcStore, StoreEvent } from '../store/store';
import type { BcWebhook } from '../store/types';
import { DeliveryLog, type Delivery, type DeliveryAttempt } from './delivery-log';
import { hookState } from './hook-state';
import { buildPayload } from './payload';
import { scopeMatches } from './scope';

export interface FlushResult {
  settled: boolean;
  in_flight: number;
  retries_scheduled: number;
}

/**
 * Delivers store events to webhooks the way BigCommerce does: a JSON POST of
 * `{scope, store_id, data, hash, created_at, producer}` plus the hook's custom headers to every active hook whose
 * scope matches. Only a 2xx answer within `timeoutMs` counts; anything else is retried after each delay of
 * `settings.webhooks.retryScheduleMs`, and when the last retry fails too the hook is deactivated
 * (`is_active=false`). The drop/duplicate faults decide how many copies of each delivery are sent.
 */
export class WebhookDispatcher {
  readonly log = new DeliveryLog();
  private store: BcStore | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly timers = new Map<number, { timer: NodeJS.Timeout; fire: () => void }>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly aborts = new Set<AbortController>();
  private stopped = false;

  constructor(
    readonly settings: SandboxSettings,
    readonly faults: FaultInjector,
  ) {}

  /** Listen to a (new) store's events; the sandbox calls this at start and after every reset. */
  attach(store: BcStore): void {
    this.unsubscribe?.();
    // Retries belong to the old store's hooks, which a reset has just discarded.
    this.cancelRetries();
    this.store = store;
    this.stopped = false;
    this.unsubscribe = store.onEvent((event) => this.onEvent(store, event));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.cancelRetries();
    for (const controller of this.aborts) controller.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Waits until no delivery is in flight and no retry is pending, or `timeoutMs` passes. With
   * `fireRetriesNow`, pending retries run immediately instead of waiting for their delay (for a real schedule).
   */
  async flush(options: { timeoutMs?: number; fireRetriesNow?: boolean } = {}): Promise<FlushResult> {
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    while (Date.now() < deadline) {
      if (options.fireRetriesNow) for (const { fire } of [...this.timers.values()]) fire();
      if (this.inFlight.size > 0) await Promise.race([Promise.allSettled([...this.inFlight]), sleep(Math.max(0, deadline - Date.now()))]);
      else if (this.timers.size > 0) await sleep(Math.min(5, Math.max(0, deadline - Date.now())));
      if (this.inFlight.size === 0 && this.timers.size === 0) break;
    }
    return { settled: this.inFlight.size === 0 && this.timers.size === 0, in_flight: this.inFlight.size, retries_scheduled: this.timers.size };
  }

  private onEvent(store: BcStore, event: StoreEvent): void {
    if (this.stopped) return;
    const hooks = [...store.webhooks.values()].filter((hook) => hook.is_active && scopeMatches(hook.scope, event.scope));
    for (const hook of hooks) {
      const payload = buildPayload(store, event.scope, event.data);
      const copies = this.faults.webhookCopies();
      const base = { hook_id: hook.id, scope: event.scope, payload, attempts: [], next_attempt_at: null, created_at: new Date().toISOString() };
      if (copies === 0) {
        this.log.add({ ...base, copy: 1, status: 'dropped' });
        continue;
      }
      for (let copy = 1; copy <= copies; copy++) {
        const delivery = this.log.add({ ...base, attempts: [], copy, status: 'in_flight' });
        this.track(this.attempt(store, delivery));
      }
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async attempt(store: BcStore, delivery: Delivery): Promise<void> {
    const hook = store.webhooks.get(delivery.hook_id);
    // A hook deleted or switched off while a retry was pending gets nothing more.
    if (!hook || !hook.is_active || this.stopped || store !== this.store) {
      delivery.status = 'cancelled';
      delivery.next_attempt_at = null;
      return;
    }
    delivery.status = 'in_flight';
    delivery.next_attempt_at = null;
    const result = await this.post(hook, delivery);
    delivery.attempts.push(result);
    if (result.ok) {
      delivery.status = 'delivered';
      return;
    }
    if (this.stopped) {
      delivery.status = 'cancelled';
      return;
    }
    const retryIndex = delivery.attempts.length - 1;
    const delay = this.settings.webhooks.retryScheduleMs[retryIndex];
    if (delay === undefined) {
      this.deactivate(store, hook);
      delivery.status = 'failed';
      return;
    }
    this.scheduleRetry(store, delivery, delay);
  }

  private scheduleRetry(store: BcStore, delivery: Delivery, delayMs: number): void {
    delivery.status = 'retry_scheduled';
    delivery.next_attempt_at = new Date(Date.now() + delayMs).toISOString();
    const fire = () => {
      const entry = this.timers.get(delivery.id);
      if (!entry) return;
      clearTimeout(entry.timer);
      this.timers.delete(delivery.id);
      this.track(this.attempt(store, delivery));
    };
    this.timers.set(delivery.id, { timer: setTimeout(fire, delayMs), fire });
  }

  /** After the final retry BigCommerce deactivates the hook; `PUT /v3/hooks/{id} {"is_active": true}` revives it. */
  private deactivate(store: BcStore, hook: BcWebhook): void {
    hook.is_active = false;
    hook.updated_at = Math.floor(Date.now() / 1000);
    hookState(store).deactivated.add(hook.id);
  }

  private async post(hook: BcWebhook, delivery: Delivery): Promise<DeliveryAttempt> {
    const controller = new AbortController();
    this.aborts.add(controller);
    const timer = setTimeout(() => controller.abort(), this.settings.webhooks.timeoutMs);
    const started = Date.now();
    const base = { attempt: delivery.attempts.length + 1, started_at: new Date(started).toISOString(), destination: hook.destination };
    try {
      const response = await fetch(hook.destination, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(hook.headers ?? {}) },
        body: JSON.stringify(delivery.payload),
        signal: controller.signal,
      });
      // Drain the body so the connection is released; its content is irrelevant.
      await response.arrayBuffer().catch(() => undefined);
      return { ...base, duration_ms: Date.now() - started, status: response.status, ok: response.status >= 200 && response.status < 300 };
    } catch (error) {
      const message = controller.signal.aborted ? `timed out after ${this.settings.webhooks.timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      return { ...base, duration_ms: Date.now() - started, error: message, ok: false };
    } finally {
      clearTimeout(timer);
      this.aborts.delete(controller);
    }
  }

  private cancelRetries(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const delivery of this.log.list({ status: 'retry_scheduled' })) {
      delivery.status = 'cancelled';
      delivery.next_attempt_at = null;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
