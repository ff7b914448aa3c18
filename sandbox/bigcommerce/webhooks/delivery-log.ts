import type { WebhookPayload } from './payload';

export interface DeliveryAttempt {
  attempt: number;
  started_at: string;
  duration_ms: number;
  destination: string;
  /** HTTP status of the destination's answer; absent when it never answered (refused, timeout). */
  status?: number;
  error?: string;
  ok: boolean;
}

export type DeliveryStatus = 'in_flight' | 'retry_scheduled' | 'delivered' | 'failed' | 'dropped' | 'cancelled';

export interface Delivery {
  id: number;
  hook_id: number;
  scope: string;
  /** 1, or 2 for the second copy of a duplicated delivery. */
  copy: number;
  payload: WebhookPayload;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  next_attempt_at: string | null;
  created_at: string;
}

/** Bounded so a long-running dev sandbox does not grow without limit; tests read far fewer entries. */
const MAX_ENTRIES = 5000;

export class DeliveryLog {
  private readonly entries: Delivery[] = [];
  private nextId = 1;

  add(entry: Omit<Delivery, 'id'>): Delivery {
    const delivery = { id: this.nextId++, ...entry };
    this.entries.push(delivery);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return delivery;
  }

  list(filter: { hookId?: number; scope?: string; status?: string } = {}): Delivery[] {
    return this.entries.filter(
      (d) =>
        (filter.hookId === undefined || d.hook_id === filter.hookId) &&
        (filter.scope === undefined || d.scope === filter.scope) &&
        (filter.status === undefined || d.status === filter.status),
    );
  }

  clear(): void {
    this.entries.length = 0;
  }
}
