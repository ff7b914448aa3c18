import { z } from 'zod';

/** customers.v3.yml `customer_Post` / `customer_Put` with the limits the spec states. */

export const addressInput = z.object({
  first_name: z.string().min(1).max(255),
  last_name: z.string().min(1).max(255),
  company: z.string().max(255).optional(),
  address1: z.string().min(1).max(255),
  address2: z.string().max(255).optional(),
  city: z.string().min(1).max(100),
  state_or_province: z.string().max(100).optional(),
  postal_code: z.string().max(30).optional(),
  country_code: z.string().length(2),
  phone: z.string().max(50).optional(),
  address_type: z.enum(['residential', 'commercial']).optional(),
});

const authentication = z.object({ force_password_reset: z.boolean().optional(), new_password: z.string().min(1).optional() });

const customerFields = {
  email: z.email().max(255),
  first_name: z.string().min(1).max(100),
  last_name: z.string().min(1).max(100),
  company: z.string().max(255),
  phone: z.string().max(50),
  notes: z.string(),
  tax_exempt_category: z.string().max(255),
  customer_group_id: z.number().int().min(0),
  registration_ip_address: z.string().max(30),
  accepts_product_review_abandoned_cart_emails: z.boolean(),
  store_credit_amounts: z.array(z.object({ amount: z.number().min(0) })),
  channel_ids: z.array(z.number().int()).min(1).nullable(),
  authentication,
};

export const customerPostInput = z.object({
  ...customerFields,
  company: customerFields.company.optional(),
  phone: customerFields.phone.optional(),
  notes: customerFields.notes.optional(),
  tax_exempt_category: customerFields.tax_exempt_category.optional(),
  customer_group_id: customerFields.customer_group_id.optional(),
  registration_ip_address: customerFields.registration_ip_address.optional(),
  accepts_product_review_abandoned_cart_emails: customerFields.accepts_product_review_abandoned_cart_emails.optional(),
  store_credit_amounts: customerFields.store_credit_amounts.optional(),
  channel_ids: customerFields.channel_ids.optional(),
  authentication: authentication.optional(),
  origin_channel_id: z.number().int().optional(),
  addresses: z.array(addressInput).optional(),
});
export type CustomerPostInput = z.infer<typeof customerPostInput>;

/** `origin_channel_id` and `date_*` are read-only; `addresses` are not updatable here ("Subresource updates are not supported"). */
export const customerPutInput = z.object({ id: z.number().int(), ...customerFields }).partial().required({ id: true });
export type CustomerPutInput = z.infer<typeof customerPutInput>;

export const validateCredentialsInput = z.object({
  email: z.string().min(1),
  password: z.string().min(1),
  channel_id: z.number().int().optional(),
});
