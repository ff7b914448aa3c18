import { z } from 'zod';

/**
 * REST v2 error bodies come in two shapes in the specs:
 * - orders.v2 (`404_Resp`, 400 examples): a bare array `[{status, message}]`;
 * - customers.v2 `ErrorRequest`: `{errors: [{status, title, type}]}` (`ErrorBasic`).
 * Both normalise to a list of items with optional `message`/`title`.
 */
export const v2ErrorItemSchema = z.looseObject({
  status: z.number().int().optional(),
  message: z.string().optional(),
  title: z.string().optional(),
  type: z.string().optional(),
  details: z.unknown().optional(),
});
export type V2ErrorItem = z.infer<typeof v2ErrorItemSchema>;

/** orders.v2 style: a non-empty bare array. */
export const v2ErrorArraySchema = z.array(v2ErrorItemSchema).min(1);

/** customers.v2 `ErrorRequest` style. */
export const v2ErrorRequestSchema = z.looseObject({
  errors: z.array(v2ErrorItemSchema).min(1),
});

/** Either shape, normalised to the item list. */
export const v2ErrorBodySchema = z.union([
  v2ErrorArraySchema,
  v2ErrorRequestSchema.transform((body) => body.errors),
]);
