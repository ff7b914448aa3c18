/**
 * The people who log in: buyers (three per company, the first one the company admin) and two sales reps who act on
 * behalf of their assigned companies. Everyone shares one demo password per role so the README can list them.
 */
import type { CompanyProfile } from './companies';
import { FIRST_NAMES, LAST_NAMES } from './names';
import type { Rng } from './random';
import type { DemoBuyer, DemoCompany, DemoSalesRep } from './types';

/** Demo-only credentials for a sandbox; never valid anywhere real. */
export const DEMO_BUYER_PASSWORD = 'Buyer-Demo-2026!';
export const DEMO_REP_PASSWORD = 'Rep-Demo-2026!';

export const BUYERS_PER_COMPANY = 3;
export const SALES_REP_COUNT = 2;
export const DISTRIBUTOR_DOMAIN = 'northwind-industrial.example';

export function buildPeople(
  rng: Rng,
  companies: readonly DemoCompany[],
  profiles: readonly CompanyProfile[],
): { buyers: DemoBuyer[]; salesReps: DemoSalesRep[] } {
  const usedEmails = new Set<string>();
  const usedFirstNames = new Set<string>();
  const person = (domain: string): { firstName: string; lastName: string; email: string } => {
    // Every demo person gets a different first name, so a demo script can say "log in as Dana" unambiguously.
    // The list is about twice the headcount, so redrawing ends quickly; past the list, names may repeat.
    let firstName = rng.pick(FIRST_NAMES);
    while (usedFirstNames.has(firstName) && usedFirstNames.size < FIRST_NAMES.length) firstName = rng.pick(FIRST_NAMES);
    usedFirstNames.add(firstName);
    const lastName = rng.pick(LAST_NAMES);
    const email = uniqueEmail(usedEmails, `${firstName}.${lastName}`.toLowerCase(), domain);
    return { firstName, lastName, email };
  };

  const buyers: DemoBuyer[] = [];
  companies.forEach((company, index) => {
    const domain = profiles[index]?.domain ?? 'example.com';
    for (let n = 0; n < BUYERS_PER_COMPANY; n++) {
      buyers.push({
        id: buyers.length + 1,
        ...person(domain),
        password: DEMO_BUYER_PASSWORD,
        companyId: company.id,
        role: n === 0 ? 'admin' : 'buyer',
      });
    }
  });

  const salesReps: DemoSalesRep[] = [];
  for (let repIndex = 0; repIndex < SALES_REP_COUNT; repIndex++) {
    const { firstName, lastName, email } = person(DISTRIBUTOR_DOMAIN);
    salesReps.push({
      // Rep ids continue after the buyers: both become BigCommerce customers and ERP contacts in one id space.
      id: buyers.length + repIndex + 1,
      email,
      password: DEMO_REP_PASSWORD,
      firstName,
      lastName,
      companyIds: companies.filter((_, i) => profiles[i]?.repIndex === repIndex).map((c) => c.id),
    });
  }
  return { buyers, salesReps };
}

function uniqueEmail(used: Set<string>, localPart: string, domain: string): string {
  let email = `${localPart}@${domain}`;
  for (let n = 2; used.has(email); n++) email = `${localPart}${n}@${domain}`;
  used.add(email);
  return email;
}
