import { z } from 'zod';

/**
 * A sync trigger says *that* something changed and *where* (scope + resource ids), never *what* it changed to: the
 * worker reads current state from the API or the ERP. That is what makes duplicate, late and out-of-order events
 * harmless, and why no payload field other than ids is ever stored.
 */
export type TriggerSource = 'bigcommerce-webhook' | 'erp-event';

/** Resource ids by kind, e.g. `{ product_id: [12], variant_id: [40, 41] }`. */
export type ResourceIds = Record<string, Array<number | string>>;

export interface SyncTrigger {
  source: TriggerSource;
  /** e.g. `store/product/updated`, or an ERP event type. */
  scope: string;
  ids: ResourceIds;
  /** True when the event named more ids than are kept: the worker should sync the whole scope instead. */
  idsTruncated?: boolean;
  /** ISO time the receiver accepted the event. */
  receivedAt: string;
  /** ISO time the producer says the event happened, when it says. */
  occurredAt?: string;
  /** Identity of the event: a redelivery carries the same key and is recorded once. */
  dedupKey: string;
}

const idsSchema = z.record(z.string(), z.array(z.union([z.number(), z.string()])));

/** Stream entries are flat string fields; `ids` is JSON. */
const fieldsSchema = z.object({
  source: z.enum(['bigcommerce-webhook', 'erp-event']),
  scope: z.string().min(1),
  ids: z.string().transform((text, ctx) => {
    try {
      return idsSchema.parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'ids is not a JSON object of id arrays' });
      return z.NEVER;
    }
  }),
  idsTruncated: z.literal('1').optional(),
  receivedAt: z.string().min(1),
  occurredAt: z.string().min(1).optional(),
  dedupKey: z.string().min(1),
});

export function encodeTrigger(trigger: SyncTrigger): string[] {
  const fields = ['source', trigger.source, 'scope', trigger.scope, 'ids', JSON.stringify(trigger.ids)];
  if (trigger.idsTruncated) fields.push('idsTruncated', '1');
  fields.push('receivedAt', trigger.receivedAt);
  if (trigger.occurredAt !== undefined) fields.push('occurredAt', trigger.occurredAt);
  fields.push('dedupKey', trigger.dedupKey);
  return fields;
}

/** Parses a stream entry's `[field, value, …]` list; returns a reason instead of throwing so one bad entry cannot wedge a reader. */
export function decodeTrigger(flat: string[]): { trigger: SyncTrigger } | { problem: string } {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) record[flat[i] as string] = flat[i + 1] as string;
  const parsed = fieldsSchema.safeParse(record);
  if (!parsed.success)
    return { problem: parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ') };
  const { idsTruncated, occurredAt, ...rest } = parsed.data;
  return {
    trigger: {
      ...rest,
      ...(idsTruncated ? { idsTruncated: true } : {}),
      ...(occurredAt !== undefined ? { occurredAt } : {}),
    },
  };
}
