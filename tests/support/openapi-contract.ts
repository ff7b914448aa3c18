import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import addFormats from 'ajv-formats';
import { OpenAPIBackend } from 'openapi-backend';

/**
 * Contract checks against BigCommerce's published OpenAPI specs in ../shared/bigcommerce/openapi. CI always has
 * ../shared beside the clone; a clone without it skips these tests with a one-line notice (see `sharedSpecsAvailable`).
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = resolve(repoRoot, '../shared');
export const OPENAPI_DIR = resolve(SHARED_DIR, 'bigcommerce/openapi');
export const sharedSpecsAvailable = existsSync(OPENAPI_DIR);
export const SKIP_NOTICE = `skipped: ${OPENAPI_DIR} not found (contract tests need ../shared beside the clone, as CI has)`;

if (!sharedSpecsAvailable) console.warn(`[contract] ${SKIP_NOTICE}`);

// OpenAPI 3.0 number/string formats ajv-formats does not know; accept them rather than warn on every load.
const EXTRA_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password', 'ISO-4217', 'url', 'date-time-rfc2822'];

const specs = new Map<string, Promise<OpenAPIBackend>>();

export function loadSpec(specFile: string): Promise<OpenAPIBackend> {
  let spec = specs.get(specFile);
  if (!spec) {
    spec = (async () => {
      const api = new OpenAPIBackend({
        definition: resolve(OPENAPI_DIR, specFile),
        strict: false,
        validate: true,
        customizeAjv: (ajv) => {
          addFormats(ajv);
          for (const format of EXTRA_FORMATS) ajv.addFormat(format, true);
          return ajv;
        },
      });
      await api.init();
      return api;
    })();
    specs.set(specFile, spec);
  }
  return spec;
}

export interface ContractCheck {
  /** Spec file relative to shared/bigcommerce/openapi, e.g. "price_lists.v3.yml". */
  spec: string;
  method: string;
  /** The request path as sent to the sandbox, after `/stores/{hash}` (e.g. "/v3/pricelists/3/records"). */
  path: string;
  status: number;
  body: unknown;
}

/** Throws a readable error listing every schema violation when `body` does not match the spec's response. */
export async function expectMatchesSpec(check: ContractCheck): Promise<void> {
  const api = await loadSpec(check.spec);
  const specPath = check.path.replace(/^\/v[23]/, '').split('?')[0] ?? '';
  const operation = api.router.matchOperation({ method: check.method.toLowerCase(), path: specPath, headers: {}, query: {} });
  if (!operation?.operationId) throw new Error(`${check.spec} has no operation for ${check.method} ${specPath}`);
  const result = api.validateResponse(check.body, operation.operationId, check.status);
  if (result.errors && result.errors.length > 0) {
    const lines = result.errors.slice(0, 15).map((e) => `  ${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    throw new Error(`${check.method} ${check.path} → ${check.status} does not match ${check.spec} (${operation.operationId}):\n${lines.join('\n')}`);
  }
}
