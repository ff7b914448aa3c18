/**
 * The demo logins as a table, for the README and the sandbox's start-up banner: who can sign in, with which
 * password, and which companies they see.
 */
import type { DemoDataset } from './types';

export interface DemoLogin {
  email: string;
  password: string;
  role: 'buyer' | 'rep';
  name: string;
  /** Buyer: the company admin of their company? Reps: always false. */
  isCompanyAdmin: boolean;
  /** Names of the companies this login acts for (one for a buyer, the assigned ones for a rep). */
  companies: string[];
}

export function describeDemoLogins(dataset: DemoDataset): DemoLogin[] {
  const companyName = new Map(dataset.companies.map((c) => [c.id, c.name]));
  const nameOf = (id: number): string => companyName.get(id) ?? `company ${id}`;
  return [
    ...dataset.buyers.map((b) => ({
      email: b.email,
      password: b.password,
      role: 'buyer' as const,
      name: `${b.firstName} ${b.lastName}`,
      isCompanyAdmin: b.role === 'admin',
      companies: [nameOf(b.companyId)],
    })),
    ...dataset.salesReps.map((r) => ({
      email: r.email,
      password: r.password,
      role: 'rep' as const,
      name: `${r.firstName} ${r.lastName}`,
      isCompanyAdmin: false,
      companies: r.companyIds.map(nameOf),
    })),
  ];
}
