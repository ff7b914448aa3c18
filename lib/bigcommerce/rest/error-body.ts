import type { z } from 'zod';
import { v2ErrorBodySchema, type V2ErrorItem } from './schemas/v2-error';
import { v3ErrorBodySchema, type V3ErrorBody } from './schemas/v3-error';
import {
  priceListBatchErrorBodySchema,
  serviceDegradedBodySchema,
  type PriceListBatchErrorBody,
  type PriceRecordBatchError,
  type ServiceDegradedBody,
} from './schemas/price-list-errors';

/**
 * A failed response's body, recognised as one of the documented BigCommerce shapes so callers can
 * switch on `shape` instead of probing unknown JSON. `unrecognized` keeps whatever came back
 * (text or JSON); `none` means there was no response (network error, timeout).
 */
export type BigCommerceErrorBody =
  | { shape: 'v3'; value: V3ErrorBody }
  | { shape: 'v2'; value: V2ErrorItem[] }
  | { shape: 'price_list_batch'; value: PriceListBatchErrorBody }
  | { shape: 'service_degraded'; value: ServiceDegradedBody }
  | { shape: 'unrecognized'; value: unknown }
  | { shape: 'none' };

/** Most specific shape first: a batch-error or degraded body would also pass the loose v3 check. */
export function recognizeErrorBody(raw: unknown): BigCommerceErrorBody {
  if (raw === undefined || raw === '') return { shape: 'none' };
  const batch = priceListBatchErrorBodySchema.safeParse(raw);
  if (batch.success) return { shape: 'price_list_batch', value: batch.data };
  const degraded = serviceDegradedBodySchema.safeParse(raw);
  if (degraded.success) return { shape: 'service_degraded', value: degraded.data };
  const v2 = v2ErrorBodySchema.safeParse(raw);
  if (v2.success) return { shape: 'v2', value: v2.data };
  const v3 = v3ErrorBodySchema.safeParse(raw);
  if (v3.success) return { shape: 'v3', value: v3.data };
  return { shape: 'unrecognized', value: raw };
}

const MAX_LISTED = 3;
const MAX_TEXT = 300;

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value) ?? String(value);
}

function truncate(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function fieldErrors(errors: Record<string, unknown> | undefined): string[] {
  return Object.entries(errors ?? {}).map(([field, msg]) => `${field}: ${stringify(msg)}`);
}

function listWithMore(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join('; ');
  return items.length > MAX_LISTED ? `${shown}; +${items.length - MAX_LISTED} more` : shown;
}

function describeBatchError(err: PriceRecordBatchError): string {
  const id = err.data;
  const who =
    id?.sku !== undefined
      ? `sku ${id.sku}`
      : id?.variant_id !== undefined
        ? `variant ${id.variant_id}`
        : 'record';
  const where = id?.currency !== undefined ? `${who} ${id.currency}` : who;
  const problems = fieldErrors(err.field_errors);
  return problems.length > 0 ? `${where}: ${problems.join(', ')}` : where;
}

/** One line a person can act on, e.g. `2 batch errors (sku ABC usd: price: must be ≥ 0; …)`. */
export function describeErrorBody(body: BigCommerceErrorBody): string | undefined {
  switch (body.shape) {
    case 'none':
      return undefined;
    case 'price_list_batch': {
      const n = body.value.batch_errors.length;
      const items = body.value.batch_errors.map(describeBatchError);
      return `${n} batch error${n === 1 ? '' : 's'}${n > 0 ? ` (${listWithMore(items)})` : ''}`;
    }
    case 'service_degraded': {
      const e = body.value.error;
      const retry = e.retry_after_seconds !== undefined ? `; retry after ${e.retry_after_seconds}s` : '';
      return `${e.code}${e.message !== undefined ? `: ${e.message}` : ''}${retry}`;
    }
    case 'v2':
      return listWithMore(body.value.map((item) => item.message ?? item.title ?? stringify(item)));
    case 'v3': {
      const problems = fieldErrors(body.value.errors);
      const head = body.value.title ?? body.value.detail ?? '';
      if (problems.length === 0) return head || undefined;
      return `${head}${head ? ' ' : ''}(${listWithMore(problems)})`;
    }
    case 'unrecognized':
      return truncate(stringify(body.value));
  }
}

/** `price.0: Invalid input…` style summary of a zod failure, naming where in the body it broke. */
export function describeZodIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.map((issue) => {
    const path = issue.path
      .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
      .join('');
    return `${path || '(root)'}: ${issue.message}`;
  });
  return listWithMore(parts);
}
