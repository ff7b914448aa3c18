import type { DemoDataset } from '../../demo-data/types';
import { BcStore, nowIso } from '../store/store';
import type { BcLocation } from '../store/types';

export function seedDefaultLocation(store: BcStore): void {
  // Every BigCommerce store has location 1.
  store.locations.set(
    1,
    makeLocation(1, 'DEFAULT', 'Default location', { city: '', state: '', zip: '', country_code: 'US' }),
  );
  store.reserveId('location', 1);
}

export function seedLocationsAndStock(store: BcStore, dataset: DemoDataset, created: string): void {
  for (const location of dataset.locations) {
    store.locations.set(
      location.id,
      makeLocation(location.id, location.code, location.label, {
        city: location.city,
        state: location.state,
        zip: location.postalCode,
        country_code: location.countryCode,
      }),
    );
    store.reserveId('location', location.id);
  }
  for (const level of dataset.stock) {
    const variantId = store.variantIdBySku.get(level.sku);
    const variant = variantId === undefined ? undefined : store.variants.get(variantId);
    if (!variant) throw new Error(`demo stock row for unknown SKU ${level.sku}`);
    // BigCommerce sells what it holds as on-hand, so it carries the ERP's *available* (not on-hand) quantity.
    store.inventory.set(BcStore.inventoryKey(level.locationId, variant.id), {
      location_id: level.locationId,
      variant_id: variant.id,
      product_id: variant.product_id,
      sku: variant.sku,
      total_inventory_onhand: level.available,
      safety_stock: 0,
      is_in_stock: level.available > 0,
      warning_level: 0,
      bin_picking_number: '',
      absolute_set: true,
    });
    variant.inventory_level += level.available;
    const product = store.products.get(variant.product_id);
    if (product) product.inventory_level += level.available;
  }
  void created;
}

/** Returns each company's customer group id. */

function makeLocation(
  id: number,
  code: string,
  label: string,
  address: { city: string; state: string; zip: string; country_code: string },
): BcLocation {
  const created = nowIso();
  const day = { open: true, opening: '07:00', closing: '18:00' };
  return {
    id,
    code,
    label,
    description: '',
    managed_by_external_source: false,
    type_id: 'PHYSICAL',
    enabled: true,
    storefront_visibility: true,
    time_zone: 'America/Chicago',
    address: {
      address1: '',
      address2: '',
      email: `${code.toLowerCase()}@northwind-industrial.example`,
      phone: '',
      geo_coordinates: { latitude: 0, longitude: 0 },
      ...address,
    },
    operating_hours: {
      monday: day,
      tuesday: day,
      wednesday: day,
      thursday: day,
      friday: day,
      saturday: { ...day, open: false },
      sunday: { ...day, open: false },
    },
    special_hours: [],
    created_at: created,
    updated_at: created,
  };
}
