import { createInterface } from 'node:readline/promises';
import { connectFromEnv } from '../audit/cli-connection';
import { readRep, repIdByEmail } from '../../sync/flows/reps/rep-directory';
import { MIN_REP_PASSWORD_LENGTH, setRepPassword } from './rep-credentials';

/**
 * `npm run rep-password -- <email>`: sets a sales rep's storefront password, read from stdin (so it stays out of
 * shell history and process lists). The rep must already be in the rep directory, i.e. an active sales rep in the
 * ERP that the reps sync has read. Exit 0 done, 1 no such rep or password too short, 2 configuration.
 */
const email = process.argv[2];
if (!email) {
  console.error('usage: npm run rep-password -- <rep email>   (the password is read from stdin)');
  process.exit(2);
}

const { redis, storeHash } = await connectFromEnv();
try {
  const repId = await repIdByEmail(redis, storeHash, email);
  const rep = repId === null ? null : await readRep(redis, storeHash, repId);
  if (!rep) {
    console.error(`${email} is not an active sales rep in the ERP (or the reps sync has not run since it became one).`);
    process.exitCode = 1;
  } else {
    const lines = createInterface({ input: process.stdin, output: process.stdin.isTTY ? process.stdout : undefined, terminal: false });
    const password = (await lines.question(process.stdin.isTTY ? 'New password: ' : '')).trim();
    lines.close();
    if (password.length < MIN_REP_PASSWORD_LENGTH) {
      console.error(`The password needs at least ${MIN_REP_PASSWORD_LENGTH} characters.`);
      process.exitCode = 1;
    } else {
      await setRepPassword(redis, storeHash, rep.id, password);
      console.log(`Password set for ${rep.firstName} ${rep.lastName} <${rep.email}> (ERP rep ${rep.id}).`);
    }
  }
} finally {
  redis.disconnect();
}
