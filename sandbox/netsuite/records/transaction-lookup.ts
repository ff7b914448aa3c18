import type { RecordType } from './types';

/**
 * Id lookup and collection paging shared by the record types stored in the `transaction` table, which differ only
 * in their type code (`SalesOrd`, `ItemShip`).
 */
export function transactionLookup(typeCode: string): Pick<RecordType, 'resolve' | 'listIds'> {
  return {
    async resolve(ctx, key) {
      const r =
        'internalId' in key
          ? await ctx.db.query<{ id: number }>(`SELECT id FROM transaction WHERE type = $1 AND id = $2`, [typeCode, key.internalId])
          : await ctx.db.query<{ id: number }>(`SELECT id FROM transaction WHERE type = $1 AND externalid = $2`, [typeCode, key.externalId]);
      return r.rows[0]?.id ?? null;
    },

    async listIds(ctx, page) {
      const total = await ctx.db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM transaction WHERE type = $1`, [typeCode]);
      const r = await ctx.db.query<{ id: number }>(`SELECT id FROM transaction WHERE type = $1 ORDER BY id LIMIT $2 OFFSET $3`, [
        typeCode,
        page.limit,
        page.offset,
      ]);
      return { ids: r.rows.map((row) => row.id), total: total.rows[0]?.n ?? 0 };
    },
  };
}
