import { z, type ZodType } from 'zod';
import { defaultSleep } from './clock';
import { describeErrorBody, describeZodIssues, recognizeErrorBody } from './error-body';
import {
  BigCommerceApiError,
  hintForStatus,
  kindForStatus,
  redactToken,
  statusText,
  type BigCommerceErrorKind,
} from './errors';
import type { BigCommerceRestEvent } from './events';
import { walkV2Pages, walkV3Pages } from './pagination';
import { RateLimitBudget, type RateLimitSnapshot } from './rate-limit-budget';
import { createRetryPolicy, isIdempotentMethod, isRetryableServerStatus } from './retry-policy';
import { v3EnvelopeSchema, type V3Response } from './schemas/v3-envelope';
import { sendAttempt, TransportFailure, type AttemptResponse } from './transport';
import type {
  BigCommerceRestClientOptions,
  CallOptions,
  HttpMethod,
  RequestOptions,
  SchemaOption,
} from './types';
import { assertApiPath, buildQueryString, buildStoreBaseUrl, type QueryParams } from './url';

export interface BigCommerceRestClient {
  request<T>(options: RequestOptions & SchemaOption<T>): Promise<T>;
  request(options: RequestOptions): Promise<unknown>;
  get<T>(path: string, options: CallOptions & SchemaOption<T>): Promise<T>;
  get(path: string, options?: CallOptions): Promise<unknown>;
  post<T>(path: string, body: unknown, options: CallOptions & SchemaOption<T>): Promise<T>;
  post(path: string, body: unknown, options?: CallOptions): Promise<unknown>;
  put<T>(path: string, body: unknown, options: CallOptions & SchemaOption<T>): Promise<T>;
  put(path: string, body: unknown, options?: CallOptions): Promise<unknown>;
  del<T>(path: string, options: CallOptions & SchemaOption<T>): Promise<T>;
  del(path: string, options?: CallOptions): Promise<unknown>;
  /** One v3 response `{data, meta}`. Pass `z.array(item)` for collections, `item` for single objects. */
  getV3<T>(path: string, dataSchema: ZodType<T>, query?: QueryParams, options?: Omit<CallOptions, 'query'>): Promise<V3Response<T>>;
  /** Every item of a v3 collection, page by page (`limit` defaults to 250, capped at 250). */
  paginateV3<T>(path: string, itemSchema: ZodType<T>, query?: QueryParams, options?: Omit<CallOptions, 'query'>): AsyncIterable<T>;
  /** Every item of a v2 bare-array collection, until 204 / empty page / short page. */
  paginateV2<T>(path: string, itemSchema: ZodType<T>, query?: QueryParams, options?: Omit<CallOptions, 'query'>): AsyncIterable<T>;
  /** The shared budget as last reported by BigCommerce, for metrics (`bc_rate_limit_left`). */
  rateLimit(): RateLimitSnapshot;
}

interface Context {
  method: HttpMethod;
  path: string;
}

const DEFAULTS = {
  timeoutMs: 30_000,
  maxRetries: 4,
  maxRateLimitRetries: 20,
  reserveFraction: 0.1,
} as const;

function assertOptions(o: BigCommerceRestClientOptions): void {
  if (o.accessToken.trim() === '') throw new TypeError('BigCommerce accessToken is empty: set BIGCOMMERCE_ACCESS_TOKEN');
  if (!/^https?:\/\//.test(o.apiUrl)) throw new TypeError(`apiUrl must be an http(s) URL; got "${o.apiUrl}"`);
  const fraction = o.reserveFraction ?? DEFAULTS.reserveFraction;
  if (!(fraction >= 0 && fraction < 1)) throw new TypeError('reserveFraction must be in [0, 1)');
  for (const key of ['maxRetries', 'maxRateLimitRetries'] as const) {
    const value = o[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new TypeError(`${key} must be a non-negative integer`);
    }
  }
  if (o.timeoutMs !== undefined && !(o.timeoutMs > 0)) throw new TypeError('timeoutMs must be > 0');
}

export function createBigCommerceRestClient(options: BigCommerceRestClientOptions): BigCommerceRestClient {
  assertOptions(options);
  const baseUrl = buildStoreBaseUrl(options.apiUrl, options.storeHash);
  const token = options.accessToken;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxRetries = options.maxRetries ?? DEFAULTS.maxRetries;
  const maxRateLimitRetries = options.maxRateLimitRetries ?? DEFAULTS.maxRateLimitRetries;
  const budget = new RateLimitBudget({
    now,
    sleep,
    reserveFraction: options.reserveFraction ?? DEFAULTS.reserveFraction,
  });
  const policy = createRetryPolicy({ random: options.random ?? Math.random, ...options.retry });

  const emit = (event: BigCommerceRestEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // Observability must never fail a request.
    }
  };

  const apiError = (init: {
    kind: BigCommerceErrorKind;
    ctx: Context;
    status: number | undefined;
    detail: string;
    rawBody?: unknown;
    attempts: number;
    issues?: BigCommerceApiError['issues'];
    cause?: unknown;
  }): BigCommerceApiError => {
    const body = redactToken(recognizeErrorBody(init.rawBody), token);
    return new BigCommerceApiError({
      kind: init.kind,
      message: redactToken(`${init.ctx.method} ${init.ctx.path} → ${init.detail}`, token),
      status: init.status,
      method: init.ctx.method,
      path: init.ctx.path,
      body,
      attempts: init.attempts,
      issues: init.issues,
      cause: init.cause,
    });
  };

  /** `422 Unprocessable: 2 batch errors (…); hint (after 3 attempts)` */
  const httpError = (ctx: Context, response: AttemptResponse, attempts: number): BigCommerceApiError => {
    const { status } = response;
    const described = describeErrorBody(recognizeErrorBody(response.body));
    const hint = hintForStatus(status);
    let detail = `${status}${statusText(status) ? ` ${statusText(status)}` : ''}`;
    if (status >= 300 && status < 400) {
      detail += `: unexpected redirect to ${response.headers.get('location') ?? '(no Location)'}; not followed so the access token stays with BigCommerce (check apiUrl)`;
    } else {
      if (described) detail += `: ${described}`;
      if (hint) detail += `${described ? '; ' : ': '}${hint}`;
    }
    if (attempts > 1) detail += ` (after ${attempts} attempts)`;
    return apiError({ kind: kindForStatus(status), ctx, status, detail, rawBody: response.body, attempts });
  };

  /** Send with budget, retries and backoff; resolves only with a 2xx response. */
  const execute = async (opts: RequestOptions, ctx: Context): Promise<{ response: AttemptResponse; attempts: number }> => {
    const url = `${baseUrl}${opts.path}${buildQueryString(opts.query)}`;
    const idempotent = opts.idempotent ?? isIdempotentMethod(opts.method);
    const attemptTimeout = opts.timeoutMs ?? timeoutMs;
    let attempts = 0;
    let retries = 0;
    let rateLimited = 0;

    for (;;) {
      const ticket = await budget.acquire(opts.signal, (pause) =>
        emit({ type: 'rate_limit_pause', method: ctx.method, path: ctx.path, ...pause }),
      );
      attempts += 1;
      const started = now();
      let response: AttemptResponse;
      try {
        response = await sendAttempt({
          url,
          method: opts.method,
          accessToken: token,
          body: opts.body,
          timeoutMs: attemptTimeout,
          signal: opts.signal,
          onHeaders: (headers, status) => ticket.settle(headers, status),
        });
      } catch (error) {
        ticket.release();
        if (!(error instanceof TransportFailure)) throw error;
        if (error.kind === 'aborted') throw opts.signal?.reason ?? error;
        const kind: BigCommerceErrorKind = error.kind;
        const what = kind === 'timeout' ? `timed out (${error.detail})` : `network error (${error.detail})`;
        if (!idempotent) {
          throw apiError({
            kind,
            ctx,
            status: undefined,
            attempts,
            cause: error.cause,
            detail: `${what}; not retried: ${ctx.method} is not idempotent and BigCommerce may have processed it, check before resending`,
          });
        }
        if (retries >= maxRetries) {
          throw apiError({ kind, ctx, status: undefined, attempts, cause: error.cause, detail: `${what} after ${attempts} attempts` });
        }
        const waitMs = policy.backoffMs(retries);
        retries += 1;
        emit({ type: 'retry', method: ctx.method, path: ctx.path, retry: retries, waitMs, cause: kind, status: undefined });
        await sleep(waitMs, opts.signal);
        continue;
      }

      emit({ type: 'response', method: ctx.method, path: ctx.path, status: response.status, attempt: attempts, durationMs: now() - started });
      if (response.status >= 200 && response.status < 300) return { response, attempts };

      if (response.status === 429) {
        if (rateLimited >= maxRateLimitRetries) throw httpError(ctx, response, attempts);
        const decision = policy.rateLimitDelay(response.headers, rateLimited);
        rateLimited += 1;
        emit({ type: 'rate_limited', method: ctx.method, path: ctx.path, count: rateLimited, ...decision });
        await sleep(decision.waitMs, opts.signal);
        continue;
      }

      // A 503 is the server refusing before doing anything, so even a POST may be repeated.
      const retryable = isRetryableServerStatus(response.status) && (idempotent || response.status === 503);
      if (!retryable || retries >= maxRetries) throw httpError(ctx, response, attempts);
      const waitMs = policy.serverErrorDelay(response.headers, response.body, retries);
      retries += 1;
      emit({ type: 'retry', method: ctx.method, path: ctx.path, retry: retries, waitMs, cause: 'status', status: response.status });
      await sleep(waitMs, opts.signal);
    }
  };

  function request<T>(opts: RequestOptions & SchemaOption<T>): Promise<T>;
  function request(opts: RequestOptions): Promise<unknown>;
  async function request<T>(opts: RequestOptions & Partial<SchemaOption<T>>): Promise<T | unknown> {
    assertApiPath(opts.path);
    const ctx: Context = { method: opts.method, path: opts.path };
    const { response, attempts } = await execute(opts, ctx);
    if (response.jsonError !== undefined) {
      throw apiError({
        kind: 'upstream',
        ctx,
        status: response.status,
        attempts,
        rawBody: response.body,
        detail: `${response.status}: response is not valid JSON (${response.jsonError})`,
      });
    }
    if (opts.schema === undefined) return response.body;
    const parsed = opts.schema.safeParse(response.body);
    if (parsed.success) return parsed.data;
    throw apiError({
      kind: 'validation',
      ctx,
      status: response.status,
      attempts,
      rawBody: response.body,
      issues: parsed.error.issues,
      detail: `${response.status} response did not match the expected schema: ${describeZodIssues(parsed.error.issues)}`,
    });
  }

  // The public overloads (typed when a schema is given) are declared on BigCommerceRestClient.
  const call = (method: HttpMethod, path: string, body: unknown, options: CallOptions | undefined) =>
    request({ ...options, method, path, body });

  async function getV3<T>(path: string, dataSchema: ZodType<T>, query?: QueryParams, options?: Omit<CallOptions, 'query'>): Promise<V3Response<T>> {
    const schema: ZodType<V3Response<T>> = v3EnvelopeSchema(dataSchema);
    return request({ ...options, method: 'GET', path, query, schema });
  }

  async function* paginateV3<T>(path: string, itemSchema: ZodType<T>, query?: QueryParams, options?: Omit<CallOptions, 'query'>): AsyncGenerator<T, void, undefined> {
    const pages = walkV3Pages((q) => getV3(path, z.array(itemSchema), q, options), { method: 'GET', path }, query);
    for await (const page of pages) yield* page;
  }

  async function* paginateV2<T>(path: string, itemSchema: ZodType<T>, query?: QueryParams, options?: Omit<CallOptions, 'query'>): AsyncGenerator<T, void, undefined> {
    // `optional()` accepts the empty body of a 204 past the last page.
    const pageSchema: ZodType<T[] | undefined> = z.array(itemSchema).optional();
    const fetchPage = (q: QueryParams) => request({ ...options, method: 'GET', path, query: q, schema: pageSchema });
    for await (const page of walkV2Pages(fetchPage, query)) yield* page;
  }

  return {
    request,
    get: ((path: string, o?: CallOptions) => call('GET', path, undefined, o)) as BigCommerceRestClient['get'],
    post: ((path: string, body: unknown, o?: CallOptions) => call('POST', path, body, o)) as BigCommerceRestClient['post'],
    put: ((path: string, body: unknown, o?: CallOptions) => call('PUT', path, body, o)) as BigCommerceRestClient['put'],
    del: ((path: string, o?: CallOptions) => call('DELETE', path, undefined, o)) as BigCommerceRestClient['del'],
    getV3,
    paginateV3,
    paginateV2,
    rateLimit: () => budget.snapshot(),
  };
}
