/**
 * What the emulator knows about each record type's body fields: the JSON type the record API returns and, for
 * fields the collection filter `q` can use, the SQL expression behind it. One list per record type feeds both the
 * `q` filter (§4.4.1) and the metadata catalog (§4.1), so the two can never disagree about what is filterable.
 */
export type FieldKind =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'date-time'
  /** A reference `{id, refName, links}`; filtered by internal id. */
  | 'ref'
  /** An enum `{id, refName}` (or the bare id with simpleEnumFormat). */
  | 'enum'
  | 'sublist'
  | 'subrecord';

export interface FieldSpec {
  name: string;
  /** The label NetSuite's REST API Browser shows. */
  title: string;
  kind: FieldKind;
  /**
   * SQL over the record's own table that `q` compares against. Absent: the field is not filterable. Booleans are
   * NetSuite 'T'/'F' text columns.
   */
  column?: string;
  /** ref: the referenced record type. */
  ref?: string;
  /** enum: the allowed ids. */
  values?: readonly string[];
}

/** Builds a spec; `column` given means filterable. */
export function field(name: string, title: string, kind: FieldKind, column?: string, extra: Pick<FieldSpec, 'ref' | 'values'> = {}): FieldSpec {
  return { name, title, kind, ...(column === undefined ? {} : { column }), ...extra };
}

export function ref(name: string, title: string, refType: string, column?: string): FieldSpec {
  return field(name, title, 'ref', column, { ref: refType });
}

/** Fields every record has: the internal id (filtered as a number, returned as a string) and the external id. */
export const ID_FIELDS: readonly FieldSpec[] = [field('id', 'Internal ID', 'integer', 'id'), field('externalId', 'External ID', 'string', 'externalid')];

/** Field kinds `q` can filter on; enums, sublists and subrecords are not filterable here. */
export function isFilterable(spec: FieldSpec): spec is FieldSpec & { column: string } {
  return spec.column !== undefined && !['enum', 'sublist', 'subrecord'].includes(spec.kind);
}
