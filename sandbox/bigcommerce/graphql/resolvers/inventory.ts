import type { BcProduct, BcVariant } from '../../store/types';
import { productInStock, productStockByLocation, variantInStock, variantStockByLocation, type LocationStock } from '../catalog/inventory';
import { connectionFrom } from '../connection';
import { connectionArgs, intListArg, on, stringListArg, type Args, type ResolverMap } from './args';

interface ProductInventoryModel {
  product: BcProduct;
}
interface VariantInventoryModel {
  product: BcProduct;
  variant: BcVariant;
}

function filterLocations(stock: LocationStock[], args: Args): LocationStock[] {
  const ids = new Set(intListArg(args, 'locationEntityIds'));
  const codes = new Set(stringListArg(args, 'locationEntityCodes'));
  return stock.filter((s) => (ids.size === 0 || ids.has(s.location.id)) && (codes.size === 0 || codes.has(s.location.code)));
}

function byLocationNode(s: LocationStock) {
  return {
    locationEntityId: s.location.id,
    locationEntityCode: s.location.code,
    availableToSell: s.availableToSell,
    warningLevel: s.warningLevel,
    isInStock: s.isInStock,
    locationEntityTypeId: s.location.type_id,
  };
}

/**
 * Product/Variant inventory from the per-location levels (the Inventory API's view). Untracked products are
 * in stock with no aggregate, as BigCommerce reports them.
 */
export const inventoryResolvers: ResolverMap = {
  ProductInventory: {
    isInStock: on<ProductInventoryModel>(({ product }, _a, ctx) => productInStock(ctx.store, product)),
    isStockTracked: on<ProductInventoryModel>(({ product }) => product.inventory_tracking !== 'none'),
    hasVariantInventory: on<ProductInventoryModel>(({ product }) => product.inventory_tracking === 'variant'),
    aggregated: on<ProductInventoryModel>(({ product }, _a, ctx) => {
      if (product.inventory_tracking === 'none') return null;
      const stock = productStockByLocation(ctx.store, product);
      return { availableToSell: stock.reduce((sum, s) => sum + s.availableToSell, 0), warningLevel: product.inventory_warning_level };
    }),
    byLocation: on<ProductInventoryModel>(({ product }, args, ctx) => {
      if (product.inventory_tracking === 'none') return null;
      return connectionFrom(filterLocations(productStockByLocation(ctx.store, product), args).map(byLocationNode), connectionArgs(args));
    }),
  },
  VariantInventory: {
    isInStock: on<VariantInventoryModel>(({ product, variant }, _a, ctx) => variantInStock(ctx.store, product, variant)),
    aggregated: on<VariantInventoryModel>(({ product, variant }, _a, ctx) => {
      if (product.inventory_tracking === 'none') return null;
      const stock = variantStockByLocation(ctx.store, variant);
      return { availableToSell: stock.reduce((sum, s) => sum + s.availableToSell, 0), warningLevel: variant.inventory_warning_level };
    }),
    byLocation: on<VariantInventoryModel>(({ product, variant }, args, ctx) => {
      if (product.inventory_tracking === 'none') return null;
      return connectionFrom(filterLocations(variantStockByLocation(ctx.store, variant), args).map(byLocationNode), connectionArgs(args));
    }),
  },
};
