import type { FaultInjector } from '../faults';
import type { SandboxSettings } from '../settings';
import type { BcStore } from '../store/store';

// In progress: webhook delivery is being built.
export class WebhookDispatcher {
  constructor(
    readonly settings: SandboxSettings,
    readonly faults: FaultInjector,
  ) {}
  /** Listen to a (new) store's events; the sandbox calls this at start and after every reset. */
  attach(store: BcStore): void {
    void store;
  }
  async stop(): Promise<void> {}
}
