import { searchProducts, samePath, visibleCategory, visibleProducts, childCategories, type SearchSort } from '../catalog/queries';
import { connectionFrom } from '../connection';
import type { GraphqlContext } from '../context';
import { requireScope } from '../scopes';
import { brandModel, categoryModel, parseGlobalId, productModel, variantModel } from '../models';
import { boolArg, connectionArgs, intArg, intListArg, on, stringArg, stringListArg, type Args, type ResolverMap } from './args';

interface SearchArgs {
  filters: {
    searchTerm?: string | null;
    price?: { minPrice?: number | null; maxPrice?: number | null } | null;
    categoryEntityId?: number | null;
    categoryEntityIds?: number[] | null;
    searchSubCategories?: boolean | null;
    brandEntityIds?: number[] | null;
    isFeatured?: boolean | null;
    hideOutOfStock?: boolean | null;
  };
  sort?: SearchSort | null;
}

/** Query.site and its catalog entry points (everything a storefront browses by). */
export const siteResolvers: ResolverMap = {
  Query: {
    site: on<unknown>((_p, _a, ctx) => {
      requireScope(ctx, 'Unauthenticated');
      return {};
    }),
    node: on<unknown>((_p, args, ctx) => nodeById(ctx, stringArg(args, 'id') ?? '')),
  },
  Site: {
    search: () => ({}),
    product: on<unknown>((_p, args, ctx) => {
      const byGlobal = stringArg(args, 'id');
      const entityId = byGlobal ? parseGlobalId(byGlobal)?.entityId : intArg(args, 'entityId');
      const sku = stringArg(args, 'sku');
      const variantId = intArg(args, 'variantEntityId') ?? ctx.store.variantIdBySku.get(sku ?? '');
      const fromVariant = variantId === undefined ? undefined : ctx.store.variants.get(variantId)?.product_id;
      // "Product filter by sku": a variant's SKU, or else the product's own (parent) SKU [inferred].
      const fromProductSku = sku === undefined || fromVariant !== undefined ? undefined : [...ctx.store.products.values()].find((p) => p.sku === sku)?.id;
      const product = ctx.store.products.get(entityId ?? fromVariant ?? fromProductSku ?? -1);
      return product?.is_visible ? productModel(product) : null;
    }),
    products: on<unknown>((_p, args, ctx) => {
      const ids = new Set([...intListArg(args, 'entityIds'), ...stringListArg(args, 'ids').flatMap((id) => parseGlobalId(id)?.entityId ?? [])]);
      const products = visibleProducts(ctx.store, { hideOutOfStock: boolArg(args, 'hideOutOfStock') }).filter((p) => ids.size === 0 || ids.has(p.id));
      return connectionFrom(products.map(productModel), connectionArgs(args));
    }),
    featuredProducts: on<unknown>((_p, args, ctx) => {
      const products = visibleProducts(ctx.store, { hideOutOfStock: boolArg(args, 'hideOutOfStock') }).filter((p) => p.is_featured);
      return connectionFrom(products.map(productModel), connectionArgs(args));
    }),
    categoryTree: on<unknown>((_p, args, ctx) => {
      const root = intArg(args, 'rootEntityId');
      if (root === undefined) return childCategories(ctx.store, 0);
      const category = visibleCategory(ctx.store, root);
      return category ? [category] : [];
    }),
    category: on<unknown>((_p, args, ctx) => {
      const category = visibleCategory(ctx.store, intArg(args, 'entityId') ?? -1);
      return category ? categoryModel(category) : null;
    }),
    brand: on<unknown>((_p, args, ctx) => {
      const brand = ctx.store.brands.get(intArg(args, 'entityId') ?? -1);
      return brand ? brandModel(brand) : null;
    }),
    brands: on<unknown>((_p, args, ctx) => {
      const ids = new Set(intListArg(args, 'entityIds'));
      const productIds = intListArg(args, 'productEntityIds');
      const brandOfProducts = new Set(productIds.flatMap((id) => ctx.store.products.get(id)?.brand_id ?? []));
      const brands = [...ctx.store.brands.values()]
        .filter((b) => (ids.size === 0 || ids.has(b.id)) && (productIds.length === 0 || brandOfProducts.has(b.id)))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
      return connectionFrom(brands.map(brandModel), connectionArgs(args));
    }),
    route: on<unknown>((_p, args, ctx) => ({ node: nodeByPath(ctx, stringArg(args, 'path') ?? '') })),
  },
  SearchQueries: {
    searchProducts: on<unknown>((_p, args) => ({ search: args as unknown as SearchArgs })),
  },
  SearchProducts: {
    products: on<{ search: SearchArgs }>(({ search }, args, ctx) => {
      const f = search.filters;
      const products = searchProducts(
        ctx.store,
        {
          searchTerm: f.searchTerm ?? undefined,
          categoryEntityIds: [...(f.categoryEntityId == null ? [] : [f.categoryEntityId]), ...(f.categoryEntityIds ?? [])],
          searchSubCategories: f.searchSubCategories ?? false,
          brandEntityIds: f.brandEntityIds ?? [],
          isFeatured: f.isFeatured ?? undefined,
          hideOutOfStock: f.hideOutOfStock ?? undefined,
          minPrice: f.price?.minPrice ?? undefined,
          maxPrice: f.price?.maxPrice ?? undefined,
        },
        search.sort ?? 'RELEVANCE',
      );
      return connectionFrom(products.map(productModel), connectionArgs(args as Args));
    }),
  },
};

function nodeByPath(ctx: GraphqlContext, path: string): unknown {
  const product = [...ctx.store.products.values()].find((p) => p.is_visible && samePath(p.custom_url.url, path));
  if (product) return productModel(product);
  const category = [...ctx.store.categories.values()].find((c) => c.is_visible && samePath(c.custom_url.url, path));
  if (category) return categoryModel(category);
  const brand = [...ctx.store.brands.values()].find((b) => samePath(b.custom_url.url, path));
  return brand ? brandModel(brand) : null;
}

function nodeById(ctx: GraphqlContext, id: string): unknown {
  const parsed = parseGlobalId(id);
  if (!parsed) return null;
  const { store } = ctx;
  switch (parsed.type) {
    case 'Product': {
      const product = store.products.get(parsed.entityId);
      return product?.is_visible ? productModel(product) : null;
    }
    case 'Variant': {
      const variant = store.variants.get(parsed.entityId);
      const product = variant ? store.products.get(variant.product_id) : undefined;
      return variant && product?.is_visible ? variantModel(product, variant) : null;
    }
    case 'Category': {
      const category = visibleCategory(store, parsed.entityId);
      return category ? categoryModel(category) : null;
    }
    case 'Brand': {
      const brand = store.brands.get(parsed.entityId);
      return brand ? brandModel(brand) : null;
    }
    default:
      return null;
  }
}
