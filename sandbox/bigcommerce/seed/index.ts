import type { DemoDataset } from '../../demo-data/types';
import { nowIso, type BcStore } from '../store/store';
import { seedCategories, seedProduct } from './catalog';
import { seedCustomers } from './customers';
import { seedDefaultLocation, seedLocationsAndStock } from './inventory';
import { seedPricing } from './pricing';

/**
 * Loads the demo dataset into an empty store as it would look after the sync job has run once: catalog,
 * customers, one customer group + price list per ERP price level (assigned to that group on channel 1), and
 * per-location stock where BigCommerce's on-hand equals the ERP's *available* quantity.
 *
 * Companies with customer-specific item prices get a dedicated group and list ("<Company> contract") holding
 * their level's prices overlaid with their own. BigCommerce resolves one price list per customer group and
 * channel, so a per-company override can only live in a per-company list.
 */
export function seedStore(store: BcStore, dataset: DemoDataset | null): void {
  seedDefaultLocation(store);
  if (!dataset) return;
  const created = nowIso();

  for (const brand of dataset.brands) {
    store.brands.set(brand.id, {
      id: brand.id,
      name: brand.name,
      page_title: brand.name,
      meta_keywords: [],
      meta_description: '',
      image_url: '',
      search_keywords: '',
      custom_url: { url: `/brands/${brand.slug}/`, is_customized: false },
    });
    store.reserveId('brand', brand.id);
  }

  seedCategories(store, dataset);
  for (const product of dataset.products) seedProduct(store, product, created);
  seedLocationsAndStock(store, dataset, created);
  const groupByCompany = seedPricing(store, dataset, created);
  seedCustomers(store, dataset, groupByCompany, created);
}
