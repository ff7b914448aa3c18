/** Where the end-to-end app and its sandbox listen; shared by playwright.config.ts and the specs. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const E2E_ERP_PORT = Number(process.env.E2E_ERP_PORT ?? 4120);
/** scripts/dev.ts writes the environment it gave the app here, so specs can check secrets against the real values. */
export const E2E_ENV_FILE = process.env.E2E_ENV_FILE ?? 'test-results/e2e-app-env.json';
