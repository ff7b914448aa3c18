import { benchDemoData, benchSandbox, type Figure } from './sandbox';

/**
 * `npm run bench`: performance figures measured in one run on this machine. Machines here are noisy, so
 * these are for comparing runs and spotting regressions, never asserted in tests.
 */
const figures: Figure[] = [...benchDemoData(), ...(await benchSandbox())];
for (const figure of figures) console.log(`${figure.name.padEnd(70)} ${String(figure.value).padStart(10)} ${figure.unit}`);
