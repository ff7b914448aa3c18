import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { Redis } from 'ioredis';
import { readAudit, type AuditQuery, type StoredAuditEntry } from '../../../lib/audit/audit-log';
import { actingKeys, type ActingRecord } from '../../../lib/rep/acting-store';
import { signInThrottleKeys } from '../../../lib/rep/sign-in-throttle';
import { loadSyncConfig, syncContextFromConfig } from '../../../sync/config';
import { FlowBusyError } from '../../../sync/flows/flow-lock';
import { syncReps } from '../../../sync/flows/reps/sync-reps';
import { E2E_ENV_FILE, E2E_ERP_PORT } from './ports';

/**
 * Sales-rep helpers for the end-to-end specs: signing in and acting through the pages, and, for what only the
 * server side can show, the audit log and the ERP: the specs read the store's audit stream in the app's own Redis,
 * change reps in the NetSuite emulator through its sandbox admin, and run the reps sync the way the worker does.
 */
export const DEMO_REP_PASSWORD = 'Rep-Demo-2026!';
export const SAMUEL = 'samuel.haddad@northwind-industrial.example';
export const GRACE = 'grace.kim@northwind-industrial.example';

/** What the README's demo logins say each rep acts for. */
export const SAMUEL_COMPANIES = ['Acme Fabrication Works', 'Cascade Packaging Systems', 'Great Lakes Plant Services', 'Prairie County Public Works'];
export const GRACE_COMPANIES = ['Maple Leaf Fabricators Ltd.', 'Ridgeline Mechanical Contractors', 'Sunbelt Industrial Distributors'];

function appEnv(): Record<string, string> {
  return JSON.parse(readFileSync(E2E_ENV_FILE, 'utf8')) as Record<string, string>;
}

function storeHash(): string {
  const hash = appEnv()['BIGCOMMERCE_STORE_HASH'];
  if (!hash) throw new Error(`no store hash in ${E2E_ENV_FILE}`);
  return hash;
}

/** The app's Redis: scripts/dev.ts gives the app process.env's REDIS_URL, as here. */
async function withRedis<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
  try {
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

export async function signInRep(page: Page, email: string, password = DEMO_REP_PASSWORD): Promise<void> {
  await page.goto('/rep/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/rep$/);
}

/** From the rep home: open the company, give a reason, act as the buyer. Lands on the storefront as that buyer. */
export async function actAs(page: Page, companyName: string, buyerEmail: string, reason = 'e2e: phone order'): Promise<void> {
  await page.goto('/rep');
  await page.getByTestId('rep-account').getByRole('link', { name: companyName, exact: true }).click();
  const buyer = page.locator(`[data-testid="rep-buyer"][data-email="${buyerEmail}"]`);
  await buyer.getByLabel(/Reason/).fill(reason);
  await buyer.getByRole('button', { name: /^Act as / }).click();
  await expect(page.getByTestId('acting-banner')).toBeVisible();
}

export async function auditEntries(query: AuditQuery): Promise<StoredAuditEntry[]> {
  return withRedis((redis) => readAudit(redis, storeHash(), { limit: 1000, ...query }));
}

/** The impersonation a rep started most recently, from its start entry. */
export async function latestActingId(repEmail: string, since: Date): Promise<string> {
  const [start] = await auditEntries({ rep: repEmail, action: 'acting-start', since });
  if (!start?.actingId) throw new Error(`no impersonation started by ${repEmail} since ${since.toISOString()}`);
  return start.actingId;
}

/** Moves an impersonation's expiry into the past, as if its time box had run out. */
export async function expireActing(actingId: string): Promise<void> {
  await withRedis(async (redis) => {
    const key = actingKeys(storeHash()).acting(actingId);
    const record = JSON.parse((await redis.hget(key, 'record')) ?? 'null') as ActingRecord | null;
    if (!record) throw new Error(`impersonation ${actingId} is not running`);
    await redis.hset(key, 'record', JSON.stringify({ ...record, expiresAt: new Date(Date.now() - 1_000).toISOString() }));
  });
}

/** Forgets sign-in attempts of one e-mail and address, so a rate-limit spec leaves the account usable. */
export async function clearSignInAttempts(email: string, address: string): Promise<void> {
  await withRedis(async (redis) => {
    const keys = signInThrottleKeys(storeHash(), email, address);
    await redis.del(keys.account, keys.address);
  });
}

export async function erpAdmin(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_ERP_PORT}/__sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`ERP admin ${method} ${path} → ${response.status} ${await response.text()}`);
}

/**
 * Runs the reps sync against the app's sandbox and Redis, as the worker would after an ERP change event. The app's
 * own worker usually receives that event too and may be running the flow right now: then wait for it and run again
 * (a complete run after the change is what the test needs; a second one is harmless).
 */
export async function runRepsSync(): Promise<void> {
  const env = appEnv();
  const config = loadSyncConfig({ ...env, REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379' });
  await withRedis(async (redis) => {
    const ctx = syncContextFromConfig(config, redis, { env });
    for (let attempt = 1; ; attempt += 1) {
      try {
        await syncReps(ctx);
        return;
      } catch (error) {
        if (!(error instanceof FlowBusyError) || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });
}

/** The ERP customer number a buyer buys for, from the store's own record of them (notes "ERP customer …"). */
export async function customerOf(email: string): Promise<{ id: number; customerNumber: string }> {
  const env = appEnv();
  const url = `${env['BIGCOMMERCE_API_URL']}/stores/${env['BIGCOMMERCE_STORE_HASH']}/v3/customers?email:in=${encodeURIComponent(email)}`;
  const response = await fetch(url, { headers: { 'x-auth-token': env['BIGCOMMERCE_ACCESS_TOKEN'] ?? '', accept: 'application/json' } });
  const { data } = (await response.json()) as { data: { id: number; notes: string }[] };
  const customer = data[0];
  const customerNumber = /ERP customer (\S+)/.exec(customer?.notes ?? '')?.[1];
  if (!customer || !customerNumber) throw new Error(`${email} is not a linked buyer`);
  return { id: customer.id, customerNumber };
}
