import type { IncomingHttpHeaders } from 'node:http';
import type { BcStore } from '../store/store';
import type { SandboxSettings } from '../settings';
import type { ConcurrencyLimiter } from './concurrency';

/** A parsed request as route handlers see it. `path` excludes the `/stores/{store_hash}` prefix. */
export interface SandboxRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Lower-case header names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when the request had none. Invalid JSON never reaches a handler. */
  body: unknown;
}

export interface SandboxResponse {
  status: number;
  /** Serialised as JSON unless `rawBody` is set. undefined → empty body. */
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface SandboxContext {
  store: BcStore;
  settings: SandboxSettings;
  concurrency: ConcurrencyLimiter;
  /** The API client id the X-Auth-Token belongs to (webhooks are scoped to it). */
  clientId: string;
}

export type Handler = (req: SandboxRequest, ctx: SandboxContext) => SandboxResponse | Promise<SandboxResponse>;
