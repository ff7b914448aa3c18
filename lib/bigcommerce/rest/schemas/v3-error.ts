import { z } from 'zod';

/**
 * REST v3 error body: `ErrorResponse` in openapi/price_lists.v3.yml and openapi/inventory.v3.yml
 * (`{status, title, type, instance?, errors:{field: msg}}`; inventory sends it as
 * application/problem+json). `errors` is `additionalProperties: true`, so values stay `unknown`.
 * Every field is optional in the spec, so at least `title` or `errors` must be present for a body
 * to be recognised as this shape (otherwise any JSON object would match).
 */
export const v3ErrorBodySchema = z
  .looseObject({
    status: z.number().int().optional(),
    title: z.string().optional(),
    type: z.string().optional(),
    instance: z.string().optional(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((body) => body.title !== undefined || body.errors !== undefined, {
    message: 'not a v3 error body (no title or errors)',
  });
export type V3ErrorBody = z.infer<typeof v3ErrorBodySchema>;
