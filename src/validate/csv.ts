/**
 * Streaming RFC 4180 CSV parser (quoted fields may hold commas, doubled quotes and line breaks —
 * Log Analytics exports pretty-printed JSON inside cells). Written against Node built-ins only.
 */

export interface CsvRow {
  /** 1-based line on which the row starts. */
  line: number;
  fields: string[];
  /** The input ended inside a quoted field. */
  unterminated?: boolean;
}

export class CsvParser {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** Saw a `"` inside a quoted field: either an escaped quote or the closing one. */
  private quotePending = false;
  /** The current field started with a quote (so an empty field is not "nothing"). */
  private quoted = false;
  private lastWasCR = false;
  private line = 1;
  private rowStart = 1;

  push(chunk: string): CsvRow[] {
    const rows: CsvRow[] = [];
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (chunk[i] === '"') {
            this.field += '"';
            i++;
            continue;
          }
          this.inQuotes = false;
          continue; // re-examine this char as unquoted
        }
        const q = chunk.indexOf('"', i);
        const end = q < 0 ? n : q;
        const text = chunk.slice(i, end);
        this.field += text;
        for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) this.line++;
        if (q < 0) return rows;
        this.quotePending = true;
        i = q + 1;
        continue;
      }
      const c = chunk[i];
      if (this.lastWasCR) {
        this.lastWasCR = false;
        if (c === '\n') {
          i++;
          continue;
        }
      }
      if (c === '"' && this.field.length === 0 && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
        i++;
      } else if (c === ',') {
        this.endField();
        i++;
      } else if (c === '\n' || c === '\r') {
        this.lastWasCR = c === '\r';
        this.line++;
        this.endRow(rows);
        i++;
      } else {
        // Plain run up to the next special character.
        let j = i + 1;
        while (j < n) {
          const d = chunk[j];
          if (d === ',' || d === '\n' || d === '\r') break;
          j++;
        }
        this.field += chunk.slice(i, j);
        i = j;
      }
    }
    return rows;
  }

  end(): CsvRow[] {
    const rows: CsvRow[] = [];
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) {
      this.endField();
      rows.push({ line: this.rowStart, fields: this.fields, unterminated: true });
      this.fields = [];
      this.inQuotes = false;
      return rows;
    }
    this.endRow(rows);
    return rows;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.quoted = false;
  }

  private endRow(rows: CsvRow[]): void {
    const empty = this.fields.length === 0 && this.field.length === 0 && !this.quoted;
    if (!empty) {
      this.endField();
      rows.push({ line: this.rowStart, fields: this.fields });
    }
    this.fields = [];
    this.field = '';
    this.quoted = false;
    this.rowStart = this.line;
  }
}

/** Parses a whole CSV string (small inputs, tests). */
export function parseCsv(text: string): CsvRow[] {
  const p = new CsvParser();
  return [...p.push(text), ...p.end()];
}
