import type { SyncContext } from '../../context';
import { syncPrices } from './sync-prices';

export interface ListDrift {
  priceListId: number;
  name: string;
  /** Records BigCommerce lacks or holds with different content. */
  toUpsert: number;
  /** Records BigCommerce holds that the ERP no longer has. */
  toDelete: number;
}

export interface DriftReport {
  lists: ListDrift[];
  /** Drift found before any fix. */
  found: number;
  /** Drift left at the end (after --fix, what the fix could not repair). */
  remaining: number;
  fixed: boolean;
}

/**
 * Compares the ERP with what BigCommerce really holds (every list read back, nothing taken from the hash store) and
 * reports the difference per list. With `fix`, runs a full sync and measures again, so `remaining` is honest.
 */
export async function reconcilePrices(ctx: SyncContext, options: { fix?: boolean } = {}): Promise<DriftReport> {
  const measure = async (): Promise<ListDrift[]> => {
    const lists: ListDrift[] = [];
    await syncPrices(ctx, {
      full: true,
      dryRun: true,
      readBack: true,
      onListTotals: (priceListId, name, totals) => lists.push({ priceListId, name, toUpsert: totals.changed, toDelete: totals.deleted }),
    });
    return lists;
  };
  const total = (lists: ListDrift[]) => lists.reduce((sum, l) => sum + l.toUpsert + l.toDelete, 0);
  const before = await measure();
  if (!options.fix || total(before) === 0) return { lists: before, found: total(before), remaining: total(before), fixed: false };
  // Read back again rather than trust the hash store a dry run happened to refresh.
  await syncPrices(ctx, { full: true, readBack: true });
  const after = await measure();
  return { lists: after, found: total(before), remaining: total(after), fixed: true };
}
