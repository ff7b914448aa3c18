/**
 * Runs one SuiteQL page: the query in a read-only transaction (SuiteQL can't write), one COUNT for
 * `totalResults`, one LIMIT/OFFSET slice for the page.
 */
import type { Db } from '../db';
import { NsHttpError } from '../errors';
import { envelope, type Envelope, type PageRequest } from '../paging';
import { rewriteSuiteQl } from './rewrite';
import { toSuiteQlRow } from './values';

export async function executeSuiteQl(
  db: Db,
  query: string,
  page: PageRequest,
  selfUrl: URL,
  cap: number,
): Promise<Envelope<Record<string, unknown>>> {
  const sql = rewriteSuiteQl(query);
  try {
    return await db.transaction(async (tx) => {
      await tx.exec('SET TRANSACTION READ ONLY');
      const countResult = await tx.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM (${sql}) AS suiteql_q`);
      const total = countResult.rows[0]?.n ?? 0;
      // The subquery's ORDER BY survives the outer LIMIT/OFFSET in Postgres (subquery scan over the sort).
      const result = await tx.query<Record<string, unknown>>(
        `SELECT * FROM (${sql}) AS suiteql_q LIMIT ${page.limit} OFFSET ${page.offset}`,
      );
      const rows = result.rows.map((row) => toSuiteQlRow(row, result.fields));
      return envelope(selfUrl, page, total, rows, cap);
    });
  } catch (error) {
    if (error instanceof NsHttpError) throw error;
    // NetSuite answers bad SQL with a generic "Invalid search query" and little detail; we keep Postgres's
    // message because a developer reading emulator output wants to know what broke.
    throw new NsHttpError(400, 'INVALID_REQUEST', `Invalid search query. Search error occurred: ${(error as Error).message}`);
  }
}
