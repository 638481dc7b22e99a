/**
 * Log Analytics rows as CSV, the way the portal exports them: one column per table
 * column in the table's order, `dynamic` cells as JSON text, empty cells for null.
 */
import { laColumns } from '../schemas/index.ts';

/**
 * Column order of a table, from its schema (derived from the published table
 * definitions); hidden system columns (`_BilledSize`, …) are not exported by the portal.
 */
export function tableColumns(table: string): string[] {
  return laColumns(table)
    .filter((c) => !c.hidden)
    .map((c) => c.name);
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
