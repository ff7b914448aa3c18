import { z } from 'zod';

/** `webhook_Full` (openapi/webhooks.v3.yml); loose so fields BigCommerce adds later pass through. */
export const webhookSchema = z.looseObject({
  id: z.number().int(),
  scope: z.string(),
  destination: z.string(),
  is_active: z.boolean(),
  headers: z.record(z.string(), z.string()).nullable().optional(),
  created_at: z.number().int().optional(),
  updated_at: z.number().int().optional(),
});

export type Webhook = z.infer<typeof webhookSchema>;
