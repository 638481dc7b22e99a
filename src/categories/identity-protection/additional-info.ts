/**
 * `additionalInfo`: a JSON-encoded **string** holding `[{"Key":…,"Value":…}]`
 * (graph-api.md §8; notes §A.4). Log Analytics types the column `dynamic`, so it holds
 * the parsed array there. Observed keys: userAgent, riskReasons (array value), alertUrl
 * ("" or null), mitreTechniques ("T1078,T1539").
 */
import type { Json } from '../../core/activity.ts';

export interface RiskInfoEntry {
  readonly Key: string;
  readonly Value: string | null | ReadonlyArray<string>;
}

/**
 * Encoded strings by entries array. A detection keeps its array through every rewrite
 * (updates spread the activity) and renders as diagnostic record and Graph resource (both
 * versions), so each array is stringified once. Entries are read-only, so the cached
 * string cannot go stale.
 */
const ENCODED = new WeakMap<ReadonlyArray<RiskInfoEntry>, string>();

/** Graph / diagnostic form: one JSON.stringify per entries array, no round trip. */
export function encodeAdditionalInfo(entries: ReadonlyArray<RiskInfoEntry>): string {
  let s = ENCODED.get(entries);
  if (s === undefined) {
    s = JSON.stringify(entries);
    ENCODED.set(entries, s);
  }
  return s;
}

/** Log Analytics form (dynamic column): the same array as a JSON value. */
export function additionalInfoValue(entries: ReadonlyArray<RiskInfoEntry>): Json {
  return entries.map((e) => ({ Key: e.Key, Value: typeof e.Value === 'string' || e.Value === null ? e.Value : e.Value.slice() }));
}
