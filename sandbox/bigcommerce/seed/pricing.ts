import type { DemoContractPrice, DemoDataset } from '../../demo-data/types';
import { fromMinor } from '../store/money';
import { BcStore } from '../store/store';
import type { BcBulkPricingTier } from '../store/types';

export function seedPricing(store: BcStore, dataset: DemoDataset, created: string): Map<number, number> {
  const pricesByLevel = groupBy(dataset.contractPrices, (price) => price.priceLevelId);

  const groupByLevel = new Map<number, number>();
  for (const level of dataset.priceLevels) {
    const groupId = createGroupWithList(store, level.name, pricesByLevel.get(level.id) ?? [], [], created);
    groupByLevel.set(level.id, groupId);
  }

  const overridesByCompany = groupBy(dataset.customerItemPrices, (override) => override.companyId);
  const groupByCompany = new Map<number, number>();
  for (const company of dataset.companies) {
    const overrides = overridesByCompany.get(company.id);
    const groupId = overrides
      ? createGroupWithList(
          store,
          `${company.name} contract`,
          pricesByLevel.get(company.priceLevelId) ?? [],
          overrides,
          created,
        )
      : groupByLevel.get(company.priceLevelId);
    if (groupId === undefined)
      throw new Error(`company ${company.name} has unknown price level ${company.priceLevelId}`);
    groupByCompany.set(company.id, groupId);
  }
  return groupByCompany;
}

function createGroupWithList(
  store: BcStore,
  name: string,
  prices: DemoContractPrice[],
  overrides: DemoDataset['customerItemPrices'],
  created: string,
): number {
  const priceListId = store.nextId('price_list');
  store.priceLists.set(priceListId, {
    id: priceListId,
    name,
    active: true,
    date_created: created,
    date_modified: created,
  });
  const groupId = store.nextId('customer_group');
  store.customerGroups.set(groupId, {
    id: groupId,
    name,
    is_default: false,
    category_access: { type: 'all' },
    discount_rules: [{ type: 'price_list', price_list_id: priceListId }],
    is_group_for_guests: false,
    date_created: created,
    date_modified: created,
  });
  const assignmentId = store.nextId('price_list_assignment');
  store.priceListAssignments.set(assignmentId, {
    id: assignmentId,
    price_list_id: priceListId,
    customer_group_id: groupId,
    channel_id: 1,
  });

  const overrideBySku = new Map(overrides.map((o) => [`${o.sku}:${o.currency}`, o.unitPrice]));
  const records = store.recordsOf(priceListId);
  for (const price of prices) {
    const variantId = store.variantIdBySku.get(price.sku);
    const variant = variantId === undefined ? undefined : store.variants.get(variantId);
    if (!variant) throw new Error(`contract price for unknown SKU ${price.sku}`);
    const override = overrideBySku.get(`${price.sku}:${price.currency}`);
    const base = price.breaks[0];
    if (!base) throw new Error(`contract price for ${price.sku} has no quantity breaks`);
    const unit = fromMinor(override ?? base.unitPrice);
    records.set(BcStore.recordKey(variant.id, price.currency), {
      price_list_id: priceListId,
      variant_id: variant.id,
      product_id: variant.product_id,
      sku: variant.sku,
      currency: price.currency.toLowerCase(),
      price: unit,
      sale_price: null,
      retail_price: null,
      map_price: null,
      calculated_price: unit,
      bulk_pricing_tiers: override === undefined ? tiersFromBreaks(price) : [],
      date_created: created,
      date_modified: created,
    });
  }
  return groupId;
}

/** ERP quantity breaks (absolute unit prices from a minimum quantity) → BigCommerce `fixed` tiers. */
export function tiersFromBreaks(price: DemoContractPrice): BcBulkPricingTier[] {
  return price.breaks.slice(1).map((brk, index, rest) => {
    const next = rest[index + 1];
    return {
      quantity_min: brk.minQuantity,
      quantity_max: next ? next.minQuantity - 1 : null,
      type: 'fixed' as const,
      amount: fromMinor(brk.unitPrice),
    };
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
