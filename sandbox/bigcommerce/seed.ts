import type { DemoContractPrice, DemoDataset, DemoProduct } from '../demo-data/types';
import { fromMinor } from './store/money';
import { BcStore, nowIso } from './store/store';
import type { BcBulkPricingTier, BcCategory, BcLocation, BcProduct, BcVariant } from './store/types';

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

function seedDefaultLocation(store: BcStore): void {
  // Every BigCommerce store has location 1.
  store.locations.set(1, makeLocation(1, 'DEFAULT', 'Default location', { city: '', state: '', zip: '', country_code: 'US' }));
  store.reserveId('location', 1);
}

function seedCategories(store: BcStore, dataset: DemoDataset): void {
  const byId = new Map(dataset.categories.map((c) => [c.id, c]));
  const pathOf = (id: number): string => {
    const category = byId.get(id);
    if (!category) return '';
    return `${category.parentId === null ? '' : pathOf(category.parentId).replace(/\/$/, '')}/${category.slug}/`;
  };
  for (const category of dataset.categories) {
    const bc: BcCategory = {
      id: category.id,
      parent_id: category.parentId ?? 0,
      name: category.name,
      description: category.description,
      sort_order: category.sortOrder,
      page_title: category.name,
      is_visible: true,
      image_url: '',
      custom_url: { url: pathOf(category.id), is_customized: false },
    };
    store.categories.set(bc.id, bc);
    store.reserveId('category', bc.id);
  }
}

function seedProduct(store: BcStore, product: DemoProduct, created: string): void {
  const optionIds = new Map<string, number>();
  const valueIds = new Map<string, number>();
  const options = product.options.map((option, optionIndex) => {
    const optionId = store.nextId('option');
    optionIds.set(option.name, optionId);
    return {
      id: optionId,
      product_id: product.id,
      display_name: option.name,
      type: 'dropdown' as const,
      sort_order: optionIndex,
      option_values: option.values.map((label, valueIndex) => {
        const valueId = store.nextId('option_value');
        valueIds.set(`${option.name}\u0000${label}`, valueId);
        return { id: valueId, label, sort_order: valueIndex, is_default: valueIndex === 0 };
      }),
    };
  });

  const price = fromMinor(product.price);
  const variants: BcVariant[] = product.variants.map((variant) => ({
    id: variant.id,
    product_id: product.id,
    sku: variant.sku,
    sku_id: product.options.length > 0 ? variant.id : null,
    price: variant.price === null ? null : fromMinor(variant.price),
    calculated_price: variant.price === null ? price : fromMinor(variant.price),
    sale_price: null,
    retail_price: null,
    map_price: null,
    weight: null,
    calculated_weight: product.weightGrams / 1000,
    cost_price: null,
    upc: variant.upc,
    mpn: '',
    gtin: '',
    inventory_level: 0,
    inventory_warning_level: 0,
    bin_picking_number: '',
    purchasing_disabled: false,
    purchasing_disabled_message: '',
    image_url: '',
    option_values: variant.optionValues.map((value) => ({
      id: valueIds.get(`${value.optionName}\u0000${value.label}`) ?? 0,
      label: value.label,
      option_id: optionIds.get(value.optionName) ?? 0,
      option_display_name: value.optionName,
    })),
  }));

  const bc: BcProduct = {
    id: product.id,
    name: product.name,
    type: 'physical',
    sku: product.sku,
    description: product.description,
    weight: product.weightGrams / 1000,
    width: 0,
    depth: 0,
    height: 0,
    price,
    cost_price: fromMinor(product.cost),
    retail_price: product.retailPrice === null ? 0 : fromMinor(product.retailPrice),
    sale_price: product.salePrice === null ? 0 : fromMinor(product.salePrice),
    map_price: 0,
    calculated_price: product.salePrice === null ? price : fromMinor(product.salePrice),
    categories: [...product.categoryIds],
    brand_id: product.brandId,
    inventory_level: 0,
    inventory_warning_level: 0,
    inventory_tracking: product.inventoryTracking,
    is_visible: true,
    is_featured: product.isFeatured,
    availability: 'available',
    condition: 'New',
    upc: product.variants[0]?.upc ?? '',
    mpn: '',
    gtin: '',
    search_keywords: '',
    sort_order: 0,
    total_sold: 0,
    order_quantity_minimum: 0,
    order_quantity_maximum: 0,
    custom_url: { url: product.path, is_customized: true },
    custom_fields: product.specs.map((spec) => ({ id: store.nextId('custom_field'), name: spec.name, value: spec.value })),
    bulk_pricing_rules: product.bulkPricingRules.map((rule) => ({
      id: store.nextId('bulk_pricing_rule'),
      quantity_min: rule.quantityMin,
      quantity_max: rule.quantityMax ?? 0,
      type: rule.type,
      amount: rule.type === 'percent' ? rule.percentOff : fromMinor(rule.type === 'price' ? rule.amountOff : rule.unitPrice),
    })),
    images: product.images.map((image, index) => ({
      id: store.nextId('image'),
      product_id: product.id,
      is_thumbnail: image.isThumbnail,
      sort_order: index,
      description: image.alt,
      image_file: image.url,
      url_zoom: image.url,
      url_standard: image.url,
      url_thumbnail: image.url,
      url_tiny: image.url,
      date_modified: created,
    })),
    options,
    variants,
    date_created: created,
    date_modified: created,
  };
  store.products.set(bc.id, bc);
  store.reserveId('product', bc.id);
  for (const variant of variants) {
    store.variants.set(variant.id, variant);
    store.variantIdBySku.set(variant.sku, variant.id);
    store.reserveId('variant', variant.id);
  }
}

function seedLocationsAndStock(store: BcStore, dataset: DemoDataset, created: string): void {
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
function seedPricing(store: BcStore, dataset: DemoDataset, created: string): Map<number, number> {
  const pricesByLevel = new Map<number, DemoContractPrice[]>();
  for (const price of dataset.contractPrices) {
    const list = pricesByLevel.get(price.priceLevelId) ?? [];
    list.push(price);
    pricesByLevel.set(price.priceLevelId, list);
  }

  const groupByLevel = new Map<number, number>();
  for (const level of dataset.priceLevels) {
    const groupId = createGroupWithList(store, level.name, pricesByLevel.get(level.id) ?? [], [], created);
    groupByLevel.set(level.id, groupId);
  }

  const overridesByCompany = new Map<number, DemoDataset['customerItemPrices']>();
  for (const override of dataset.customerItemPrices) {
    const list = overridesByCompany.get(override.companyId) ?? [];
    list.push(override);
    overridesByCompany.set(override.companyId, list);
  }
  const groupByCompany = new Map<number, number>();
  for (const company of dataset.companies) {
    const overrides = overridesByCompany.get(company.id);
    const groupId = overrides
      ? createGroupWithList(store, `${company.name} contract`, pricesByLevel.get(company.priceLevelId) ?? [], overrides, created)
      : groupByLevel.get(company.priceLevelId);
    if (groupId === undefined) throw new Error(`company ${company.name} has unknown price level ${company.priceLevelId}`);
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
  store.priceLists.set(priceListId, { id: priceListId, name, active: true, date_created: created, date_modified: created });
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
  store.priceListAssignments.set(assignmentId, { id: assignmentId, price_list_id: priceListId, customer_group_id: groupId, channel_id: 1 });

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

function seedCustomers(store: BcStore, dataset: DemoDataset, groupByCompany: Map<number, number>, created: string): void {
  const companies = new Map(dataset.companies.map((c) => [c.id, c]));
  for (const buyer of dataset.buyers) {
    const company = companies.get(buyer.companyId);
    if (!company) throw new Error(`buyer ${buyer.email} belongs to unknown company ${buyer.companyId}`);
    store.customers.set(buyer.id, {
      id: buyer.id,
      email: buyer.email,
      first_name: buyer.firstName,
      last_name: buyer.lastName,
      company: company.name,
      phone: company.address.phone,
      notes: `ERP customer ${company.erpCustomerNumber}`,
      tax_exempt_category: '',
      customer_group_id: groupByCompany.get(company.id) ?? 0,
      registration_ip_address: '',
      channel_ids: null,
      origin_channel_id: 1,
      accepts_product_review_abandoned_cart_emails: false,
      store_credit_amounts: [{ amount: 0 }],
      addresses: [
        {
          id: store.nextId('address'),
          customer_id: buyer.id,
          first_name: buyer.firstName,
          last_name: buyer.lastName,
          company: company.name,
          address1: company.address.street1,
          address2: '',
          city: company.address.city,
          state_or_province: company.address.state,
          postal_code: company.address.postalCode,
          country_code: company.address.countryCode,
          country: company.address.countryCode === 'CA' ? 'Canada' : 'United States',
          phone: company.address.phone,
          address_type: 'commercial',
        },
      ],
      date_created: created,
      date_modified: created,
    });
    store.passwords.set(buyer.id, buyer.password);
    store.reserveId('customer', buyer.id);
  }

  // Sales reps are BigCommerce customers too (as B2B Edition's storefront super admins are), in a group of
  // their own with no price list: a rep browsing as themselves sees catalog prices.
  const repGroupId = store.nextId('customer_group');
  store.customerGroups.set(repGroupId, {
    id: repGroupId,
    name: 'Sales representatives',
    is_default: false,
    category_access: { type: 'all' },
    discount_rules: [],
    is_group_for_guests: false,
    date_created: created,
    date_modified: created,
  });
  for (const rep of dataset.salesReps) {
    store.customers.set(rep.id, {
      id: rep.id,
      email: rep.email,
      first_name: rep.firstName,
      last_name: rep.lastName,
      company: dataset.store.name,
      phone: '',
      notes: 'Sales representative',
      tax_exempt_category: '',
      customer_group_id: repGroupId,
      registration_ip_address: '',
      channel_ids: null,
      origin_channel_id: 1,
      accepts_product_review_abandoned_cart_emails: false,
      store_credit_amounts: [{ amount: 0 }],
      addresses: [],
      date_created: created,
      date_modified: created,
    });
    store.passwords.set(rep.id, rep.password);
    store.reserveId('customer', rep.id);
  }
}

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
    operating_hours: { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: { ...day, open: false }, sunday: { ...day, open: false } },
    special_hours: [],
    created_at: created,
    updated_at: created,
  };
}
