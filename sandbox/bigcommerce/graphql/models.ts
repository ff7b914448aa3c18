import type { BcBrand, BcCategory, BcProduct, BcVariant } from '../store/types';

/**
 * What resolvers pass down for each object type. Types reachable through an interface (Node, Route.node)
 * carry `__typename`, which graphql-js's default type resolver reads, so no resolveType code is needed.
 */
export interface ProductModel {
  __typename: 'Product';
  product: BcProduct;
}

export interface VariantModel {
  __typename: 'Variant';
  product: BcProduct;
  variant: BcVariant;
}

export interface CategoryModel {
  __typename: 'Category';
  category: BcCategory;
}

export interface BrandModel {
  __typename: 'Brand';
  brand: BcBrand;
}

export interface ImageModel {
  /** Absolute URL. */
  url: string;
  altText: string;
  isDefault: boolean;
}

export const productModel = (product: BcProduct): ProductModel => ({ __typename: 'Product', product });
export const variantModel = (product: BcProduct, variant: BcVariant): VariantModel => ({ __typename: 'Variant', product, variant });
export const categoryModel = (category: BcCategory): CategoryModel => ({ __typename: 'Category', category });
export const brandModel = (brand: BcBrand): BrandModel => ({ __typename: 'Brand', brand });

/** BigCommerce's global ids are base64 of "<Type>:<entityId>". */
export function globalId(type: string, entityId: number): string {
  return Buffer.from(`${type}:${entityId}`).toString('base64');
}

export function parseGlobalId(id: string): { type: string; entityId: number } | undefined {
  const match = /^([A-Za-z]+):(\d+)$/.exec(Buffer.from(id, 'base64').toString('utf8'));
  return match ? { type: match[1] as string, entityId: Number(match[2]) } : undefined;
}
