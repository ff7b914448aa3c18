/**
 * Id lookup and collection paging for every record type, from its table and row condition: internal id or
 * `eid:` to internal id, and a page of ids in ascending order, optionally filtered by `q`.
 */
import type { RecordContext } from './common';
import type { SqlCondition } from './filter';
import type { RecordType } from './types';

export type RecordKey = { internalId: number } | { externalId: string };

function whereClause(type: RecordType, extra: string | null): string {
  const parts = [type.where, extra].filter((p): p is string => p !== undefined && p !== null && p !== '');
  return parts.length === 0 ? '' : `WHERE ${parts.map((p) => `(${p})`).join(' AND ')}`;
}

export async function resolveId(ctx: RecordContext, type: RecordType, key: RecordKey): Promise<number | null> {
  const [column, value] = 'internalId' in key ? ['id', key.internalId] : ['externalid', key.externalId];
  const r = await ctx.db.query<{ id: number }>(`SELECT id FROM ${type.table} ${whereClause(type, `${column} = $1`)}`, [value]);
  return r.rows[0]?.id ?? null;
}

export async function listIds(
  ctx: RecordContext,
  type: RecordType,
  page: { limit: number; offset: number },
  filter: SqlCondition | null,
): Promise<{ ids: number[]; total: number }> {
  const where = whereClause(type, filter?.sql ?? null);
  const params = filter?.params ?? [];
  const total = await ctx.db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${type.table} ${where}`, params);
  const r = await ctx.db.query<{ id: number }>(
    `SELECT id FROM ${type.table} ${where} ORDER BY id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { ids: r.rows.map((row) => row.id), total: total.rows[0]?.n ?? 0 };
}
