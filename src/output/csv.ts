/**
 * Log Analytics rows as CSV, the way the portal exports them: one column per table
 * column in the table's order, `dynamic` cells as JSON text, empty cells for null.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/loganalytics/', import.meta.url));

interface ColumnEntry {
  readonly name: string;
}

/** Column order of a table, from its schema (derived from the published table definitions). */
export function tableColumns(table: string): string[] {
  const schema = JSON.parse(readFileSync(`${SCHEMA_DIR}${table}.schema.json`, 'utf8')) as {
    'x-columns'?: ReadonlyArray<ColumnEntry | string>;
    properties?: Record<string, unknown>;
  };
  const cols = schema['x-columns'];
  if (cols) return cols.map((c) => (typeof c === 'string' ? c : c.name));
  return Object.keys(schema.properties ?? {});
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(columns: ReadonlyArray<string>): string {
  return columns.map(cell).join(',');
}

export function csvRow(columns: ReadonlyArray<string>, row: Readonly<Record<string, unknown>>): string {
  let out = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) out += ',';
    out += cell(row[columns[i]!]);
  }
  return out;
}
