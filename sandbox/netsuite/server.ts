/**
 * The NetSuite emulator: a node:http server speaking the REST/SuiteQL contract of ERP-CONTRACTS.md §4 over a real
 * SQL engine (PGlite), seeded from the shared demo dataset. Start it from tests or the dev orchestrator:
 *
 *   const ns = await startNetSuiteEmulator({ port: 0, dataset });
 *   // ns.url, ns.credentials (zero-config dev auth), ns.faults, ns.sql(...), await ns.close()
 *
 * Request pipeline, in order: sandbox admin (`/__sandbox/*`, never governed) → outage → auth → concurrency gate
 * (429) → injected faults/latency → handler (or, with `Prefer: respond-async`, the async job queue) → post-commit
 * faults.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ZodError } from 'zod';
import type { DemoDataset } from '../demo-data/types';
import { OAuth2Server, OAuthTokenError, type M2MRegistration } from './auth/oauth2';
import { TbaVerifier, type TbaRegistration } from './auth/tba';
import { openDb, type Db } from './db';
import { DEV_ACCOUNT_ID, DEV_M2M, DEV_TBA, accountHostForm, devPrivateKeyPem, devPublicKeyPem } from './dev-credentials';
import { NsHttpError, errorBody, invalidLogin } from './errors';
import { Faults, type FaultConfigPatch } from './faults';
import { AsyncJobs, type JobOutcome } from './async-jobs';
import { ConcurrencyGate } from './governance';
import { MEDIA, parseJsonBody, readBody, sendError, sendJson, sendOutcome } from './http';
import { parsePageRequest, RESULT_CAP } from './paging';
import { routeRecord } from './records/router';
import { SandboxAdmin } from './admin';
import type { ErpDrift } from './drift';
import { seedFromDataset } from './seed';
import { executeSuiteQl } from './suiteql/execute';

export interface NetSuiteEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  dataset?: DemoDataset;
  /**
   * Default true: seed with the deterministic ERP drift of drift.ts (every 17th contract price row +3%, every 50th
   * stock level +7 on hand), so ERP and BigCommerce differ at start. False: seed the dataset exactly.
   */
  seedDrift?: boolean;
  /** Realm form, e.g. "1234567_SB1". */
  accountId?: string;
  /** Default 5, NetSuite's smallest tier's share for one integration. */
  concurrencyLimit?: number;
  /** A concurrency limit allocated to this integration (governanceLimits `integrationSpecific`). Default: none. */
  integrationConcurrencyLimit?: number | null;
  /** Concurrency allocated to other integrations: the unallocated pool shrinks by it. Default 0. */
  allocatedToOtherIntegrations?: number;
  latencyMs?: number;
  /** Results reachable by offset paging (NetSuite: 100,000). Lower it to test keyset paging cheaply. */
  resultCap?: number;
  tokenTtlSeconds?: number;
  allowRs256?: boolean;
  /** Extra M2M clients / TBA tokens beyond the published dev ones. */
  m2mClients?: M2MRegistration[];
  tbaTokens?: TbaRegistration[];
  /** Log unexpected errors (default true). */
  logErrors?: boolean;
}

export interface NetSuiteEmulator {
  /** `http://127.0.0.1:{port}`; the REST base is `${url}/services/rest`. */
  url: string;
  restBase: string;
  accountId: string;
  /** Ready-made dev credentials for the adapter (both auth schemes). */
  credentials: {
    accountId: string;
    m2m: { clientId: string; certificateId: string; privateKeyPem: string; alg: string };
    tba: { consumerKey: string; consumerSecret: string; tokenId: string; tokenSecret: string };
  };
  faults: Faults;
  gate: ConcurrencyGate;
  /** Async jobs (`Prefer: respond-async`); `await jobs.settled()` waits for queued ones. */
  jobs: AsyncJobs;
  db: Db;
  /** Sandbox admin: run SQL against the emulator's tables (to move stock or prices in tests). */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** How the seed differs from the dataset (null: no dataset, or `seedDrift: false`). */
  drift: ErpDrift | null;
  /** Live data changes + ERP change events (`/__sandbox/items/…`, `/__sandbox/events`, …; see admin.ts). */
  admin: SandboxAdmin;
  /** Requests answered so far, by `METHOD path` (admin excluded): lets tests assert what a client did. */
  requestLog: { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

const REST_PREFIX = '/services/rest';

export async function startNetSuiteEmulator(options: NetSuiteEmulatorOptions = {}): Promise<NetSuiteEmulator> {
  const accountId = options.accountId ?? DEV_ACCOUNT_ID;
  const host = options.host ?? '127.0.0.1';
  const resultCap = options.resultCap ?? RESULT_CAP;
  const logErrors = options.logErrors ?? true;
  const db = await openDb();
  const seeded = options.dataset ? await seedFromDataset(db, options.dataset, { drift: options.seedDrift ?? true }) : null;

  const faults = new Faults({
    concurrencyLimit: options.concurrencyLimit ?? 5,
    latencyMs: options.latencyMs ?? 0,
    integrationConcurrencyLimit: options.integrationConcurrencyLimit ?? null,
    allocatedToOtherIntegrations: options.allocatedToOtherIntegrations ?? 0,
  });
  const gate = new ConcurrencyGate(() => {
    const state = faults.snapshot;
    return { accountLimit: state.concurrencyLimit, integrationLimit: state.integrationConcurrencyLimit, allocatedToOthers: state.allocatedToOtherIntegrations };
  });
  const tba = new TbaVerifier({ realm: accountId, registrations: [{ ...DEV_TBA }, ...(options.tbaTokens ?? [])] });
  const requestLog: NetSuiteEmulator['requestLog'] = [];

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  const restBase = `${url}${REST_PREFIX}`;
  const tokenPath = `${REST_PREFIX}/auth/oauth2/v1/token`;
  const admin = new SandboxAdmin(db, restBase);
  const jobs = new AsyncJobs(url, () => faults.snapshot.asyncJobDelayMs);

  const oauth = await OAuth2Server.create({
    registrations: [{ ...DEV_M2M, publicKeyPem: devPublicKeyPem() }, ...(options.m2mClients ?? [])],
    audiences: [
      `${url}${tokenPath}`,
      `http://localhost:${port}${tokenPath}`,
      `https://${accountHostForm(accountId)}.suitetalk.api.netsuite.com${tokenPath}`,
    ],
    allowRs256: options.allowRs256,
    tokenTtlSeconds: options.tokenTtlSeconds,
  });

  async function authenticate(req: IncomingMessage, method: string): Promise<boolean> {
    const header = req.headers.authorization ?? '';
    if (/^Bearer\s+/i.test(header)) return oauth.verifyBearer(header.replace(/^Bearer\s+/i, ''));
    if (/^OAuth\s/i.test(header)) {
      // The client signed the URL it called; rebuild it from the Host header it sent.
      const failure = tba.verify(method, `http://${req.headers.host ?? `${host}:${port}`}${req.url ?? '/'}`, header);
      return failure === null;
    }
    return false;
  }

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    const routed = await admin.route(req.method ?? 'GET', path, query, async () => {
      const text = await readBody(req);
      return text.trim() === '' ? {} : parseJsonBody(text);
    });
    if (routed) return sendJson(res, routed.status, routed.body, 'application/json');
    if (path === '/__sandbox/faults') {
      if (req.method === 'GET') return sendJson(res, 200, faults.snapshot, 'application/json');
      if (req.method === 'POST') return sendJson(res, 200, faults.set(parseJsonBody(await readBody(req)) as FaultConfigPatch), 'application/json');
      if (req.method === 'DELETE') return sendJson(res, 200, faults.reset(), 'application/json');
    }
    if (path === '/__sandbox/health' && req.method === 'GET') {
      return sendJson(res, 200, { ok: true, accountId, peakConcurrency: gate.peak, rejected: gate.rejected }, 'application/json');
    }
    throw new NsHttpError(404, 'NONEXISTENT_ID', `No sandbox admin route ${req.method} ${path}.`);
  }

  type Outcome =
    | { kind: 'json'; status: number; body: unknown; contentType?: string }
    | { kind: 'accepted'; location: string }
    | { kind: 'replay'; outcome: JobOutcome };

  async function handleRest(req: IncomingMessage, method: string, requestUrl: URL, bodyText: string): Promise<Outcome> {
    const path = requestUrl.pathname.slice(REST_PREFIX.length);
    if (path === '/query/v1/suiteql') {
      if (method !== 'POST') throw new NsHttpError(405, 'METHOD_NOT_ALLOWED', 'SuiteQL requires POST.');
      // [V] clients must send Prefer: transient; [I] that NetSuite refuses requests without it.
      if (!/\btransient\b/i.test(String(req.headers.prefer ?? ''))) {
        throw new NsHttpError(400, 'INVALID_REQUEST', 'SuiteQL requests must include the header Prefer: transient.', { 'o:errorHeader': 'Prefer' });
      }
      const page = parsePageRequest(requestUrl.searchParams, resultCap);
      const body = parseJsonBody(bodyText);
      const q = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['q'] : undefined;
      if (typeof q !== 'string') throw new NsHttpError(400, 'INVALID_CONTENT', 'The request body must be {"q": "<SuiteQL>"}.', { 'o:errorPath': 'q' });
      return { kind: 'json', status: 200, body: await executeSuiteQl(db, q, page, requestUrl, resultCap), contentType: MEDIA.collection };
    }
    if (path === '/system/v1/governanceLimits' && method === 'GET') {
      return { kind: 'json', status: 200, body: gate.limits() };
    }
    if (path.startsWith('/async/v1/job/')) {
      const segments = path.slice('/async/v1/job/'.length).split('/').filter(Boolean).map(decodeURIComponent);
      return { kind: 'replay', outcome: jobs.route(method, segments) };
    }
    if (path.startsWith('/record/v1/')) {
      const segments = path.slice('/record/v1/'.length).split('/').filter(Boolean).map(decodeURIComponent);
      const ctx = {
        db,
        restBase,
        query: requestUrl.searchParams,
        strictPropertyNames: String(req.headers['x-netsuite-propertynamevalidation'] ?? '').toLowerCase() === 'error',
        accept: String(req.headers.accept ?? ''),
      };
      const body = bodyText.trim() === '' ? undefined : parseJsonBody(bodyText);
      const run = async (): Promise<JobOutcome> => {
        const result = await routeRecord(ctx, method, segments, body, requestUrl);
        if (result.status === 204) return { status: 204, headers: { Location: result.location } };
        const contentType = result.contentType ?? (result.collection ? MEDIA.collection : MEDIA.singular);
        return { status: 200, headers: { 'Content-Type': contentType }, body: result.body };
      };
      if (/\brespond-async\b/i.test(String(req.headers.prefer ?? ''))) {
        const key = req.headers['x-netsuite-idempotency-key'];
        return { kind: 'accepted', location: jobs.submit(typeof key === 'string' && key !== '' ? key : null, run) };
      }
      return { kind: 'replay', outcome: await run() };
    }
    throw new NsHttpError(404, 'NONEXISTENT_ID', `No such resource: ${method} ${requestUrl.pathname}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const requestUrl = new URL(req.url ?? '/', url);
    const path = requestUrl.pathname;
    const log = (status: number): void => void requestLog.push({ method, path, status });

    if (path.startsWith('/__sandbox/')) return handleAdmin(req, res, path, requestUrl.searchParams);

    const bodyText = await readBody(req);
    const state = faults.snapshot;
    if (state.outage) {
      log(503);
      return sendError(res, errorBody(503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable (sandbox outage).'));
    }

    if (path === tokenPath && method === 'POST') {
      try {
        const token = await oauth.exchange(bodyText);
        log(200);
        return sendJson(res, 200, token, 'application/json');
      } catch (error) {
        if (!(error instanceof OAuthTokenError)) throw error;
        log(400);
        return sendJson(res, 400, { error: error.error, error_description: error.message }, 'application/json');
      }
    }

    if (!path.startsWith(`${REST_PREFIX}/`) || !(await authenticate(req, method))) {
      log(401);
      return sendError(res, invalidLogin().toBody());
    }

    if (!gate.tryAcquire()) {
      log(429);
      return sendError(res, errorBody(429, 'CONCURRENCY_LIMIT_EXCEEDED', 'Too Many Requests: the concurrency limit for this account was exceeded.'));
    }
    try {
      const decision = faults.decide(method, path);
      if (decision.delayMs > 0) await sleep(decision.delayMs);
      if (decision.kind === 'drop') {
        log(0);
        req.socket.destroy();
        return;
      }
      if (decision.kind === 'error') {
        log(decision.status);
        return sendError(res, errorBody(decision.status, 'UNEXPECTED_ERROR', 'An unexpected error occurred (sandbox fault).'));
      }
      let outcome: Outcome;
      try {
        outcome = await handleRest(req, method, requestUrl, bodyText);
      } catch (error) {
        if (!(error instanceof NsHttpError)) throw error;
        log(error.status);
        return sendError(res, error.toBody(), error.headers);
      }
      // The work is committed; now lose the response if a fault says so.
      if (decision.kind === 'commit-then-drop') {
        log(0);
        req.socket.destroy();
        return;
      }
      if (decision.kind === 'commit-then-error') {
        log(decision.status);
        return sendError(res, errorBody(decision.status, 'UNEXPECTED_ERROR', 'An unexpected error occurred (sandbox fault after commit).'));
      }
      if (outcome.kind === 'accepted') {
        log(202);
        res.writeHead(202, { 'Preference-Applied': 'respond-async', Location: outcome.location, 'Content-Length': 0 });
        return void res.end();
      }
      if (outcome.kind === 'replay') {
        log(outcome.outcome.status);
        return sendOutcome(res, outcome.outcome);
      }
      log(outcome.status);
      return sendJson(res, outcome.status, outcome.body, outcome.contentType);
    } finally {
      gate.release();
    }
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof NsHttpError) return sendError(res, error.toBody(), error.headers);
      if (error instanceof ZodError) return sendJson(res, 400, { error: 'invalid sandbox admin request', issues: error.issues }, 'application/json');
      if (logErrors) console.error('[netsuite-emulator] unexpected error', error);
      sendError(res, errorBody(500, 'UNEXPECTED_ERROR', `An unexpected error occurred: ${(error as Error).message}`));
    });
  });

  return {
    url,
    restBase,
    accountId,
    credentials: {
      accountId,
      m2m: { clientId: DEV_M2M.clientId, certificateId: DEV_M2M.certificateId, privateKeyPem: devPrivateKeyPem(), alg: DEV_M2M.alg },
      tba: { ...DEV_TBA },
    },
    faults,
    gate,
    jobs,
    db,
    admin,
    drift: seeded?.drift ?? null,
    requestLog,
    async sql<T>(query: string, params?: unknown[]) {
      const result = await db.query<T>(query, params);
      return result.rows;
    },
    async close() {
      await admin.settled();
      await jobs.settled();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await db.close();
    },
  };
}
