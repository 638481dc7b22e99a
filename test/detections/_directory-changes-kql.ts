/**
 * The few KQL and Sigma semantics the directory-changes detections need, over the rows the
 * harness renders (LA rows: dynamic columns are JSON values; diagnostic records: `properties`).
 *
 * KQL `has`: a case-insensitive match of a whole term, terms being maximal runs of ASCII
 * alphanumerics (learn.microsoft.com/kusto/query/datatypes-string-operators). A search
 * string made of several terms (`offline_access`, `Mail.Read`) must appear with term
 * boundaries on both ends; one made only of punctuation (`@`) is a plain substring.
 *
 * Sigma: equality is case-insensitive and exact, `|contains` a case-insensitive substring,
 * keywords a case-insensitive substring anywhere in the event. Field names of Sigma's
 * `product: azure, service: auditlogs` rules are mapped onto the diagnostic record in
 * `sigmaAuditField` (the mapping is ours; pySigma backends differ).
 */
import type { Json, JsonObject } from '../../src/core/activity.ts';
import { dyn } from './harness.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const ALNUM = /[A-Za-z0-9]/;

/** KQL `tostring()`: strings as they are, null/undefined as '', anything else as JSON text. */
export function tostring(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** KQL `has` (see module comment). */
export function has(value: unknown, term: string): boolean {
  const text = tostring(value).toLowerCase();
  const t = term.toLowerCase();
  if (t.length === 0) return true;
  const checkStart = ALNUM.test(t[0]!);
  const checkEnd = ALNUM.test(t[t.length - 1]!);
  for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) {
    const before = i === 0 ? '' : text[i - 1]!;
    const after = i + t.length >= text.length ? '' : text[i + t.length]!;
    if (checkStart && before && ALNUM.test(before)) continue;
    if (checkEnd && after && ALNUM.test(after)) continue;
    return true;
  }
  return false;
}

export function hasAny(value: unknown, terms: ReadonlyArray<string>): boolean {
  return terms.some((t) => has(value, t));
}

/** KQL `=~`. */
export function eqi(a: unknown, b: string): boolean {
  return tostring(a).toLowerCase() === b.toLowerCase();
}

/** KQL `contains` (case-insensitive substring). */
export function containsi(a: unknown, b: string): boolean {
  return tostring(a).toLowerCase().includes(b.toLowerCase());
}

/** KQL `trim(@'"', s)`: strips leading and trailing double quotes. */
export function trimQuotes(s: string): string {
  return s.replace(/^"+/, '').replace(/"+$/, '');
}

/** KQL `isnotempty()` on a scalar. */
export function isnotempty(v: unknown): boolean {
  return v !== null && v !== undefined && tostring(v) !== '';
}

/** A dynamic cell as an object (LA rows keep dynamic columns as values; some tables as JSON text). */
export function obj(v: unknown): JsonObject {
  const o = dyn<unknown>(v);
  return o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as JsonObject) : {};
}

export function arr(v: unknown): Json[] {
  const a = dyn<unknown>(v);
  return Array.isArray(a) ? (a as Json[]) : [];
}

/** `TargetResources` entries of an AuditLogs row. */
export function targets(row: JsonObject): JsonObject[] {
  return arr(row.TargetResources).filter((t): t is JsonObject => t !== null && typeof t === 'object' && !Array.isArray(t));
}

export interface ModifiedProperty {
  readonly displayName: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export function modifiedProperties(target: JsonObject | undefined): ModifiedProperty[] {
  if (!target) return [];
  return arr(target.modifiedProperties).map((p) => {
    const o = (p ?? {}) as JsonObject;
    return {
      displayName: tostring(o.displayName),
      oldValue: o.oldValue === null || o.oldValue === undefined ? null : tostring(o.oldValue),
      newValue: o.newValue === null || o.newValue === undefined ? null : tostring(o.newValue),
    };
  });
}

/** `InitiatedBy.user.*` / `InitiatedBy.app.*` as the rules extract them. */
export interface Initiator {
  readonly userPrincipalName: string;
  readonly userId: string;
  readonly userIp: string;
  readonly appDisplayName: string;
  readonly appServicePrincipalId: string;
  /** `iff(isnotempty(InitiatedBy.user.ipAddress), InitiatedBy.user.ipAddress, InitiatedBy.app.ipAddress)` */
  readonly ipAddress: string;
  /** `iff(isnotempty(UPN), UPN, app display name)` */
  readonly name: string;
}

export function initiator(row: JsonObject): Initiator {
  const by = obj(row.InitiatedBy);
  const user = obj(by.user);
  const app = obj(by.app);
  const upn = tostring(user.userPrincipalName);
  const userIp = tostring(user.ipAddress);
  return {
    userPrincipalName: upn,
    userId: tostring(user.id),
    userIp,
    appDisplayName: tostring(app.displayName),
    appServicePrincipalId: tostring(app.servicePrincipalId),
    ipAddress: userIp !== '' ? userIp : tostring(app.ipAddress),
    name: upn !== '' ? upn : tostring(app.displayName),
  };
}

/** First `AdditionalDetails` entry's value when its key is User-Agent (`AdditionalDetails[0].key =~ "User-Agent"`). */
export function firstDetailUserAgent(row: JsonObject): string {
  const first = arr(row.AdditionalDetails)[0] as JsonObject | undefined;
  return first && eqi(first.key, 'User-Agent') ? tostring(first.value) : '';
}

/**
 * Rows sorted by a datetime column, with the column's ISO strings (which sort like the
 * instants), built once per row array: rules run at every hour of a week, and a week of
 * SigninLogs is 200,000 rows.
 */
interface TimeIndex {
  readonly rows: JsonObject[];
  readonly keys: string[];
}
const INDEXES = new WeakMap<ReadonlyArray<JsonObject>, Map<string, TimeIndex>>();

function timeIndex(rows: ReadonlyArray<JsonObject>, column: string): TimeIndex {
  let byColumn = INDEXES.get(rows);
  if (!byColumn) INDEXES.set(rows, (byColumn = new Map()));
  let idx = byColumn.get(column);
  if (!idx) {
    const sorted = rows.filter((r) => typeof r[column] === 'string').sort((a, b) => (String(a[column]) < String(b[column]) ? -1 : String(a[column]) > String(b[column]) ? 1 : 0));
    idx = { rows: sorted, keys: sorted.map((r) => String(r[column])) };
    byColumn.set(column, idx);
  }
  return idx;
}

/** First position whose key is >= (or > when `after`) the instant. */
function bound(keys: ReadonlyArray<string>, instant: number, after: boolean): number {
  const k = new Date(instant).toISOString();
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after ? keys[mid]! <= k : keys[mid]! < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows whose TimeGenerated is in (now - period, now]: `where TimeGenerated > ago(period)` run at `now`. */
export function inLast(rows: ReadonlyArray<JsonObject>, now: number, period: number, column = 'TimeGenerated'): JsonObject[] {
  const { rows: sorted, keys } = timeIndex(rows, column);
  return sorted.slice(bound(keys, now - period, true), bound(keys, now, true));
}

/** Rows in [from, to) by TimeGenerated (`between` for the historical part of a rule). */
export function between(rows: ReadonlyArray<JsonObject>, from: number, to: number, column = 'TimeGenerated'): JsonObject[] {
  const { rows: sorted, keys } = timeIndex(rows, column);
  return sorted.slice(bound(keys, from, false), bound(keys, to, false));
}

/** When a scheduled rule runs: every `frequency` from `first` to `last` inclusive. */
export function runTimes(first: number, last: number, frequency: number): number[] {
  const out: number[] = [];
  for (let t = first; t <= last; t += frequency) out.push(t);
  return out;
}

/** Metadata every rule module exports. */
export interface RuleInfo {
  readonly name: string;
  /** `owner/repo:path@commit` of the rule the module translates. */
  readonly source: string;
  /** Scheduled rules: how often they run and how far back their query may look (ms); NRT rules run every minute. */
  readonly queryFrequency: number;
  readonly queryPeriod: number;
  /** Alert when result rows > this (Sentinel triggerOperator gt). */
  readonly triggerThreshold: number;
}

/** Alerts of a scheduled rule over a series of runs: runs whose result count beats the threshold. */
export function alertingRuns<T>(info: RuleInfo, runs: ReadonlyArray<number>, evaluate: (now: number) => T[]): Array<{ now: number; rows: T[] }> {
  const out: Array<{ now: number; rows: T[] }> = [];
  for (const now of runs) {
    const rows = evaluate(now);
    if (rows.length > info.triggerThreshold) out.push({ now, rows });
  }
  return out;
}

// --------------------------------------------------------------------------------------------
// Sigma over diagnostic AuditLogs records
// --------------------------------------------------------------------------------------------

function props(rec: JsonObject): JsonObject {
  return obj(rec.properties);
}

/** Sigma equality: case-insensitive, exact. */
export function sigmaEq(value: unknown, expected: string): boolean {
  return tostring(value).toLowerCase() === expected.toLowerCase();
}

/**
 * Sigma azure/auditlogs field → the value in a diagnostic record:
 * `properties.message` / `OperationName` / `operationName` / `ActivityDisplayName` → the activity name;
 * `Status` → `properties.result`; `Category` → `properties.category`;
 * `TargetResources` → the JSON text of `properties.targetResources`;
 * `InitiatedBy` → the JSON text of `properties.initiatedBy`.
 */
export function sigmaAuditField(rec: JsonObject, field: string): string {
  const p = props(rec);
  switch (field) {
    case 'properties.message':
    case 'OperationName':
    case 'operationName':
    case 'ActivityDisplayName':
      return tostring(p.activityDisplayName ?? rec.operationName);
    case 'Status':
      return tostring(p.result);
    case 'Category':
      return tostring(p.category);
    case 'TargetResources':
      return tostring(p.targetResources);
    case 'InitiatedBy':
      return tostring(p.initiatedBy);
    default:
      throw new RangeError(`no Sigma mapping for ${field}`);
  }
}

/** All modified properties of all targets of a diagnostic audit record. */
export function sigmaModifiedProperties(rec: JsonObject): ModifiedProperty[] {
  return arr(props(rec).targetResources).flatMap((t) => modifiedProperties(t as JsonObject));
}

/**
 * A flattened modified-property field such as `ConsentContext.IsAdminConsent`: the value of the
 * property of that name, its JSON quoting removed (Entra writes `"\"False\""`).
 */
export function sigmaModifiedValue(rec: JsonObject, displayName: string): string | undefined {
  const p = sigmaModifiedProperties(rec).find((m) => m.displayName === displayName);
  return p?.newValue === null || p === undefined ? undefined : trimQuotes(p.newValue);
}

/** Sigma keyword search: a case-insensitive substring anywhere in the record. */
export function sigmaKeyword(rec: JsonObject, keyword: string): boolean {
  return JSON.stringify(rec).toLowerCase().includes(keyword.toLowerCase());
}
