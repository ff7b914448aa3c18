import type { z } from 'zod';

/**
 * Turns zod issues into BigCommerce's `errors: {field: message}` map. The v3 catalog and customer services
 * report JSON validation failures with Play-JSON style codes ("error.path.missing", "error.expected.jsnumber"),
 * so the messages imitate those [I: observed in real 422 bodies, not stated in the specs]. The key is the
 * dotted path of the offending field, prefixed by `prefix` (e.g. "[2]." for the third item of a batch).
 */
export function fieldErrors(error: z.ZodError, input: unknown, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = prefix + issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
    errors[key || prefix.replace(/\.$/, '') || 'body'] ??= messageFor(issue, valueAt(input, issue.path));
  }
  return errors;
}

function messageFor(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'error.path.missing';
      return `error.expected.js${issue.expected === 'int' ? 'number' : issue.expected}`;
    case 'invalid_value':
      return 'error.expected.validenumvalue';
    case 'too_small':
      return issue.origin === 'string' ? `error.minLength (${String(issue.minimum)})` : `error.min (${String(issue.minimum)})`;
    case 'too_big':
      return issue.origin === 'string' ? `error.maxLength (${String(issue.maximum)})` : `error.max (${String(issue.maximum)})`;
    default:
      return issue.message;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A `:id` route parameter as a positive integer, or undefined (the caller answers 404 as BigCommerce does). */
export function idParam(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
