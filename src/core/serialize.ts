/**
 * Byte-level serialisation of diagnostic records as Azure Monitor writes them to
 * storage (notes/diagnostic-format.md §B): the top level as `{ "time": "…", "k": v, … }`
 * — a space after `{`, `", "` between members, `": "` after keys — while nested values
 * (`properties`) are compact JSON. JSON parsers don't care; byte-level replay tests do.
 */
import type { JsonObject } from './activity.ts';

export function serializeDiagnostic(record: JsonObject): string {
  let out = '{ ';
  let first = true;
  for (const key in record) {
    const value = record[key];
    if (value === undefined) continue;
    if (!first) out += ', ';
    first = false;
    out += JSON.stringify(key) + ': ' + JSON.stringify(value);
  }
  return out + '}';
}

/** An Event Hubs event body: `{"records":[…]}` holding records of one category. */
export function eventHubsBody(records: ReadonlyArray<string>): string {
  return `{"records":[${records.join(',')}]}`;
}
