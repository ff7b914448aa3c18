import { PGlite } from '@electric-sql/pglite';
import { SCHEMA_SQL } from './tables/schema';

export type Db = PGlite;
/** A value we write as a SQL literal: only numbers, strings and null ever reach the seeder. */
export type SqlValue = number | string | null;

export async function openDb(): Promise<Db> {
  const db = new PGlite();
  await db.exec(SCHEMA_SQL);
  return db;
}

export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Multi-row INSERT in chunks. Seeding 100k rows one parameterised statement at a time takes minutes in WASM
 * Postgres; literal VALUES lists take seconds. Inputs are our own dataset, escaped by `sqlLiteral`.
 */
export async function insertRows(db: Db, table: string, columns: string[], rows: SqlValue[][]): Promise<void> {
  const CHUNK = 1000;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const values = rows
      .slice(start, start + CHUNK)
      .map((row) => `(${row.map(sqlLiteral).join(',')})`)
      .join(',\n');
    await db.exec(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${values}`);
  }
}

/** Integer minor units to a NetSuite decimal ("1725" → "17.25"); NetSuite holds money as decimals. */
export function minorToDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
