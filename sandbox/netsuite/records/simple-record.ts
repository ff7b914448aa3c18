/**
 * Record types that are one row of one table with plain fields (price levels, pricing groups, locations,
 * currencies): GET maps each field whose column is a plain column name, by its kind, and `extra` adds the rest.
 */
import { nonexistentId } from '../errors';
import { isoDate, isoDateTime, num, selfLink, shape, type Json, type RecordContext } from './common';
import type { FieldSpec } from './fields';
import type { RecordType } from './types';

function wireValue(spec: FieldSpec, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (spec.kind) {
    case 'boolean':
      return value === 'T';
    case 'number':
    case 'integer':
      return num(value);
    case 'date':
      return isoDate(value);
    case 'date-time':
      return isoDateTime(value);
    default:
      return String(value);
  }
}

export function simpleRecord(options: {
  name: string;
  table: string;
  fields: readonly FieldSpec[];
  extra?: (ctx: RecordContext, row: Record<string, unknown>) => Json;
  getSublist?: RecordType['getSublist'];
}): RecordType {
  const { name, table, fields, extra } = options;
  return {
    name,
    table,
    fields,
    async get(ctx, id) {
      const r = await ctx.db.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
      const row = r.rows[0];
      if (!row) throw nonexistentId(name, String(id));
      const record: Json = { links: selfLink(ctx, `${name}/${id}`), id: String(id) };
      for (const spec of fields) {
        if (spec.name === 'id' || spec.column === undefined || !/^\w+$/.test(spec.column)) continue;
        record[spec.name] = wireValue(spec, row[spec.column]);
      }
      Object.assign(record, extra?.(ctx, row) ?? {});
      return shape(ctx, record, []);
    },
    ...(options.getSublist ? { getSublist: options.getSublist } : {}),
  };
}
