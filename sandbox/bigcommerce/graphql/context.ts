import type { StorefrontTokenClaims } from '../auth/storefront-tokens';
import type { SandboxSettings } from '../settings';
import type { BcStore } from '../store/store';
import type { BcCustomer } from '../store/types';

/** Per-request state every resolver sees. */
export interface GraphqlContext {
  store: BcStore;
  settings: SandboxSettings;
  channelId: number;
  token: StorefrontTokenClaims;
  /** Set only for an impersonation token with a valid X-Bc-Customer-Id: the shopper whose view is served. */
  customer: BcCustomer | undefined;
  /** Customer group used for prices (the customer's, or the guest group, or null). */
  customerGroupId: number | null;
  /** Origin that relative image paths are made absolute against (e.g. http://127.0.0.1:4010). */
  origin: string;
}
