/** Shared helpers for NetSuite tests: a small seeded emulator, raw HTTP with auth, and an adapter wired to it. */
import { generateDemoData } from '@/sandbox/demo-data/generate';
import type { DemoDataset } from '@/sandbox/demo-data/types';
import { startNetSuiteEmulator, type NetSuiteEmulator, type NetSuiteEmulatorOptions } from '@/sandbox/netsuite/server';
import { createNetSuiteAdapter } from '@/sync/erp/netsuite/config';
import type { NetSuiteErpAdapter } from '@/sync/erp/netsuite/adapter';
import { OAuth2ClientCredentials } from '@/sync/erp/netsuite/auth';

/** Small but real: enough products for paging, fast to seed. */
export function smallDataset(products = 40): DemoDataset {
  return generateDemoData({ seed: 7, products });
}

/**
 * Seeded without the ERP drift by default, so tests can compare reads with the dataset directly; the drift itself
 * is tested in erp-drift.test.ts (pass `seedDrift: true`).
 */
export async function startSeeded(options: NetSuiteEmulatorOptions = {}, products = 40): Promise<{ ns: NetSuiteEmulator; data: DemoDataset }> {
  const data = smallDataset(products);
  const ns = await startNetSuiteEmulator({ dataset: data, logErrors: false, seedDrift: false, ...options });
  return { ns, data };
}

/** An adapter with fast retries, so fault tests don't wait on production backoff. */
export function adapterFor(
  ns: NetSuiteEmulator,
  overrides: {
    maxAttempts?: number; pageSize?: number; resultCap?: number; maxConcurrency?: number; governance?: boolean; governanceRefreshMs?: number;
    tba?: boolean;
  } = {},
): NetSuiteErpAdapter {
  return createNetSuiteAdapter({
    accountId: ns.accountId,
    restBase: ns.restBase,
    ...(overrides.tba ? { tba: ns.credentials.tba } : { m2m: ns.credentials.m2m }),
    client: {
      retry: { maxAttempts: overrides.maxAttempts ?? 4, baseDelayMs: 1, maxDelayMs: 5 },
      pageSize: overrides.pageSize ?? 1000,
      resultCap: overrides.resultCap,
      // Unset: sized from the emulator's governanceLimits, as in production.
      ...(overrides.maxConcurrency === undefined ? {} : { maxConcurrency: overrides.maxConcurrency }),
      ...(overrides.governance === undefined ? {} : { governance: overrides.governance }),
      ...(overrides.governanceRefreshMs === undefined ? {} : { governanceRefreshMs: overrides.governanceRefreshMs }),
      timeoutMs: 10_000,
    },
  });
}

/** A bearer header for raw contract tests, minted through the real token endpoint. */
export async function bearer(ns: NetSuiteEmulator): Promise<string> {
  const auth = new OAuth2ClientCredentials(ns.credentials.m2m, `${ns.restBase}/auth/oauth2/v1/token`);
  return auth.header();
}

export async function suiteql(
  ns: NetSuiteEmulator,
  auth: string,
  q: string,
  query = '',
  headers: Record<string, string> = { Prefer: 'transient' },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${ns.restBase}/query/v1/suiteql${query}`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ q }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function call(
  ns: NetSuiteEmulator,
  auth: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> | undefined }> {
  const res = await fetch(`${ns.restBase}${path}`, {
    method,
    headers: { Authorization: auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
}

export function errorCode(body: Record<string, unknown> | undefined): string | undefined {
  const details = body?.['o:errorDetails'];
  return Array.isArray(details) ? (details[0] as Record<string, string> | undefined)?.['o:errorCode'] : undefined;
}
