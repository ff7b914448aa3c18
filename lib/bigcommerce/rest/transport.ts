/**
 * One HTTP attempt over Node 20's global fetch: headers, per-attempt timeout, caller abort, body
 * parsing. No retry or budget logic here; failures come back as `TransportFailure` so the client
 * can decide whether a retry is safe.
 */
export interface AttemptRequest {
  url: string;
  method: string;
  accessToken: string;
  body: unknown;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** Called as soon as the status line and headers arrive, before the body is read. */
  onHeaders: (headers: Headers, status: number) => void;
}

export interface AttemptResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, text for non-JSON bodies, or undefined for an empty body / 204. */
  body: unknown;
  /** Set when the server said JSON but sent something unparseable. */
  jsonError: string | undefined;
}

export type TransportFailureKind = 'timeout' | 'network' | 'aborted';

export class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
  constructor(
    readonly kind: TransportFailureKind,
    readonly detail: string,
    options: { cause: unknown },
  ) {
    super(detail, options);
  }
}

/** Node's fetch hides the real reason (ECONNRESET, ECONNREFUSED…) in `cause`. */
function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${code} (${current.message})` : current.message);
    current = current.cause;
  }
  return [...new Set(parts)].join(': ') || String(error);
}

export async function sendAttempt(req: AttemptRequest): Promise<AttemptResponse> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), req.timeoutMs);
  const signal = req.signal === undefined ? timeout.signal : AbortSignal.any([req.signal, timeout.signal]);

  const headers: Record<string, string> = {
    'X-Auth-Token': req.accessToken,
    Accept: 'application/json',
  };
  const hasBody = req.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';

  const fail = (error: unknown): TransportFailure => {
    if (req.signal?.aborted) return new TransportFailure('aborted', 'aborted by caller', { cause: error });
    if (timeout.signal.aborted) {
      return new TransportFailure('timeout', `no complete response within ${req.timeoutMs} ms`, { cause: error });
    }
    return new TransportFailure('network', describeNetworkError(error), { cause: error });
  };

  try {
    let response: Response;
    try {
      response = await fetch(req.url, {
        method: req.method,
        headers,
        body: hasBody ? JSON.stringify(req.body) : undefined,
        signal,
        // Following a redirect would forward X-Auth-Token to wherever Location points.
        redirect: 'manual',
      });
    } catch (error) {
      throw fail(error);
    }
    req.onHeaders(response.headers, response.status);

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw fail(error);
    }
    if (text === '') return { status: response.status, headers: response.headers, body: undefined, jsonError: undefined };
    const contentType = response.headers.get('content-type') ?? '';
    // application/json and application/problem+json (inventory errors).
    if (!/json/i.test(contentType)) {
      return { status: response.status, headers: response.headers, body: text, jsonError: undefined };
    }
    try {
      return { status: response.status, headers: response.headers, body: JSON.parse(text) as unknown, jsonError: undefined };
    } catch (error) {
      const jsonError = error instanceof Error ? error.message : String(error);
      return { status: response.status, headers: response.headers, body: text, jsonError };
    }
  } finally {
    clearTimeout(timer);
  }
}
