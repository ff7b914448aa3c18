import type { BcStore } from '../store/store';

/**
 * Webhook facts BigCommerce keeps beside the hook object: which hooks the platform itself deactivated (after the
 * retry schedule ran out; `GET /v3/hooks/admin` reports them as `deactivated`, not `inactive`) and the admin
 * notification emails. Kept per store object so a sandbox reset forgets them with the store.
 */
interface HookState {
  deactivated: Set<number>;
  emails: string[];
}

const states = new WeakMap<BcStore, HookState>();

export function hookState(store: BcStore): HookState {
  let state = states.get(store);
  if (!state) {
    state = { deactivated: new Set(), emails: [] };
    states.set(store, state);
  }
  return state;
}
