import type { BcCategory } from '../../store/types';
import { childCategories, visibleProducts } from '../catalog/queries';
import { connectionFrom } from '../connection';
import type { GraphqlContext } from '../context';
import { globalId, productModel, type BrandModel, type CategoryModel } from '../models';
import { boolArg, connectionArgs, on, type ResolverMap } from './args';
import { absolute } from './images';

function imageOf(ctx: GraphqlContext, url: string, altText: string) {
  return url ? { url: absolute(ctx, url), altText, isDefault: true } : null;
}

/** Category, Brand and CategoryTreeItem fields. Category product lists hold the category's direct products. */
export const taxonomyResolvers: ResolverMap = {
  Category: {
    id: on<CategoryModel>(({ category }) => globalId('Category', category.id)),
    entityId: on<CategoryModel>(({ category }) => category.id),
    name: on<CategoryModel>(({ category }) => category.name),
    path: on<CategoryModel>(({ category }) => category.custom_url.url),
    description: on<CategoryModel>(({ category }) => category.description),
    defaultImage: on<CategoryModel>(({ category }, _a, ctx) => imageOf(ctx, category.image_url, category.name)),
    products: on<CategoryModel>(({ category }, args, ctx) => {
      const products = visibleProducts(ctx.store, { hideOutOfStock: boolArg(args, 'hideOutOfStock') }).filter((p) => p.categories.includes(category.id));
      return connectionFrom(products.map(productModel), connectionArgs(args));
    }),
  },
  Brand: {
    id: on<BrandModel>(({ brand }) => globalId('Brand', brand.id)),
    entityId: on<BrandModel>(({ brand }) => brand.id),
    name: on<BrandModel>(({ brand }) => brand.name),
    path: on<BrandModel>(({ brand }) => brand.custom_url.url),
    searchKeywords: on<BrandModel>(({ brand }) => brand.search_keywords.split(',').map((k) => k.trim()).filter(Boolean)),
    defaultImage: on<BrandModel>(({ brand }, _a, ctx) => imageOf(ctx, brand.image_url, brand.name)),
    products: on<BrandModel>(({ brand }, args, ctx) => {
      const products = visibleProducts(ctx.store, { hideOutOfStock: boolArg(args, 'hideOutOfStock') }).filter((p) => p.brand_id === brand.id);
      return connectionFrom(products.map(productModel), connectionArgs(args));
    }),
  },
  CategoryTreeItem: {
    entityId: on<BcCategory>((c) => c.id),
    name: on<BcCategory>((c) => c.name),
    path: on<BcCategory>((c) => c.custom_url.url),
    description: on<BcCategory>((c) => c.description),
    productCount: on<BcCategory>((c, _a, ctx) => visibleProducts(ctx.store).filter((p) => p.categories.includes(c.id)).length),
    image: on<BcCategory>((c, _a, ctx) => imageOf(ctx, c.image_url, c.name)),
    hasChildren: on<BcCategory>((c, _a, ctx) => childCategories(ctx.store, c.id).length > 0),
    children: on<BcCategory>((c, _a, ctx) => childCategories(ctx.store, c.id)),
  },
};
