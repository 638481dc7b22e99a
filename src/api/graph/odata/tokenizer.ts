/**
 * `$filter` lexer. Graph clients send unquoted datetimes, dates and GUIDs, quoted
 * strings with `''` escapes and typed enum literals (`microsoft.graph.riskLevel'high'`),
 * so those are recognised here rather than left to the parser.
 */
import type { Instant } from './ast.ts';
import { parseInstant } from './instant.ts';

export type Token =
  | { readonly type: 'punct'; readonly value: '(' | ')' | ',' | ':' | '/'; readonly position: number }
  | { readonly type: 'identifier'; readonly value: string; readonly position: number }
  | { readonly type: 'string'; readonly value: string; readonly position: number }
  | { readonly type: 'number'; readonly value: number; readonly raw: string; readonly position: number }
  | { readonly type: 'datetime'; readonly value: Instant; readonly raw: string; readonly position: number }
  | { readonly type: 'guid'; readonly value: string; readonly position: number }
  | { readonly type: 'enum'; readonly enumType: string; readonly value: string; readonly position: number }
  | { readonly type: 'end'; readonly position: number };

export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/iy;
const DATETIME =
  /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?(?![\w:.-])/iy;
const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w.])/iy;
/** Identifiers may be namespace-qualified (`microsoft.graph.riskLevel`). */
const IDENTIFIER = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_][\w]*)*/y;

/** Matches a sticky regex exactly at `at`. */
function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function readQuoted(text: string, start: number): { value: string; end: number } {
  // start points at the opening quote; '' inside a string is one quote.
  let value = '';
  let i = start + 1;
  for (;;) {
    const q = text.indexOf("'", i);
    if (q < 0) throw new FilterSyntaxError('unterminated string literal', start);
    value += text.slice(i, q);
    if (text[q + 1] === "'") {
      value += "'";
      i = q + 2;
      continue;
    }
    return { value, end: q + 1 };
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === ':' || c === '/') {
      tokens.push({ type: 'punct', value: c, position: i });
      i++;
      continue;
    }
    if (c === "'") {
      const { value, end } = readQuoted(text, i);
      tokens.push({ type: 'string', value, position: i });
      i = end;
      continue;
    }
    let m = sticky(GUID, text, i);
    if (m) {
      tokens.push({ type: 'guid', value: m[0], position: i });
      i += m[0].length;
      continue;
    }
    m = sticky(DATETIME, text, i);
    if (m) {
      const value = parseInstant(m[0]);
      if (!value) throw new FilterSyntaxError(`invalid datetime '${m[0]}'`, i);
      tokens.push({ type: 'datetime', value, raw: m[0], position: i });
      i += m[0].length;
      continue;
    }
    m = sticky(NUMBER, text, i);
    if (m) {
      tokens.push({ type: 'number', value: Number(m[0]), raw: m[0], position: i });
      i += m[0].length;
      continue;
    }
    m = sticky(IDENTIFIER, text, i);
    if (m) {
      const name = m[0];
      const after = i + name.length;
      if (text[after] === "'" && name.includes('.')) {
        // Typed enum literal: qualified type name immediately followed by a quoted member.
        const { value, end } = readQuoted(text, after);
        tokens.push({ type: 'enum', enumType: name, value, position: i });
        i = end;
        continue;
      }
      tokens.push({ type: 'identifier', value: name, position: i });
      i = after;
      continue;
    }
    throw new FilterSyntaxError(`unexpected character '${c}'`, i);
  }
  tokens.push({ type: 'end', position: text.length });
  return tokens;
}
