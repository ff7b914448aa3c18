import { z } from 'zod';

/**
 * Price-list batch write 422 (`POST`/`PUT /v3/pricelists/{id}/records`, openapi/price_lists.v3.yml
 * "PriceRecord Batch Error Response"). Partial success is possible in non-strict mode, so callers
 * must treat the listed records as the ones that failed, not the whole batch.
 */
export const priceRecordIdentifiersSchema = z.looseObject({
  price_list_id: z.number().int().optional(),
  variant_id: z.number().int().optional(),
  sku: z.string().optional(),
  currency: z.string().optional(),
});
export type PriceRecordIdentifiers = z.infer<typeof priceRecordIdentifiersSchema>;

export const priceRecordBatchErrorSchema = z.looseObject({
  data: priceRecordIdentifiersSchema.optional(),
  // `additionalProperties: true` in the spec: field name → message (string or anything else).
  field_errors: z.record(z.string(), z.unknown()).optional(),
});
export type PriceRecordBatchError = z.infer<typeof priceRecordBatchErrorSchema>;

export const priceListBatchErrorBodySchema = z.looseObject({
  batch_errors: z.array(priceRecordBatchErrorSchema),
});
export type PriceListBatchErrorBody = z.infer<typeof priceListBatchErrorBodySchema>;

/**
 * `ServiceUnavailableError` (503) from the Price Lists spec. `retry_after_seconds` tells us how
 * long to back off; the retry policy honours it.
 */
export const serviceDegradedBodySchema = z.looseObject({
  error: z.looseObject({
    code: z.string(),
    message: z.string().optional(),
    details: z.string().optional(),
    retry_after_seconds: z.number().optional(),
    timestamp: z.string().optional(),
  }),
});
export type ServiceDegradedBody = z.infer<typeof serviceDegradedBodySchema>;
