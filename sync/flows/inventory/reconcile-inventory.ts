import type { SyncContext } from '../../context';
import type { LevelDiff } from './location-pusher';
import { syncInventory } from './sync-inventory';

/** Differing levels kept per location as examples: enough to recognise a pattern, small enough to log. */
const SAMPLES_PER_LOCATION = 10;

export interface LocationDrift {
  locationId: number;
  code: string;
  /** Levels BigCommerce holds differently from the ERP's available (or lacks). */
  toAdjust: number;
  /** Levels BigCommerce still holds stock for that the ERP no longer stocks there. */
  toZero: number;
  samples: LevelDiff[];
}

export interface InventoryDriftReport {
  locations: LocationDrift[];
  /** Drift found before any fix. */
  found: number;
  /** Drift left at the end (after --fix, what the fix could not repair). */
  remaining: number;
  fixed: boolean;
}

/**
 * The inventory counterpart of reconcile-prices.ts: compares the ERP's available per SKU and location with what
 * BigCommerce really holds (every location read back from `/v3/inventory/locations/{id}/items`, nothing taken from
 * the hash store) and reports the difference per location, with sample levels. With `fix`, runs a full sync (absolute
 * adjustments, the usual batching and change events) and measures again, so `remaining` is honest.
 */
export async function reconcileInventory(ctx: SyncContext, options: { fix?: boolean } = {}): Promise<InventoryDriftReport> {
  const measure = async (): Promise<LocationDrift[]> => {
    const locations: LocationDrift[] = [];
    await syncInventory(ctx, {
      full: true,
      dryRun: true,
      readBack: true,
      samplesPerLocation: SAMPLES_PER_LOCATION,
      onLocationTotals: (locationId, code, totals, samples) => locations.push({ locationId, code, toAdjust: totals.changed, toZero: totals.deleted, samples }),
    });
    return locations;
  };
  const total = (locations: LocationDrift[]) => locations.reduce((sum, l) => sum + l.toAdjust + l.toZero, 0);
  const before = await measure();
  if (!options.fix || total(before) === 0) return { locations: before, found: total(before), remaining: total(before), fixed: false };
  // Read back again rather than trust the hash store a dry run happened to refresh.
  await syncInventory(ctx, { full: true, readBack: true });
  const after = await measure();
  return { locations: after, found: total(before), remaining: total(after), fixed: true };
}
