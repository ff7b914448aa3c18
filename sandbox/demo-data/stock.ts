/**
 * Warehouses and stock levels. One row per sellable SKU per location, shaped so the storefront's availability
 * logic meets every case it must handle: plenty everywhere, stocked at one branch only, out of stock everywhere,
 * committed beyond on-hand (oversold, so backordered), and a thin Canadian branch.
 */
import type { Rng } from './random';
import type { DemoLocation, DemoProduct, DemoStockLevel } from './types';

export const LOCATIONS: readonly DemoLocation[] = [
  {
    id: 1,
    code: 'CHI-DC',
    label: 'Chicago Distribution Center',
    city: 'Chicago',
    state: 'IL',
    postalCode: '60638',
    countryCode: 'US',
  },
  {
    id: 2,
    code: 'DAL-BR',
    label: 'Dallas Branch',
    city: 'Dallas',
    state: 'TX',
    postalCode: '75247',
    countryCode: 'US',
  },
  {
    id: 3,
    code: 'RNO-DC',
    label: 'Reno Distribution Center',
    city: 'Reno',
    state: 'NV',
    postalCode: '89502',
    countryCode: 'US',
  },
  {
    id: 4,
    code: 'TOR-BR',
    label: 'Toronto Branch',
    city: 'Toronto',
    state: 'ON',
    postalCode: 'M9W 5Z4',
    countryCode: 'CA',
  },
];

/** Relative depth of each location's stock (the main DC carries the most). */
const DEPTH_BY_LOCATION: ReadonlyMap<number, number> = new Map([
  [1, 1.0],
  [2, 0.5],
  [3, 0.6],
  [4, 0.3],
]);

/** Share of SKUs with nothing available anywhere, and of SKUs stocked at a single location. */
const OUT_EVERYWHERE_SHARE = 0.05;
const SINGLE_LOCATION_SHARE = 0.1;

export function buildLocations(): DemoLocation[] {
  return LOCATIONS.map((location) => ({ ...location }));
}

export function buildStock(
  rng: Rng,
  products: readonly DemoProduct[],
  locations: readonly DemoLocation[],
): DemoStockLevel[] {
  const rows: DemoStockLevel[] = [];
  for (const product of products) {
    // Cheap consumables are stocked by the hundred, capital equipment by the unit.
    const [low, high] = product.price < 2_000 ? [40, 600] : product.price < 20_000 ? [8, 120] : [1, 12];
    for (const variant of product.variants) {
      const roll = rng.next();
      const onlyAt =
        roll >= OUT_EVERYWHERE_SHARE && roll < OUT_EVERYWHERE_SHARE + SINGLE_LOCATION_SHARE
          ? rng.chance(0.6)
            ? locations[0]?.id
            : rng.pick(locations).id
          : undefined;
      for (const location of locations) {
        let onHand: number;
        let committed: number;
        let backordered = 0;
        if (roll < OUT_EVERYWHERE_SHARE) {
          // Sold out: whatever is on the shelf is already promised; some branches carry customer backorders.
          onHand = rng.chance(0.5) ? 0 : rng.int(1, 5);
          committed = onHand;
          if (rng.chance(0.5)) backordered = rng.int(1, 40);
        } else if (onlyAt !== undefined && location.id !== onlyAt) {
          onHand = 0;
          committed = 0;
        } else {
          const depth = DEPTH_BY_LOCATION.get(location.id) ?? 0.5;
          onHand = Math.round(rng.int(low, high) * depth);
          committed = rng.int(0, Math.floor(onHand * 0.3));
          if (rng.chance(0.02)) {
            // Oversold: orders were committed beyond what is on hand; the shortfall is on backorder.
            committed = onHand + rng.int(1, 10);
            backordered = committed - onHand;
          }
        }
        rows.push({
          sku: variant.sku,
          locationId: location.id,
          onHand,
          committed,
          backordered,
          available: Math.max(0, onHand - committed),
        });
      }
    }
  }
  return rows;
}
