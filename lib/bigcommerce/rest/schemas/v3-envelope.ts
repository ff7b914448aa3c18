import { z } from 'zod';

/**
 * v3 collection envelope pieces. Field names follow `pagination_Full` / `metaCollection_Full`
 * (openapi/catalog/products_catalog.v3.yml) and `cursor_pagination` (openapi/price_lists.v3.yml).
 *
 * Deviation from the spec, on purpose: the spec marks no pagination field as required, but the
 * page walker cannot work without `current_page`/`total_pages`, so the five counters are required
 * here. A store that omitted them would fail loudly (kind 'validation') instead of the walker
 * silently stopping after page 1.
 */
const linksSchema = z.looseObject({
  previous: z.string().optional(),
  current: z.string().optional(),
  next: z.string().optional(),
});

export const v3PaginationSchema = z.looseObject({
  total: z.number().int(),
  count: z.number().int(),
  per_page: z.number().int(),
  current_page: z.number().int(),
  total_pages: z.number().int(),
  links: linksSchema.optional(),
});
export type V3Pagination = z.infer<typeof v3PaginationSchema>;

/** Price lists (lists, records, assignments) also answer with cursor pagination (`before`/`after`). */
export const v3CursorPaginationSchema = z.looseObject({
  count: z.number().int().optional(),
  per_page: z.number().int().optional(),
  start_cursor: z.string().optional(),
  end_cursor: z.string().optional(),
  links: linksSchema.optional(),
});
export type V3CursorPagination = z.infer<typeof v3CursorPaginationSchema>;

/**
 * `meta` of any v3 response. Single-object responses send `meta: {}`; collections send
 * `pagination` and/or `cursor_pagination`. Loose so unknown meta keys pass through.
 */
export const v3MetaSchema = z.looseObject({
  pagination: v3PaginationSchema.optional(),
  cursor_pagination: v3CursorPaginationSchema.optional(),
});
export type V3Meta = z.infer<typeof v3MetaSchema>;

/**
 * `{ data, meta }` around any data schema. Pass `z.array(item)` for collections, the item schema
 * for single-object responses. `meta` defaults to `{}` because some endpoints (batch writes) omit it.
 */
export function v3EnvelopeSchema<T>(dataSchema: z.ZodType<T>) {
  return z.object({
    data: dataSchema,
    meta: v3MetaSchema.default({}),
  });
}

export interface V3Response<T> {
  data: T;
  meta: V3Meta;
}
