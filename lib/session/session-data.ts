import { z } from 'zod';

/**
 * What the sealed session cookie holds. The cookie is encrypted and authenticated (iron-session), so a client
 * can neither read nor forge it; this schema additionally rejects a cookie sealed by an older shape of the app,
 * which then counts as signed out rather than crashing a page.
 */
export const buyerSessionSchema = z.object({
  customerId: z.number().int().positive(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  company: z.string(),
  customerGroupId: z.number().int().nonnegative(),
  customerGroupName: z.string().nullable(),
  /** Epoch ms; lets support tell how old a session is. */
  signedInAt: z.number().int(),
});

export type BuyerSession = z.infer<typeof buyerSessionSchema>;

/** The buyer's BigCommerce cart. Kept with the customer it was created for, so it can never follow another buyer. */
const sessionCartSchema = z.object({
  entityId: z.guid(),
  customerId: z.number().int().positive(),
});

/**
 * A signed-in sales rep: only who, and which impersonation it started. What the rep may do (and whether it is still
 * a rep) is looked up server-side on every request, so this cookie can never widen it.
 */
export const repSessionSchema = z.object({
  /** The ERP's rep id. */
  repId: z.string().min(1).max(64),
  signedInAt: z.number().int(),
  /** The impersonation this session started; it counts only while the server-side record allows it. */
  actingId: z.guid().optional(),
});

export type RepSession = z.infer<typeof repSessionSchema>;

export interface SessionData {
  buyer?: BuyerSession;
  cart?: z.infer<typeof sessionCartSchema>;
  rep?: RepSession;
}

/** The signed-in rep a session cookie carries, or null. */
export function repFromSession(data: SessionData): RepSession | null {
  const parsed = repSessionSchema.safeParse(data.rep);
  return parsed.success ? parsed.data : null;
}

/** The signed-in buyer a session cookie carries, or null when it carries none (or a shape we no longer accept). */
export function buyerFromSession(data: SessionData): BuyerSession | null {
  const parsed = buyerSessionSchema.safeParse(data.buyer);
  return parsed.success ? parsed.data : null;
}

/** The session's cart id, only when it was created for the buyer the session now holds. */
export function cartIdFromSession(data: SessionData): string | null {
  const buyer = buyerFromSession(data);
  const cart = sessionCartSchema.safeParse(data.cart);
  return buyer && cart.success && cart.data.customerId === buyer.customerId ? cart.data.entityId : null;
}
