/**
 * Parses the record-collection filter `q` (§4.4.1): conditions `field OPERATOR value`, joined with AND / OR and
 * grouped with (). A value is a bare word (`barbara`), a number, a double-quoted string (`"1/1/2025"`), or a
 * bracketed list for the operators that take several values (`id ANY_OF [1, 2, 3]`, `id BETWEEN_NOT [1, 42]`, as
 * in Oracle's examples). AND binds tighter than OR. Types are checked later, against the field (filter.ts).
 */
import { NsHttpError } from '../errors';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'condition'; field: string; operator: string; values: string[]; list: boolean };

type Token = { kind: 'word' | 'string'; text: string } | { kind: 'punct'; text: '(' | ')' | '[' | ']' | ',' };

/** Operators that take no value. */
const UNARY = new Set(['EMPTY', 'EMPTY_NOT']);

export function badFilter(detail: string): NsHttpError {
  return new NsHttpError(400, 'INVALID_REQUEST', `Invalid search query (q): ${detail}`, { 'o:errorQueryParam': 'q' });
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    } else if (c === '"') {
      let text = '';
      i += 1;
      while (i < q.length && q.charAt(i) !== '"') {
        if (q.charAt(i) === '\\' && i + 1 < q.length) i += 1;
        text += q.charAt(i);
        i += 1;
      }
      if (i >= q.length) throw badFilter('a quoted value is not closed.');
      i += 1;
      tokens.push({ kind: 'string', text });
    } else {
      const start = i;
      while (i < q.length && !/[\s()[\],"]/.test(q.charAt(i))) i += 1;
      tokens.push({ kind: 'word', text: q.slice(start, i) });
    }
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    if (this.tokens.length === 0) throw badFilter('the filter is empty.');
    const node = this.or();
    const extra = this.tokens[this.at];
    if (extra) throw badFilter(`unexpected "${extra.text}".`);
    return node;
  }

  private peekKeyword(keyword: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === 'word' && t.text.toUpperCase() === keyword;
  }

  private isPunct(text: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === 'punct' && t.text === text;
  }

  private next(what: string): Token {
    const t = this.tokens[this.at];
    if (!t) throw badFilter(`expected ${what} but the filter ended.`);
    this.at += 1;
    return t;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.peekKeyword('OR')) {
      this.at += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.primary();
    while (this.peekKeyword('AND')) {
      this.at += 1;
      left = { kind: 'and', left, right: this.primary() };
    }
    return left;
  }

  private primary(): FilterNode {
    if (this.isPunct('(')) {
      this.at += 1;
      const inner = this.or();
      if (!this.isPunct(')')) throw badFilter('a "(" is not closed.');
      this.at += 1;
      return inner;
    }
    const fieldToken = this.next('a field name');
    if (fieldToken.kind !== 'word') throw badFilter(`expected a field name, found "${fieldToken.text}".`);
    const opToken = this.next(`an operator after ${fieldToken.text}`);
    if (opToken.kind !== 'word') throw badFilter(`expected an operator after ${fieldToken.text}, found "${opToken.text}".`);
    const operator = opToken.text.toUpperCase();
    if (UNARY.has(operator)) return { kind: 'condition', field: fieldToken.text, operator, values: [], list: false };
    if (this.isPunct('[')) {
      this.at += 1;
      const values = [this.value()];
      while (this.isPunct(',')) {
        this.at += 1;
        values.push(this.value());
      }
      if (!this.isPunct(']')) throw badFilter('a "[" list is not closed.');
      this.at += 1;
      return { kind: 'condition', field: fieldToken.text, operator, values, list: true };
    }
    return { kind: 'condition', field: fieldToken.text, operator, values: [this.value()], list: false };
  }

  private value(): string {
    const t = this.next('a value');
    if (t.kind === 'punct') throw badFilter(`expected a value, found "${t.text}".`);
    return t.text;
  }
}

export function parseFilter(q: string): FilterNode {
  return new Parser(tokenize(q)).parse();
}
