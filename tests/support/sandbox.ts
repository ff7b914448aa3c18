import type { DemoDataset } from '../../sandbox/demo-data/types';
import { startBigCommerceSandbox, type BigCommerceSandbox, type StartOptions } from '../../sandbox/bigcommerce/server';

export interface TestSandbox extends BigCommerceSandbox {
  /** Calls the REST Management API with the sandbox's access token. `path` starts with /v2 or /v3. */
  rest(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<RestResult>;
}

export interface RestResult {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
}

/** Starts a sandbox on a free port for one test file. Pass `dataset: null` for an empty store. */
export async function startTestSandbox(options: StartOptions = {}): Promise<TestSandbox> {
  const sandbox = await startBigCommerceSandbox({ ...options, settings: { ...options.settings } });
  const base = `${sandbox.url}/stores/${sandbox.settings.storeHash}`;
  return Object.assign(sandbox, {
    async rest(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RestResult> {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          'x-auth-token': sandbox.settings.accessToken,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
  });
}

/** A small demo dataset (fast to seed) shared by sandbox tests. */
export async function smallDataset(products = 60): Promise<DemoDataset> {
  const { generateDemoData } = await import('../../sandbox/demo-data/generate');
  return generateDemoData({ products });
}
