import type { IncomingMessage, ServerResponse } from 'node:http';
import { NsHttpError, type NsErrorBody } from './errors';

/** NetSuite labels responses with vendor media types (§4.3); clients must accept any `+json`. */
export const MEDIA = {
  singular: 'application/vnd.oracle.resource+json; type=singular',
  collection: 'application/vnd.oracle.resource+json; type=collection',
  error: 'application/vnd.oracle.resource+json; type=error',
} as const;

const MAX_BODY_BYTES = 104 * 1024 * 1024; // NetSuite's request cap (§4.3)

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new NsHttpError(400, 'INVALID_CONTENT', 'Request body exceeds 104 MB.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new NsHttpError(400, 'INVALID_CONTENT', 'Invalid JSON in the request body.');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType: string = MEDIA.singular): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, body: NsErrorBody, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(body.status, { 'Content-Type': MEDIA.error, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A stored answer (sync or async job result): JSON body, or status + headers only. Errors get the error media type. */
export function sendOutcome(res: ServerResponse, outcome: { status: number; headers: Record<string, string>; body?: unknown }): void {
  if (outcome.body === undefined) {
    res.writeHead(outcome.status, outcome.headers);
    return void res.end();
  }
  const { 'Content-Type': contentType, ...rest } = outcome.headers;
  const text = JSON.stringify(outcome.body);
  res.writeHead(outcome.status, {
    'Content-Type': contentType ?? (outcome.status >= 400 ? MEDIA.error : MEDIA.singular),
    'Content-Length': Buffer.byteLength(text),
    ...rest,
  });
  res.end(text);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
