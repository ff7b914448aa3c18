import { z } from 'zod';

/**
 * Request bodies of the catalog product and variant endpoints, with the limits the specs state
 * (products_catalog.v3.yml `product_Base_POST`, product-variants_catalog.v3.yml `productVariant_Post/Put`).
 * Unknown fields are dropped rather than refused: BigCommerce ignores fields it does not know.
 */

const money = z.number().min(0);
const customUrl = z.object({ url: z.string().min(1).max(255), is_customized: z.boolean().optional() });

export const bulkPricingRuleInput = z.object({
  quantity_min: z.number().int().min(0),
  quantity_max: z.number().int().min(0),
  type: z.enum(['price', 'percent', 'fixed']),
  amount: z.number(),
});

export const customFieldInput = z.object({ name: z.string().min(1).max(250), value: z.string().min(1).max(250) });

/** An option value on a variant: either existing ids, or a display name + label (creates the option). */
export const variantOptionValueInput = z.union([
  z.object({ id: z.number().int(), option_id: z.number().int() }),
  z.object({ option_display_name: z.string().min(1).max(255), label: z.string().min(1).max(255) }),
]);

const variantFields = {
  cost_price: money.nullable(),
  price: money.nullable(),
  sale_price: money.nullable(),
  retail_price: money.nullable(),
  map_price: money.nullable(),
  weight: z.number().min(0).nullable(),
  purchasing_disabled: z.boolean(),
  purchasing_disabled_message: z.string().max(255),
  upc: z.string().max(14).nullable(),
  mpn: z.string().nullable(),
  gtin: z.string().max(14).nullable(),
  inventory_level: z.number().int().min(0).max(2_147_483_647),
  inventory_warning_level: z.number().int().min(0).max(2_147_483_647),
  bin_picking_number: z.string().max(255).nullable(),
  image_url: z.string(),
};

export const variantPostInput = z.object({
  ...partial(variantFields),
  sku: z.string().min(1).max(255),
  option_values: z.array(variantOptionValueInput).min(1),
  product_id: z.number().int().optional(),
});
export type VariantPostInput = z.infer<typeof variantPostInput>;

export const variantPutInput = z.object({ ...partial(variantFields), sku: z.string().min(1).max(255).optional() });
export type VariantPutInput = z.infer<typeof variantPutInput>;

/** Item of `PUT /v3/catalog/variants`: `id` updates; without `id`, `product_id`+`sku`+`option_values` create. */
export const variantBatchItemInput = z.union([
  variantPutInput.extend({ id: z.number().int() }),
  variantPostInput.extend({ product_id: z.number().int() }),
]);

const productFields = {
  name: z.string().min(1).max(250),
  type: z.enum(['physical', 'digital']),
  sku: z.string().max(255),
  description: z.string(),
  weight: z.number().min(0).max(9_999_999_999),
  width: z.number().min(0).max(9_999_999_999),
  depth: z.number().min(0).max(9_999_999_999),
  height: z.number().min(0).max(9_999_999_999),
  price: money,
  cost_price: money,
  retail_price: money,
  sale_price: money,
  map_price: z.number(),
  categories: z.array(z.number().int()).max(1000),
  brand_id: z.number().int().min(0).max(1_000_000_000),
  inventory_level: z.number().int().min(0).max(2_147_483_647),
  inventory_warning_level: z.number().int().min(0).max(2_147_483_647),
  inventory_tracking: z.enum(['none', 'product', 'variant']),
  is_visible: z.boolean(),
  is_featured: z.boolean(),
  availability: z.enum(['available', 'disabled', 'preorder']),
  condition: z.enum(['New', 'Used', 'Refurbished']),
  upc: z.string().max(14),
  mpn: z.string(),
  gtin: z.string().max(14),
  search_keywords: z.string().max(65_535),
  sort_order: z.number().int(),
  order_quantity_minimum: z.number().int().min(0).max(1_000_000_000),
  order_quantity_maximum: z.number().int().min(0).max(1_000_000_000),
  custom_url: customUrl,
  custom_fields: z.array(customFieldInput).max(255),
  bulk_pricing_rules: z.array(bulkPricingRuleInput),
};

/** `POST /v3/catalog/products`: name, type, weight and price are required. */
export const productPostInput = z.object({
  ...partial(productFields),
  name: productFields.name,
  type: productFields.type,
  weight: productFields.weight,
  price: productFields.price,
  variants: z.array(variantPostInput.omit({ product_id: true })).optional(),
});
export type ProductPostInput = z.infer<typeof productPostInput>;

/** `PUT /v3/catalog/products/{id}`: every field optional; sub-resource arrays replace the stored ones. */
export const productPutInput = z.object(partial(productFields));
export type ProductPutInput = z.infer<typeof productPutInput>;

export const productBatchItemInput = productPutInput.extend({ id: z.number().int() });

function partial<T extends Record<string, z.ZodType>>(shape: T): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, schema.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}
