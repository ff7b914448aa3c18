import { toUnits4 } from '../store/money';
import { BcStore } from '../store/store';
import type { BcPriceRecord, BcProduct, BcVariant } from '../store/types';
import { priceAtQuantity, tiersFromCatalog, tiersFromRecord } from './bulk-tiers';
import { catalogPrices } from './catalog-price';
import { convertCatalogAmount } from './exchange-rates';
import { applyGroupDiscount, matchGroupDiscount } from './group-discount';
import { selectChannelDefaultPriceList, selectGroupPriceList, type SelectedPriceList } from './price-list-selection';
import type { PricingContext, PricingData, ResolvedPrices } from './types';

/**
 * Resolves one variant's storefront prices for a pricing context, in BigCommerce's documented order
 * (price_lists.v3.yml "Order of operations"; FACTS §2.4):
 *   1. price list assigned to the customer group on this channel;
 *   2. else price list assigned to the group with no channel (or the legacy group → price_list link);
 *   3. else the group's discount rules (product > category > all), applied to the catalog price;
 *   4. else the channel's default price list (channel assignment without a group);
 *   5. else the catalog price.
 * A chosen list that has no record for the variant in the requested currency falls back to the catalog price
 * ("any prices not found fall back to the catalog price") — it does not fall through to a later step, and
 * group discounts never touch price-list prices. A record's bulk tiers replace product bulk pricing; without
 * a record the product's bulk_pricing_rules apply. Returns undefined only when the catalog price cannot be
 * expressed in the requested currency.
 */
export function resolveVariantPrices(
  data: PricingData,
  product: BcProduct,
  variant: BcVariant,
  context: PricingContext,
): ResolvedPrices | undefined {
  const currency = context.currency.toUpperCase();
  const quantity = context.quantity ?? 1;

  const groupList = selectGroupPriceList(data, context.customerGroupId, context.channelId);
  if (groupList) return fromListOrCatalog(data, groupList, product, variant, currency, quantity);

  const group = context.customerGroupId === null ? undefined : data.customerGroups.get(context.customerGroupId);
  const discount = matchGroupDiscount(group, product);
  if (discount) {
    const catalog = fromCatalog(data, product, variant, currency, quantity);
    if (!catalog) return undefined;
    const price = applyGroupDiscount(catalog.price, discount);
    return {
      ...catalog,
      source: { kind: 'group_discount', rule: discount.rule },
      price,
      priceAtQuantity: priceAtQuantity(price, catalog.bulkTiers, quantity),
    };
  }

  const channelList = selectChannelDefaultPriceList(data, context.channelId);
  if (channelList) return fromListOrCatalog(data, channelList, product, variant, currency, quantity);
  return fromCatalog(data, product, variant, currency, quantity);
}

function fromListOrCatalog(
  data: PricingData,
  selected: SelectedPriceList,
  product: BcProduct,
  variant: BcVariant,
  currency: string,
  quantity: number,
): ResolvedPrices | undefined {
  const record = data.priceRecords.get(selected.list.id)?.get(BcStore.recordKey(variant.id, currency));
  if (!record) return fromCatalog(data, product, variant, currency, quantity);
  return fromRecord(record, selected, currency, quantity);
}

function fromRecord(record: BcPriceRecord, selected: SelectedPriceList, currency: string, quantity: number): ResolvedPrices {
  const basePrice = toUnits4(record.price);
  const salePrice = record.sale_price === null ? null : toUnits4(record.sale_price);
  // calculated_price is documented as "sale_price if set, else price"; derive it rather than trust the stored
  // copy, whose example values in the spec contradict the description.
  const price = salePrice ?? basePrice;
  const bulkTiers = tiersFromRecord(record.bulk_pricing_tiers);
  return {
    source: { kind: 'price_list', level: selected.level, priceListId: selected.list.id },
    currency,
    basePrice,
    salePrice,
    retailPrice: record.retail_price === null ? null : toUnits4(record.retail_price),
    mapPrice: record.map_price === null ? null : toUnits4(record.map_price),
    price,
    bulkTiers,
    priceAtQuantity: priceAtQuantity(price, bulkTiers, quantity),
  };
}

function fromCatalog(data: PricingData, product: BcProduct, variant: BcVariant, currency: string, quantity: number): ResolvedPrices | undefined {
  const catalog = catalogPrices(product, variant, data.defaultCurrency, currency);
  if (!catalog) return undefined;
  const price = catalog.salePrice ?? catalog.basePrice;
  // Fixed and amount-off catalog tiers are money in the default currency, so they convert like the price.
  const bulkTiers = tiersFromCatalog(product.bulk_pricing_rules).map((tier) =>
    tier.type === 'percent' ? tier : { ...tier, amount: convertCatalogAmount(tier.amount, data.defaultCurrency, currency) ?? tier.amount },
  );
  return { source: { kind: 'catalog' }, currency, ...catalog, price, bulkTiers, priceAtQuantity: priceAtQuantity(price, bulkTiers, quantity) };
}
