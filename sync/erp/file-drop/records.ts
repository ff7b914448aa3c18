/**
 * Streams records out of CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) or JSON Lines files,
 * one at a time, each with the 1-based line it starts on — so an error can say "prices.csv line 57".
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ErpError } from '../errors';

export interface SourceRecord {
  file: string;
  line: number;
  fields: Record<string, string>;
  /** The record as it appeared in the file, for quarantine. */
  raw: string;
}

function splitCsv(record: string): string[] | null {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < record.length; i += 1) {
    const ch = record[i];
    if (quoted) {
      if (ch === '"' && record[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  out.push(field);
  return out;
}

/** Odd number of quotes so far means the record continues on the next physical line. */
function openQuote(text: string): boolean {
  return ((text.match(/"/g) ?? []).length) % 2 === 1;
}

export class MalformedRecord extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
    readonly raw: string,
    /** What could still be read (cells by header position when the column count is wrong), to group the row. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The columns a feed needs in its header; others are allowed and ignored. */
export interface ExpectedColumns {
  required: readonly string[];
  optional?: readonly string[];
}

function checkHeader(file: string, header: string[], expected: ExpectedColumns): void {
  const missing = expected.required.filter((c) => !header.includes(c));
  if (missing.length === 0) return;
  const optional = expected.optional && expected.optional.length > 0 ? `; optional: ${expected.optional.join(', ')}` : '';
  const message = `header is missing column(s) ${missing.join(', ')}; expected columns: ${expected.required.join(', ')}${optional} `
    + `(any order, extra columns ignored); found: ${header.join(', ') || '(empty)'}`;
  throw new ErpError('validation', `${file} line 1: ${message}. Nothing was read; fix the header and drop the file again.`, {
    issues: [{ source: file, line: 1, field: missing.join(','), message }],
  });
}

async function* csvRecords(file: string, expected?: ExpectedColumns): AsyncGenerator<SourceRecord | MalformedRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let header: string[] | null = null;
  let buffer = '';
  let startLine = 0;
  let lineNo = 0;
  for await (const physical of lines) {
    lineNo += 1;
    if (buffer === '') startLine = lineNo;
    buffer = buffer === '' ? physical : `${buffer}\n${physical}`;
    if (openQuote(buffer)) continue;
    const record = buffer;
    buffer = '';
    if (record.trim() === '') continue;
    const cells = splitCsv(lineNo === 1 ? record.replace(/^\uFEFF/, '') : record);
    if (cells === null) {
      yield new MalformedRecord(file, startLine, 'unbalanced quotes', record);
      continue;
    }
    if (header === null) {
      header = cells.map((h) => h.trim().toLowerCase());
      if (expected) checkHeader(file, header, expected);
      continue;
    }
    if (cells.length !== header.length) {
      const partial: Record<string, string> = {};
      header.forEach((name, index) => { if (index < cells.length) partial[name] = cells[index] ?? ''; });
      yield new MalformedRecord(file, startLine, `expected ${header.length} columns (${header.join(',')}), found ${cells.length}`, record, partial);
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((name, index) => (fields[name] = cells[index] ?? ''));
    yield { file, line: startLine, fields, raw: record };
  }
  if (buffer !== '') yield new MalformedRecord(file, startLine, 'unterminated quoted field at end of file', buffer);
  if (header === null && expected) checkHeader(file, [], expected);
}

async function* jsonlRecords(file: string): AsyncGenerator<SourceRecord | MalformedRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const physical of lines) {
    lineNo += 1;
    const raw = lineNo === 1 ? physical.replace(/^\uFEFF/, '') : physical;
    if (raw.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      yield new MalformedRecord(file, lineNo, 'not valid JSON', raw);
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      yield new MalformedRecord(file, lineNo, 'each line must be a JSON object', raw);
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) fields[k.toLowerCase()] = v === null || v === undefined ? '' : String(v);
    yield { file, line: lineNo, fields, raw };
  }
}

/**
 * `expected`: the CSV header must name these columns, or the read stops with an ErpError naming the expected
 * columns (a wrong header makes every row unreadable; guessing columns would misread them). JSON Lines rows carry
 * their own keys, so there a missing key is reported per row.
 */
export function readRecords(file: string, expected?: ExpectedColumns): AsyncGenerator<SourceRecord | MalformedRecord> {
  return file.endsWith('.jsonl') || file.endsWith('.ndjson') ? jsonlRecords(file) : csvRecords(file, expected);
}
