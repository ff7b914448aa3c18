import 'server-only';
import { erpAdapterFromEnv, loadSyncConfig } from '@/sync/config';
import type { ErpAdapter } from '@/sync/erp/erp';

/**
 * The ERP adapter the account pages read invoices through: the same configuration as the sync, and the same
 * per-process instance the credit gate uses (`__erpAdapter` on globalThis, see lib/credit/buyer-credit.ts), so the
 * adapter's token and concurrency limits are shared rather than doubled.
 */
const holder = globalThis as typeof globalThis & { __erpAdapter?: ErpAdapter };

export function accountErp(): ErpAdapter {
  holder.__erpAdapter ??= erpAdapterFromEnv(loadSyncConfig());
  return holder.__erpAdapter;
}
