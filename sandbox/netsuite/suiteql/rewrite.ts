/**
 * The thin dialect layer between SuiteQL (Oracle-flavoured) and PGlite (Postgres). Most of what the adapter emits
 * is already valid in both: `FETCH FIRST n ROWS ONLY`, `TO_DATE`/`TO_TIMESTAMP`/`TO_CHAR` with Oracle format
 * masks, `'T'/'F'` booleans (stored as text), `FROM dual` (a real one-row table here). What needs rewriting is
 * rewritten here, and what isn't supported is refused with a clear message instead of a confusing Postgres error.
 */
import { NsHttpError } from '../errors';

const UNSUPPORTED: { pattern: RegExp; what: string }[] = [
  { pattern: /\bBUILTIN\s*\./i, what: 'BUILTIN.DF/BUILTIN.CF (not emulated: select the raw column)' },
  { pattern: /\bROWNUM\b/i, what: 'ROWNUM (not emulated: use FETCH FIRST n ROWS ONLY)' },
  // Postgres catalogs must not be reachable through an API that pretends to be NetSuite.
  { pattern: /\b(pg_\w+|information_schema)\b/i, what: 'system catalogs' },
];

export function rewriteSuiteQl(query: string): string {
  let sql = query.trim().replace(/;\s*$/, '');
  if (sql === '') throw new NsHttpError(400, 'INVALID_REQUEST', 'The q property is empty.');
  if (sql.includes(';')) throw new NsHttpError(400, 'INVALID_REQUEST', 'Only one SuiteQL statement per request.');
  for (const { pattern, what } of UNSUPPORTED) {
    if (pattern.test(sql)) throw new NsHttpError(400, 'INVALID_REQUEST', `Invalid search query: ${what} is not supported by the emulator.`);
  }
  // Oracle's SYSDATE is Postgres's LOCALTIMESTAMP (server time without zone; the emulator runs in UTC).
  sql = sql.replace(/\bSYSDATE\b/gi, 'LOCALTIMESTAMP');
  return sql;
}
