/**
 * The one NetSuite HTTP client: auth headers, a concurrency cap sized from the account's governance limits
 * (NetSuite rejects rather than queues, §4.6; see concurrency.ts),
 * retries with exponential backoff and full jitter on 429/5xx/network errors, typed errors, and SuiteQL paging as
 * async iterables (offset paging inside NetSuite's 100k window, keyset paging past it).
 *
 * Retries are only automatic where repeating is harmless: reads, and any request NetSuite refused with 429 (it was
 * rejected before doing anything). A write whose outcome is unknown (5xx after sending, dropped connection) is
 * reported as `upstream` with code OUTCOME_UNKNOWN, and the caller decides — the order poster re-reads first.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ErpError, type ErpErrorKind } from '../errors';
import type { NetSuiteAuth } from './auth';
import { AccountConcurrency, ResizableSemaphore, limitFromGovernance, sharedAccountConcurrency } from './concurrency';

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface NetSuiteClientOptions {
  /** `https://1234567-sb1.suitetalk.api.netsuite.com/services/rest` (no trailing slash). */
  restBase: string;
  auth: NetSuiteAuth;
  /**
   * Concurrent requests this process allows itself against the account. With governance on (default) it is the
   * fallback when governanceLimits can't be read (the role isn't an administrator; default 1) and a cap on the
   * limit it reports; with governance off it is the limit (default 4).
   */
  maxConcurrency?: number;
  /** Size the limit from `GET /system/v1/governanceLimits` (default true). */
  governance?: boolean;
  /** How often the governance limit is re-read (default 10 minutes). */
  governanceRefreshMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Per attempt. NetSuite aborts requests after 15 minutes; we give up much sooner. */
  timeoutMs?: number;
  /** SuiteQL page size (≤ 1000). */
  pageSize?: number;
  /** Rows reachable by offset paging (NetSuite: 100,000). */
  resultCap?: number;
  fetchImpl?: typeof fetch;
}

export interface NsResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export type SuiteQlRow = Record<string, unknown>;

interface RequestOptions {
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Whether 5xx/network failures may be retried automatically (true for reads). */
  idempotent: boolean;
  /** Statuses the caller handles itself instead of getting an error (e.g. 404 on a lookup). */
  accept?: number[];
  /** Skip the concurrency limiter (only the governance read, which sizes it). */
  ungoverned?: boolean;
}

export const OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN';

function errorDetail(body: unknown): { code?: string; detail?: string; path?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const details = (body as Record<string, unknown>)['o:errorDetails'];
  const first: unknown = Array.isArray(details) ? details[0] : undefined;
  if (typeof first !== 'object' || first === null) return {};
  const d = first as Record<string, unknown>;
  return {
    code: typeof d['o:errorCode'] === 'string' ? d['o:errorCode'] : undefined,
    detail: typeof d['detail'] === 'string' ? d['detail'] : undefined,
    path: typeof d['o:errorPath'] === 'string' ? d['o:errorPath'] : undefined,
  };
}

function kindForStatus(status: number): ErpErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'upstream';
  return 'validation';
}

export class NetSuiteClient {
  /** Account-wide (governance) or this client's own (governance off) limit on requests in flight. */
  readonly concurrency: Pick<AccountConcurrency, 'run'>;
  private readonly retry: RetryPolicy;
  private readonly fetchImpl: typeof fetch;
  readonly pageSize: number;
  readonly resultCap: number;

  constructor(private readonly options: NetSuiteClientOptions) {
    this.concurrency =
      options.governance === false
        ? new ResizableSemaphore(options.maxConcurrency ?? 4)
        : sharedAccountConcurrency(
            `${options.restBase}|${options.auth.identity}`,
            () => new AccountConcurrency({ readLimit: () => this.governanceLimit(), configured: options.maxConcurrency, refreshMs: options.governanceRefreshMs ?? 600_000 }),
          );
    this.retry = { maxAttempts: 5, baseDelayMs: 250, maxDelayMs: 15_000, ...options.retry };
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.pageSize = Math.min(options.pageSize ?? 1000, 1000);
    this.resultCap = options.resultCap ?? 100_000;
  }

  /** This integration's concurrency limit per governanceLimits; null when it can't be read (not an admin role). */
  async governanceLimit(): Promise<number | null> {
    try {
      const { body } = await this.request('GET', '/system/v1/governanceLimits', { idempotent: true, ungoverned: true });
      return limitFromGovernance(body);
    } catch {
      return null;
    }
  }

  /** Full jitter: a random delay in [0, base·2^attempt], so a fleet of workers doesn't retry in lock-step. */
  private backoff(attempt: number, retryAfter: string | null): number {
    const hinted = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** attempt);
    return Math.max(hinted, Math.random() * ceiling);
  }

  async request(method: string, path: string, options: RequestOptions): Promise<NsResponse> {
    const url = new URL(`${this.options.restBase}${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    let authRetried = false;
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt + 1 >= this.retry.maxAttempts;
      let response: Response;
      let text: string;
      try {
        const send = async (): Promise<{ response: Response; text: string }> => {
          // Signed once a slot is ours: a TBA timestamp shouldn't age while the request waits its turn.
          const authorization = await this.options.auth.header(method, url.toString());
          const r = await this.fetchImpl(url, {
            method,
            headers: {
              Authorization: authorization,
              Accept: 'application/json',
              ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
              ...options.headers,
            },
            body: options.body === undefined ? undefined : JSON.stringify(options.body),
            signal: AbortSignal.timeout(this.options.timeoutMs ?? 120_000),
          });
          return { response: r, text: await r.text() };
        };
        ({ response, text } = await (options.ungoverned ? send() : this.concurrency.run(send)));
      } catch (cause) {
        if (cause instanceof ErpError) {
          if (!cause.retryable || last) throw cause;
          await sleep(this.backoff(attempt, null));
          continue;
        }
        // Network error or timeout: the request may or may not have been processed.
        if (options.idempotent && !last) {
          await sleep(this.backoff(attempt, null));
          continue;
        }
        throw new ErpError('upstream', `NetSuite ${method} ${path} failed without a response: ${(cause as Error).message}.`, {
          code: options.idempotent ? undefined : OUTCOME_UNKNOWN,
          cause,
        });
      }
      const body: unknown = text === '' ? undefined : safeJson(text);
      if (response.ok || options.accept?.includes(response.status)) return { status: response.status, headers: response.headers, body };

      if (response.status === 401 && !authRetried && this.options.auth.invalidate()) {
        authRetried = true;
        continue;
      }
      const retryable = response.status === 429 || (response.status >= 500 && options.idempotent);
      if (retryable && !last) {
        await sleep(this.backoff(attempt, response.headers.get('retry-after')));
        continue;
      }
      const { code, detail, path: errorPath } = errorDetail(body);
      const kind = kindForStatus(response.status);
      const unknownOutcome = response.status >= 500 && !options.idempotent;
      throw new ErpError(
        kind,
        `NetSuite ${method} ${path} → ${response.status}${code ? ` ${code}` : ''}: ${detail ?? text.slice(0, 300)}${errorPath ? ` (at ${errorPath})` : ''}${
          kind === 'auth' ? '. Check the NetSuite credentials and the role’s REST Web Services permission.' : ''
        }${retryable ? ` (gave up after ${attempt + 1} attempts)` : ''}`,
        { status: response.status, code: unknownOutcome ? OUTCOME_UNKNOWN : code },
      );
    }
  }

  private async suiteQlPage(q: string, offset: number): Promise<{ items: SuiteQlRow[]; hasMore: boolean; totalResults: number }> {
    const { body } = await this.request('POST', '/query/v1/suiteql', {
      query: { limit: String(this.pageSize), offset: String(offset) },
      body: { q },
      headers: { Prefer: 'transient' },
      idempotent: true, // a SuiteQL POST only reads
    });
    const page = body as { items?: unknown; hasMore?: unknown; totalResults?: unknown };
    if (!Array.isArray(page.items)) throw new ErpError('upstream', 'NetSuite SuiteQL response had no items array.');
    return {
      items: page.items as SuiteQlRow[],
      hasMore: page.hasMore === true,
      totalResults: typeof page.totalResults === 'number' ? page.totalResults : 0,
    };
  }

  /**
   * Streams a query's rows with offset paging. For tables that can't exceed NetSuite's 100k window (price levels,
   * currencies, one order's fulfilments); bigger reads use `suiteQlKeyset`.
   */
  async *suiteQl(q: string): AsyncGenerator<SuiteQlRow> {
    for (let offset = 0; ; offset += this.pageSize) {
      const page = await this.suiteQlPage(q, offset);
      yield* page.items;
      const reached = offset + page.items.length;
      if (reached >= page.totalResults || (!page.hasMore && page.items.length === 0)) return;
      if (!page.hasMore || offset + this.pageSize >= this.resultCap) {
        throw new ErpError('upstream', `SuiteQL result exceeds NetSuite's ${this.resultCap}-row paging window; this query needs keyset paging.`);
      }
    }
  }

  /**
   * Keyset paging past the 100k window. `build(after)` must return a query filtered to `keyColumn > after` (when
   * after isn't null) and ordered by `keyColumn` first. Rows are yielded only once their key's group is complete,
   * so when a window ends mid-group the group is re-read whole from the next window: nothing duplicated, nothing
   * missed. Keys are numeric internal ids.
   */
  async *suiteQlKeyset(build: (after: number | null) => string, keyColumn: string): AsyncGenerator<SuiteQlRow> {
    let after: number | null = null;
    for (;;) {
      const q = build(after);
      let pending: SuiteQlRow[] = [];
      let pendingKey: number | null = null;
      let lastCompleteKey: number | null = null;
      let truncated = false;
      for (let offset = 0; ; offset += this.pageSize) {
        const page = await this.suiteQlPage(q, offset);
        for (const row of page.items) {
          const key = Number(row[keyColumn]);
          if (!Number.isInteger(key)) throw new ErpError('upstream', `SuiteQL keyset column ${keyColumn} is missing or not an id.`);
          if (key !== pendingKey) {
            yield* pending;
            if (pendingKey !== null) lastCompleteKey = pendingKey;
            pending = [];
            pendingKey = key;
          }
          pending.push(row);
        }
        const reached = offset + page.items.length;
        if (reached >= page.totalResults) break;
        if (!page.hasMore || offset + this.pageSize >= this.resultCap) {
          truncated = true;
          break;
        }
      }
      if (!truncated) {
        yield* pending;
        return;
      }
      if (lastCompleteKey === null) {
        throw new ErpError('upstream', `More than ${this.resultCap} SuiteQL rows share one ${keyColumn}; keyset paging can't split them.`);
      }
      after = lastCompleteKey;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
