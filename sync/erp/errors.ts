/**
 * Errors are values with a kind (house rule): the sync engine branches on `kind`, never on message text, and the
 * message says what a person should do about it.
 */
export type ErpErrorKind = 'auth' | 'rate_limited' | 'upstream' | 'validation' | 'not_found';

/** One rejected input, located precisely enough to fix: file + line + field, or query + row + field. */
export interface ErpIssue {
  /** File path (file-drop) or the logical source ("suiteql:pricing") (NetSuite). */
  source: string;
  /** 1-based line in the file, or 1-based row number in the result. */
  line?: number;
  field?: string;
  message: string;
  /**
   * The business key of the rejected row (a customer number), when it could be read: tells the consumer whose data
   * was refused, so it can stop vouching for what it holds of that customer.
   */
  key?: string;
}

export class ErpError extends Error {
  override readonly name = 'ErpError';
  constructor(
    readonly kind: ErpErrorKind,
    message: string,
    readonly details: {
      /** HTTP status of the upstream response, when there was one. */
      status?: number;
      /** The ERP's own error code (NetSuite `o:errorCode`). */
      code?: string;
      issues?: ErpIssue[];
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  /** Whether the same call may succeed later without anyone changing anything. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'upstream';
  }
}

export function formatIssue(issue: ErpIssue): string {
  const where = [issue.source, issue.line === undefined ? undefined : `line ${issue.line}`, issue.field]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where}: ${issue.message}`;
}
