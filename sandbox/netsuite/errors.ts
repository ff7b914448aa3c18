/**
 * NetSuite's one error envelope (§4.5): `type`, `title`, `status`, `o:errorDetails[]`. Every failure the emulator
 * returns goes through here so the adapter can be tested against exactly one shape.
 */
export interface NsErrorDetail {
  detail: string;
  'o:errorCode': string;
  'o:errorPath'?: string;
  'o:errorQueryParam'?: string;
  'o:errorHeader'?: string;
}

export interface NsErrorBody {
  type: string;
  title: string;
  status: number;
  'o:errorDetails': NsErrorDetail[];
}

const TYPES: Record<number, string> = {
  400: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1',
  401: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html',
  404: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.5',
  405: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.6',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.1',
  503: 'https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.5.4',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error a handler throws; the server turns it into the envelope. */
export class NsHttpError extends Error {
  /** Extra response headers (the idempotency conflict points at the first job with Location). */
  headers: Record<string, string> = {};
  /** Overrides the `type` URI derived from the status (the conflict is a 400 typed as 409, sec10.4.10). */
  typeUri?: string;

  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extra: Omit<NsErrorDetail, 'detail' | 'o:errorCode'> = {},
    readonly title?: string,
  ) {
    super(detail);
  }

  toBody(): NsErrorBody {
    const body = errorBody(this.status, this.code, this.message, this.extra, this.title);
    return this.typeUri === undefined ? body : { ...body, type: this.typeUri };
  }
}

export function errorBody(
  status: number,
  code: string,
  detail: string,
  extra: Omit<NsErrorDetail, 'detail' | 'o:errorCode'> = {},
  title?: string,
): NsErrorBody {
  return {
    type: TYPES[status] ?? TYPES[500] ?? '',
    title: title ?? TITLES[status] ?? 'Error',
    status,
    'o:errorDetails': [{ detail, 'o:errorCode': code, ...extra }],
  };
}

export const INVALID_LOGIN_DETAIL =
  'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.';

export function invalidLogin(): NsHttpError {
  return new NsHttpError(401, 'INVALID_LOGIN', INVALID_LOGIN_DETAIL);
}

/** [I] code name: the sheet records 404 + NONEXISTENT_ID from a third-party conformance test. */
export function nonexistentId(recordType: string, id: string): NsHttpError {
  return new NsHttpError(404, 'NONEXISTENT_ID', `The record instance does not exist. Provide a valid record instance ID. (${recordType} ${id})`);
}
