/**
 * SuiteQL result values are always strings (§4.4), keys lower case, and null columns are left out of the row [I].
 * Postgres types are converted here: numerics lose trailing zeros ("17.5000" → "17.5", as NetSuite prints them),
 * raw datetimes print in the account's date format ([I] M/D/YYYY, the US default) — which is why the adapter
 * selects TO_CHAR(…) when it needs a time.
 */
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const BOOL = 16;

function trimNumeric(text: string): string {
  if (!text.includes('.')) return text;
  const trimmed = text.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

function formatDate(value: unknown): string {
  const date = value instanceof Date ? value : new Date(String(value));
  return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`;
}

export function toSuiteQlValue(value: unknown, dataTypeID: number): string {
  switch (dataTypeID) {
    case NUMERIC:
      return trimNumeric(String(value));
    case DATE:
    case TIMESTAMP:
    case TIMESTAMPTZ:
      return formatDate(value);
    case BOOL:
      return value ? 'T' : 'F';
    default:
      return value instanceof Date ? formatDate(value) : String(value);
  }
}

export function toSuiteQlRow(
  row: Record<string, unknown>,
  fields: { name: string; dataTypeID: number }[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { links: [] };
  for (const field of fields) {
    const value = row[field.name];
    if (value === null || value === undefined) continue;
    out[field.name.toLowerCase()] = toSuiteQlValue(value, field.dataTypeID);
  }
  return out;
}
