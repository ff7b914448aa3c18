import type { BcProductOption } from '../../store/types';
import { connectionFrom } from '../connection';
import { brandModel, categoryModel, globalId, variantModel, type ProductModel, type VariantModel } from '../models';
import { boolArg, connectionArgs, intArg, intListArg, on, stringListArg, type ResolverMap } from './args';
import { productImages } from './images';
import { productPrices } from './prices';

const DISPLAY_STYLE: Record<BcProductOption['type'], string> = {
  dropdown: 'DropdownList',
  rectangles: 'RectangleBoxes',
  radio_buttons: 'RadioButtons',
  swatch: 'Swatch',
};

/** Product and Variant fields, read straight from the catalog records. */
export const productResolvers: ResolverMap = {
  Product: {
    id: on<ProductModel>(({ product }) => globalId('Product', product.id)),
    entityId: on<ProductModel>(({ product }) => product.id),
    sku: on<ProductModel>(({ product }) => product.sku),
    path: on<ProductModel>(({ product }) => product.custom_url.url),
    name: on<ProductModel>(({ product }) => product.name),
    description: on<ProductModel>(({ product }) => product.description),
    plainTextDescription: on<ProductModel>(({ product }, args) => {
      const limit = intArg(args, 'characterLimit') ?? 120;
      const text = product.description.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
      return text.length > limit ? `${text.slice(0, limit)}...` : text;
    }),
    minPurchaseQuantity: on<ProductModel>(({ product }) => product.order_quantity_minimum || null),
    maxPurchaseQuantity: on<ProductModel>(({ product }) => product.order_quantity_maximum || null),
    type: on<ProductModel>(({ product }) => product.type),
    upc: on<ProductModel>(({ product }) => product.upc || null),
    mpn: on<ProductModel>(({ product }) => product.mpn || null),
    gtin: on<ProductModel>(({ product }) => product.gtin || null),
    prices: on<ProductModel>(({ product }, args, ctx) => productPrices(ctx, product, product.variants, args)),
    brand: on<ProductModel>(({ product }, _args, ctx) => {
      const brand = ctx.store.brands.get(product.brand_id);
      return brand ? brandModel(brand) : null;
    }),
    categories: on<ProductModel>(({ product }, args, ctx) => {
      const categories = product.categories.flatMap((id) => {
        const category = ctx.store.categories.get(id);
        return category?.is_visible ? [categoryModel(category)] : [];
      });
      return connectionFrom(categories, connectionArgs(args));
    }),
    variants: on<ProductModel>(({ product }, args) => {
      const ids = new Set(intListArg(args, 'entityIds'));
      const skus = new Set(stringListArg(args, 'skus'));
      const purchasable = boolArg(args, 'isPurchasable');
      const variants = product.variants.filter(
        (v) => (ids.size === 0 || ids.has(v.id)) && (skus.size === 0 || skus.has(v.sku)) && (purchasable === undefined || !v.purchasing_disabled === purchasable),
      );
      return connectionFrom(variants.map((v) => variantModel(product, v)), connectionArgs(args));
    }),
    productOptions: on<ProductModel>(({ product }, args) => {
      const options = [...product.options]
        .sort((a, b) => a.sort_order - b.sort_order)
        .map((option) => ({
          __typename: 'MultipleChoiceOption',
          entityId: option.id,
          displayName: option.display_name,
          isRequired: true,
          isVariantOption: true,
          displayStyle: DISPLAY_STYLE[option.type],
          values: option.option_values.map((value) => ({
            __typename: 'MultipleChoiceOptionValue',
            entityId: value.id,
            label: value.label,
            isDefault: value.is_default,
            isSelected: null,
          })),
        }));
      return connectionFrom(options, connectionArgs(args));
    }),
    customFields: on<ProductModel>(({ product }, args) => {
      const names = new Set(stringListArg(args, 'names'));
      const fields = product.custom_fields
        .filter((f) => names.size === 0 || names.has(f.name))
        .map((f) => ({ entityId: f.id, name: f.name, value: f.value }));
      return connectionFrom(fields, connectionArgs(args));
    }),
    images: on<ProductModel>(({ product }, args, ctx) => connectionFrom(productImages(ctx, product), connectionArgs(args))),
    defaultImage: on<ProductModel>(({ product }, _args, ctx) => productImages(ctx, product)[0] ?? null),
    inventory: on<ProductModel>(({ product }) => ({ product })),
  },
  MultipleChoiceOption: {
    values: on<{ values: unknown[] }>((option, args) => connectionFrom(option.values, connectionArgs(args))),
  },
  Variant: {
    id: on<VariantModel>(({ variant }) => globalId('Variant', variant.id)),
    entityId: on<VariantModel>(({ variant }) => variant.id),
    sku: on<VariantModel>(({ variant }) => variant.sku),
    upc: on<VariantModel>(({ variant }) => variant.upc || null),
    mpn: on<VariantModel>(({ variant }) => variant.mpn || null),
    gtin: on<VariantModel>(({ variant }) => variant.gtin || null),
    isPurchasable: on<VariantModel>(({ variant }) => !variant.purchasing_disabled),
    defaultImage: on<VariantModel>(({ product, variant }, _args, ctx) =>
      variant.image_url ? { url: variant.image_url, altText: product.name, isDefault: true } : (productImages(ctx, product)[0] ?? null),
    ),
    prices: on<VariantModel>(({ product, variant }, args, ctx) => productPrices(ctx, product, [variant], args)),
    inventory: on<VariantModel>(({ product, variant }) => ({ product, variant })),
    // The variant's own selections: one option per option value it carries.
    options: on<VariantModel>(({ variant }, args) => {
      const options = variant.option_values.map((value) => ({
        entityId: value.option_id,
        displayName: value.option_display_name,
        isRequired: true,
        values: [{ entityId: value.id, label: value.label }],
      }));
      return connectionFrom(options, connectionArgs(args));
    }),
  },
  ProductOption: {
    values: on<{ values: unknown[] }>((option, args) => connectionFrom(option.values, connectionArgs(args))),
  },
};
