import type { ProductCardFieldsFragment } from '@/graphql/generated/graphql';
import { storefrontHref } from './paths';

/** A product card's catalog data (shared by every buyer) in the shape the grid renders. */
export interface CatalogCard {
  entityId: number;
  name: string;
  sku: string;
  path: string;
  brandName: string | null;
  imageUrl: string | null;
  imageAlt: string;
}

export function catalogCard(node: ProductCardFieldsFragment): CatalogCard {
  return {
    entityId: node.entityId,
    name: node.name,
    sku: node.sku,
    path: storefrontHref(node.path),
    brandName: node.brand?.name ?? null,
    imageUrl: node.defaultImage?.url ?? null,
    imageAlt: node.defaultImage?.altText || node.name,
  };
}
