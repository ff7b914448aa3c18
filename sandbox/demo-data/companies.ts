/**
 * The B2B customer accounts. Companies are hand-written (not drawn at random) because the demo script and README
 * refer to them by name, and each one exists to exercise a case: two pairs share a price level (so caches keyed by
 * pricing context can be tested), one is Canadian on the CAD-capable level, exactly one sits just under its credit
 * limit, exactly one is on manual credit hold, and one is exempt from automatic holds. Only the credit amounts come
 * from the seed.
 */
import type { Rng } from './random';
import type { CreditHoldOverride, CurrencyCode, DemoAddress, DemoCompany, MinorUnits } from './types';

/** Why the company is in the demo, which decides its credit position. */
export type CreditScenario = 'healthy' | 'near-limit' | 'on-hold' | 'hold-exempt';

export interface CompanyProfile {
  name: string;
  /** E-mail domain of its buyers. */
  domain: string;
  priceLevelId: number;
  currency: CurrencyCode;
  termsDays: number;
  /** Whole currency units. */
  creditLimit: number;
  scenario: CreditScenario;
  /** Index into the sales reps (0 or 1), or null for a house account. */
  repIndex: number | null;
  /** How many customer-specific item prices the company negotiated (0 for none). */
  customerItemPrices: number;
  address: DemoAddress;
}

/** A company "near" its limit has balance + unbilled orders within this share of the limit (and still below it). */
export const NEAR_LIMIT_BASIS_POINTS = 300;

export const COMPANY_PROFILES: readonly CompanyProfile[] = [
  {
    name: 'Acme Fabrication Works',
    domain: 'acme-fab.example',
    priceLevelId: 1,
    currency: 'USD',
    termsDays: 45,
    creditLimit: 250_000,
    scenario: 'healthy',
    repIndex: 0,
    customerItemPrices: 16,
    address: {
      street1: '4120 S Kolin Ave',
      city: 'Chicago',
      state: 'IL',
      postalCode: '60632',
      countryCode: 'US',
      phone: '+1 312-555-0142',
    },
  },
  {
    name: 'Great Lakes Plant Services',
    domain: 'greatlakes-plant.example',
    priceLevelId: 2,
    currency: 'USD',
    termsDays: 30,
    creditLimit: 120_000,
    scenario: 'healthy',
    repIndex: 0,
    customerItemPrices: 0,
    address: {
      street1: '2250 W Bluemound Rd',
      city: 'Milwaukee',
      state: 'WI',
      postalCode: '53208',
      countryCode: 'US',
      phone: '+1 414-555-0177',
    },
  },
  {
    name: 'Prairie County Public Works',
    domain: 'prairiecounty-pw.example',
    priceLevelId: 3,
    currency: 'USD',
    termsDays: 60,
    creditLimit: 400_000,
    scenario: 'hold-exempt',
    repIndex: 0,
    customerItemPrices: 0,
    address: {
      street1: '880 County Farm Rd',
      city: 'Peoria',
      state: 'IL',
      postalCode: '61604',
      countryCode: 'US',
      phone: '+1 309-555-0110',
    },
  },
  {
    name: 'Sunbelt Industrial Distributors',
    domain: 'sunbelt-indsupply.example',
    priceLevelId: 4,
    currency: 'USD',
    termsDays: 30,
    creditLimit: 180_000,
    scenario: 'near-limit',
    repIndex: 1,
    customerItemPrices: 0,
    address: {
      street1: '7301 Harwin Dr',
      city: 'Houston',
      state: 'TX',
      postalCode: '77036',
      countryCode: 'US',
      phone: '+1 713-555-0163',
    },
  },
  {
    name: 'Ridgeline Mechanical Contractors',
    domain: 'ridgeline-mech.example',
    priceLevelId: 5,
    currency: 'USD',
    termsDays: 30,
    creditLimit: 60_000,
    scenario: 'on-hold',
    repIndex: 1,
    customerItemPrices: 0,
    address: {
      street1: '5600 Quebec St',
      city: 'Denver',
      state: 'CO',
      postalCode: '80216',
      countryCode: 'US',
      phone: '+1 303-555-0129',
    },
  },
  {
    name: 'Maple Leaf Fabricators Ltd.',
    domain: 'mapleleaf-fab.example',
    priceLevelId: 6,
    currency: 'CAD',
    termsDays: 45,
    creditLimit: 150_000,
    scenario: 'healthy',
    repIndex: 1,
    customerItemPrices: 8,
    address: {
      street1: '6295 Northam Dr',
      city: 'Mississauga',
      state: 'ON',
      postalCode: 'L4V 1W8',
      countryCode: 'CA',
      phone: '+1 905-555-0188',
    },
  },
  {
    name: 'Cascade Packaging Systems',
    domain: 'cascade-pack.example',
    priceLevelId: 2,
    currency: 'USD',
    termsDays: 45,
    creditLimit: 90_000,
    scenario: 'healthy',
    repIndex: 0,
    customerItemPrices: 0,
    address: {
      street1: '12000 NE Airport Way',
      city: 'Portland',
      state: 'OR',
      postalCode: '97220',
      countryCode: 'US',
      phone: '+1 503-555-0151',
    },
  },
  {
    name: 'Desert Peak Construction',
    domain: 'desertpeak-build.example',
    priceLevelId: 5,
    currency: 'USD',
    termsDays: 30,
    creditLimit: 40_000,
    scenario: 'healthy',
    repIndex: null,
    customerItemPrices: 0,
    address: {
      street1: '2901 W Buckeye Rd',
      city: 'Phoenix',
      state: 'AZ',
      postalCode: '85009',
      countryCode: 'US',
      phone: '+1 602-555-0136',
    },
  },
];

const OVERRIDE_BY_SCENARIO: Record<CreditScenario, CreditHoldOverride> = {
  healthy: 'AUTO',
  'near-limit': 'AUTO',
  'on-hold': 'ON',
  'hold-exempt': 'OFF',
};

/** Companies with salesRepId null; `generate.ts` fills it in from the reps so the two can never disagree. */
export function buildCompanies(rng: Rng): DemoCompany[] {
  return COMPANY_PROFILES.map((profile, index) => {
    const creditLimit = profile.creditLimit * 100;
    const credit = creditPosition(rng, profile.scenario, creditLimit);
    return {
      id: index + 1,
      erpCustomerNumber: `C${10_042 + index * 17}`,
      name: profile.name,
      priceLevelId: profile.priceLevelId,
      currency: profile.currency,
      termsDays: profile.termsDays,
      creditLimit,
      ...credit,
      creditHoldOverride: OVERRIDE_BY_SCENARIO[profile.scenario],
      salesRepId: null,
      address: { ...profile.address },
    };
  });
}

function creditPosition(
  rng: Rng,
  scenario: CreditScenario,
  creditLimit: MinorUnits,
): { balance: MinorUnits; unbilledOrders: MinorUnits; overdueBalance: MinorUnits } {
  // Exposure = balance + unbilled orders, as a share of the limit in basis points.
  const exposureBp =
    scenario === 'near-limit'
      ? 10_000 - rng.int(50, NEAR_LIMIT_BASIS_POINTS - 50) // 0.5–2.5 % headroom: near, but an order can still fit
      : scenario === 'on-hold'
        ? rng.int(4_000, 7_000)
        : scenario === 'hold-exempt'
          ? rng.int(1_000, 4_000)
          : rng.int(1_500, 6_500); // healthy: far from the near-limit band by construction
  const exposure = Math.floor((creditLimit * exposureBp) / 10_000);
  const balance = Math.floor((exposure * rng.int(55, 80)) / 100);
  const unbilledOrders = exposure - balance;
  // The held account is held for a reason: a large past-due share. Others are mostly current.
  const overdueBalance =
    scenario === 'on-hold'
      ? Math.floor((balance * rng.int(35, 60)) / 100)
      : rng.chance(0.3)
        ? Math.floor((balance * rng.int(2, 10)) / 100)
        : 0;
  return { balance, unbilledOrders, overdueBalance };
}
