import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

/** An empty store with the REST quota off, so a test's request count never trips the 150/30 s window. */
export function startEmptySandbox(): Promise<TestSandbox> {
  return startTestSandbox({ dataset: null, settings: { rateLimit: { enabled: false, quota: 150, windowMs: 30_000 } } });
}

export interface Envelope<T> {
  data: T;
  meta: { pagination?: { total: number; count: number; per_page: number; current_page: number; total_pages: number; links: Record<string, string> } };
}

export interface V3ErrorBody {
  status: number;
  title: string;
  type: string;
  errors: Record<string, string>;
}

export function productBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: `Widget ${Math.random().toString(36).slice(2, 8)}`, type: 'physical', weight: 1.5, price: 17.25, ...overrides };
}

export function customerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = Math.random().toString(36).slice(2, 8);
  return { email: `buyer-${tag}@example.com`, first_name: 'Ada', last_name: 'Buyer', ...overrides };
}

export const BILLING = {
  first_name: 'Ada',
  last_name: 'Buyer',
  street_1: '1 Main St',
  city: 'Austin',
  state: 'Texas',
  zip: '78701',
  country: 'United States',
  country_iso2: 'US',
  email: 'ada@example.com',
};
