import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_BUYER_PASSWORD, DEMO_REP_PASSWORD, describeDemoLogins, generateDemoData } from '@/sandbox/demo-data/generate';

/** The README is the front door: the logins it lists must be the ones `npm run dev` actually seeds. */
describe('README demo logins', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const section = /<!-- demo-logins:start -->([\s\S]*?)<!-- demo-logins:end -->/.exec(readme)?.[1] ?? '';
  const listed = [...section.matchAll(/`([^`\s]+@[^`\s]+)`/g)].map((m) => m[1]);

  it('lists exactly the seeded buyers and reps, in order', () => {
    expect(listed).toEqual(describeDemoLogins(generateDemoData()).map((login) => login.email));
  });

  it('states the passwords the generator uses', () => {
    expect(readme).toContain(DEMO_BUYER_PASSWORD);
    expect(readme).toContain(DEMO_REP_PASSWORD);
  });
});
