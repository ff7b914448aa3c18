/**
 * Streams records out of CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) or JSON Lines files,
 * one at a time, each with the 1-based line it starts on — so an error can say "prices.csv line 57".
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

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
  constructor(readonly file: string, readonly line: number, message: string, readonly raw: string) {
    super(message);
  }
}

async function* csvRecords(file: string): AsyncGenerator<SourceRecord | MalformedRecord> {
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
      continue;
    }
    if (cells.length !== header.length) {
      yield new MalformedRecord(file, startLine, `expected ${header.length} columns (${header.join(',')}), found ${cells.length}`, record);
      continue;
    }
    const fields: Record<string, string> = {};
    header.forEach((name, index) => (fields[name] = cells[index] ?? ''));
    yield { file, line: startLine, fields, raw: record };
  }
  if (buffer !== '') yield new MalformedRecord(file, startLine, 'unterminated quoted field at end of file', buffer);
}

async function* jsonlRecords(file: string): AsyncGenerator<SourceRecord | MalformedRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo += 1;
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

export function readRecords(file: string): AsyncGenerator<SourceRecord | MalformedRecord> {
  return file.endsWith('.jsonl') || file.endsWith('.ndjson') ? jsonlRecords(file) : csvRecords(file);
}
