/**
 * The quick-order pad's input, read into rows of SKU and quantity. Accepted, one item per line:
 *   `HX-2 10` (spaces), `HX-2,10` or `HX-2;10` (CSV, quoted fields allowed, as spreadsheets export them),
 *   `HX-2<TAB>10` (cells pasted from a spreadsheet).
 * A header row (e.g. `SKU,Quantity`) is recognised and its column names used, so `Part number,Description,Qty`
 * works too. Blank lines are skipped. Nothing is guessed: a line without a readable whole-number quantity is
 * reported on its row rather than ordered as 1. Pure: no catalog knowledge (that is check-rows.ts).
 */
export const MAX_ROWS = 200;
export const MAX_QUANTITY = 1_000_000;

export interface ParsedRow {
  /** 1-based line number in the pasted text, so a message can point at it. */
  lineNumber: number;
  /** The line as typed (trimmed), to give back for fixing. */
  text: string;
  sku: string;
  /** null when the quantity could not be read; `problem` says why. */
  quantity: number | null;
  problem: string | null;
}

export interface ParsedInput {
  rows: ParsedRow[];
  /** Items beyond MAX_ROWS are left out: the text from the first of them, to keep in the pad ('' when all was read). */
  unread: string;
}

const SKU_HEADER = /^(sku|item|item ?(no|number|#)|part ?(no|number|#)?|product ?code)$/i;
const QUANTITY_HEADER = /^(qty|quantity|quantities|amount|count|order ?qty)$/i;

export function parseQuickOrder(input: string): ParsedInput {
  const rows: ParsedRow[] = [];
  let columns = { sku: 0, quantity: 1 };
  let unread = '';
  const lines = input.split(/\r\n|\n|\r/);
  for (const [index, raw] of lines.entries()) {
    const text = raw.trim();
    if (text === '') continue;
    const { fields, delimited } = splitFields(text);
    if (rows.length === 0) {
      const header = headerColumns(fields);
      if (header) {
        columns = header;
        continue;
      }
    }
    if (rows.length === MAX_ROWS) {
      unread = lines.slice(index).join('\n');
      break;
    }
    rows.push(readRow(index + 1, text, fields, delimited, columns));
  }
  return { rows, unread };
}

function readRow(lineNumber: number, text: string, fields: string[], delimited: boolean, columns: { sku: number; quantity: number }): ParsedRow {
  const sku = fields[columns.sku] ?? '';
  const rawQuantity = fields[columns.quantity] ?? '';
  const base = { lineNumber, text, sku };
  if (sku === '') return { ...base, quantity: null, problem: 'No SKU on this line.' };
  const extra = fields.filter((field, i) => field !== '' && i !== columns.sku && i !== columns.quantity);
  if (extra.length > 0 && !delimited) {
    return { ...base, quantity: null, problem: 'Write one SKU and its quantity per line, e.g. "HX-2 10".' };
  }
  if (rawQuantity === '') return { ...base, quantity: null, problem: 'Quantity missing: add it after the SKU.' };
  const quantity = readQuantity(rawQuantity);
  if (typeof quantity === 'string') return { ...base, quantity: null, problem: quantity };
  return { ...base, quantity, problem: null };
}

function readQuantity(raw: string): number | string {
  // Spreadsheets may add thousands separators ("1,200") inside a quoted CSV cell.
  const text = raw.replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return `"${raw}" is not a quantity: use a whole number.`;
  const value = Number(text);
  if (!Number.isInteger(value)) return `Quantity must be a whole number; got ${raw}.`;
  if (value < 1) return `Quantity must be at least 1; got ${raw}.`;
  if (value > MAX_QUANTITY) return `Quantity ${raw} is more than ${MAX_QUANTITY.toLocaleString('en-US')}.`;
  return value;
}

/**
 * Tabs first (spreadsheet paste); then "SKU qty" (a word without a comma and a number, so "HX-2 1,200" keeps its
 * thousands separator); then CSV with `,` or `;`; else words.
 */
function splitFields(text: string): { fields: string[]; delimited: boolean } {
  if (text.includes('\t')) return { fields: text.split('\t').map(unquote), delimited: true };
  const words = text.split(/\s+/);
  if (words.length === 2 && !/[,;"]/.test(words[0] ?? '') && /^-?[\d.,]+$/.test(words[1] ?? '')) return { fields: words, delimited: false };
  const delimiter = csvDelimiter(text);
  if (delimiter) return { fields: splitCsv(text, delimiter), delimited: true };
  return { fields: words, delimited: false };
}

function csvDelimiter(text: string): ',' | ';' | null {
  const outsideQuotes = text.replace(/"[^"]*"/g, '');
  if (outsideQuotes.includes(',')) return ',';
  if (outsideQuotes.includes(';')) return ';';
  return null;
}

/** One CSV record (RFC 4180 quoting: `"a ""b"""` → `a "b"`), fields trimmed. */
function splitCsv(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

function unquote(field: string): string {
  const trimmed = field.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replace(/""/g, '"').trim() : trimmed;
}

function headerColumns(fields: string[]): { sku: number; quantity: number } | null {
  const sku = fields.findIndex((f) => SKU_HEADER.test(f));
  const quantity = fields.findIndex((f) => QUANTITY_HEADER.test(f));
  return sku >= 0 && quantity >= 0 ? { sku, quantity } : null;
}
