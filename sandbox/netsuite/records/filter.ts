/**
 * Compiles a parsed `q` filter into a parameterised SQL condition over the record's table. The operators allowed
 * per field type are the sheet's table (§4.4.1, from Oracle's "Record Collection Filtering"); any other operator,
 * an unknown or unfilterable field, a wrong number of values, or a value of the wrong type is refused with 400
 * INVALID_REQUEST naming `q` ([I] code, as for bad SuiteQL). Matching on text is case-insensitive, like NetSuite
 * searches [I]. Dates are written in the account's date format, M/D/YYYY here (the US default; §4.4.1 says the
 * format follows account preferences).
 */
import { badFilter, parseFilter, type FilterNode } from './filter-parse';
import { isFilterable, type FieldKind, type FieldSpec } from './fields';

type FilterType = 'number' | 'string' | 'boolean' | 'date';

const NEGATABLE: Record<FilterType, readonly string[]> = {
  number: ['ANY_OF', 'BETWEEN', 'EQUAL', 'GREATER', 'GREATER_OR_EQUAL', 'LESS', 'LESS_OR_EQUAL', 'WITHIN'],
  string: ['CONTAIN', 'IS', 'START_WITH', 'END_WITH'],
  boolean: [],
  date: ['AFTER', 'BEFORE', 'ON', 'ON_OR_AFTER', 'ON_OR_BEFORE'],
};

/** Every operator a type accepts, as Oracle lists them (each with `_NOT`; Oracle's page spells one `ENDWITH`). */
const OPERATORS: Record<FilterType, ReadonlySet<string>> = {
  number: new Set(NEGATABLE.number.flatMap((op) => [op, `${op}_NOT`])),
  string: new Set([...NEGATABLE.string.flatMap((op) => [op, `${op}_NOT`]), 'ENDWITH']),
  boolean: new Set(['IS', 'IS_NOT']),
  date: new Set(NEGATABLE.date.flatMap((op) => [op, `${op}_NOT`])),
};

const FILTER_TYPE: Partial<Record<FieldKind, FilterType>> = {
  string: 'string',
  integer: 'number',
  number: 'number',
  ref: 'number',
  boolean: 'boolean',
  date: 'date',
  'date-time': 'date',
};

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

function numberValue(raw: string, field: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(raw)) throw badFilter(`${field} is a number field; "${raw}" is not a number.`);
  return raw;
}

/** M/D/YYYY → YYYY-MM-DD, refusing impossible dates. */
function dateValue(raw: string, field: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  const date = m ? new Date(Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]))) : null;
  if (!m || !date || date.getUTCMonth() !== Number(m[1]) - 1 || date.getUTCDate() !== Number(m[2])) {
    throw badFilter(`${field} is a date field; "${raw}" is not a date in the account's format M/D/YYYY.`);
  }
  return date.toISOString().slice(0, 10);
}

function booleanValue(raw: string, field: string): boolean {
  const lower = raw.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw badFilter(`${field} is a boolean field; use true or false, not "${raw}".`);
  return lower === 'true';
}

function arity(operator: string, values: string[], list: boolean, field: string): void {
  const base = operator.replace(/_NOT$/, '');
  if (base === 'ANY_OF') {
    if (values.length === 0) throw badFilter(`${operator} on ${field} needs at least one value.`);
    return;
  }
  if (base === 'BETWEEN' || base === 'WITHIN') {
    if (!list || values.length !== 2) throw badFilter(`${operator} on ${field} takes two values: [low, high].`);
    return;
  }
  if (list || values.length !== 1) throw badFilter(`${operator} on ${field} takes exactly one value.`);
}

function condition(spec: FieldSpec & { column: string }, operator: string, values: string[], list: boolean, p: Params): string {
  const col = spec.column;
  if (operator === 'EMPTY') return `(${col} IS NULL OR ${col}::text = '')`;
  if (operator === 'EMPTY_NOT') return `(${col} IS NOT NULL AND ${col}::text <> '')`;
  const type = FILTER_TYPE[spec.kind];
  if (type === undefined || !OPERATORS[type].has(operator)) {
    throw badFilter(`the operator ${operator} is not supported for ${spec.name} (a ${type ?? spec.kind} field).`);
  }
  arity(operator, values, list, spec.name);
  const [first = '', second = ''] = values;
  if (type === 'boolean') {
    const cmp = operator === 'IS' ? '=' : '<>';
    return `((${col}) = 'T') ${cmp} ${p.add(booleanValue(first, spec.name), 'boolean')}`;
  }
  const negated = operator.endsWith('_NOT');
  const base = operator === 'ENDWITH' ? 'END_WITH' : operator.replace(/_NOT$/, '');
  let positive: string;
  if (type === 'number') {
    const n = (raw: string): string => p.add(numberValue(raw, spec.name), 'numeric');
    const cmp: Record<string, string> = { EQUAL: '=', GREATER: '>', GREATER_OR_EQUAL: '>=', LESS: '<', LESS_OR_EQUAL: '<=' };
    if (base === 'ANY_OF') positive = `${col} IN (${values.map(n).join(', ')})`;
    else if (base === 'BETWEEN' || base === 'WITHIN') positive = `${col} BETWEEN ${n(first)} AND ${n(second)}`;
    else positive = `${col} ${cmp[base] ?? '='} ${n(first)}`;
  } else if (type === 'string') {
    const v = p.add(first, 'text');
    const lowered = `lower(${col})`;
    if (base === 'IS') positive = `${lowered} = lower(${v})`;
    else if (base === 'CONTAIN') positive = `strpos(${lowered}, lower(${v})) > 0`;
    else if (base === 'START_WITH') positive = `left(${lowered}, length(${v})) = lower(${v})`;
    else positive = `right(${lowered}, length(${v})) = lower(${v})`;
  } else {
    const d = p.add(dateValue(first, spec.name), 'date');
    const cmp: Record<string, string> = { AFTER: '>', BEFORE: '<', ON: '=', ON_OR_AFTER: '>=', ON_OR_BEFORE: '<=' };
    positive = `(${col})::date ${cmp[base] ?? '='} ${d}`;
  }
  // A `_NOT` condition also matches records where the field is empty, as a negated search filter does [I].
  return negated ? `(${col} IS NULL OR NOT (${positive}))` : `(${positive})`;
}

function compileNode(node: FilterNode, fields: ReadonlyMap<string, FieldSpec>, p: Params): string {
  if (node.kind !== 'condition') {
    return `(${compileNode(node.left, fields, p)} ${node.kind.toUpperCase()} ${compileNode(node.right, fields, p)})`;
  }
  const spec = fields.get(node.field.toLowerCase());
  if (!spec) throw badFilter(`unknown field ${node.field}.`);
  if (!isFilterable(spec)) throw badFilter(`the field ${spec.name} cannot be used in a filter.`);
  return condition(spec, node.operator, node.values, node.list, p);
}

/** `q` → SQL condition. Field names match case-insensitively (Oracle's examples write `creditlimit`, `dateCreated`). */
export function compileFilter(q: string, fields: readonly FieldSpec[]): SqlCondition {
  const byName = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  const p = new Params();
  const sql = compileNode(parseFilter(q), byName, p);
  return { sql, params: p.values };
}
