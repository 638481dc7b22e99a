/**
 * Sigma's Azure rules (logsource product azure, services signinlogs / riskdetection) name
 * the fields of Sentinel's tables (ResultType, IPAddress, AuthenticationRequirement…).
 * Entra's diagnostic records carry the same values under other names (envelope
 * `resultType`, `properties.ipAddress`…). `sigmaEvent` reads either shape into the Sigma
 * field names, so a rule is written once and matched on the diagnostic records a story
 * emits, or on the projected LA rows of a week of baseline (which would not fit in memory
 * as full diagnostic records).
 *
 * Sigma matching: plain values compare case-insensitively as whole strings; numbers
 * compare to the field's text (`ResultType: 50053` matches "50053"); `|contains`,
 * `|startswith` as named.
 */
import type { Json, JsonObject } from '../../src/core/activity.ts';
import { dyn } from './kql-sign-in.ts';

/** The Sigma fields the sign-in and risk rules use, as text. */
export interface SigmaEvent {
  readonly time: number;
  readonly ResultType: string;
  readonly ResultDescription: string;
  readonly UserPrincipalName: string;
  readonly IPAddress: string;
  readonly AppId: string;
  readonly AppDisplayName: string;
  readonly userAgent: string;
  /** `Status` serialised (rules match substrings of it). */
  readonly Status: string;
  readonly AuthenticationRequirement: string;
  readonly ClientAppUsed: string;
  readonly IsInteractive: string;
  readonly AutonomousSystemNumber: string;
  readonly RiskLevelDuringSignIn: string;
  readonly riskEventType: string;
}

function text(v: Json | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

const CACHE = new WeakMap<JsonObject, SigmaEvent>();

/** A diagnostic record (`{ time, resultType, …, properties }`) or an LA row, as Sigma sees it (memoised: several rules read one week). */
export function sigmaEvent(record: JsonObject): SigmaEvent {
  let e = CACHE.get(record);
  if (!e) CACHE.set(record, (e = toSigmaEvent(record)));
  return e;
}

function toSigmaEvent(record: JsonObject): SigmaEvent {
  const p = record.properties;
  if (p && typeof p === 'object' && !Array.isArray(p)) {
    const props = p as JsonObject;
    const created = text(props.createdDateTime) || text(props.detectedDateTime) || text(record.time);
    return {
      time: Date.parse(created),
      ResultType: text(record.resultType),
      ResultDescription: text(record.resultDescription),
      UserPrincipalName: text(props.userPrincipalName),
      IPAddress: text(props.ipAddress),
      AppId: text(props.appId),
      AppDisplayName: text(props.appDisplayName),
      userAgent: text(props.userAgent),
      Status: text(props.status),
      AuthenticationRequirement: text(props.authenticationRequirement),
      ClientAppUsed: text(props.clientAppUsed),
      IsInteractive: text(props.isInteractive),
      AutonomousSystemNumber: text(props.autonomousSystemNumber),
      RiskLevelDuringSignIn: text(props.riskLevelDuringSignIn),
      riskEventType: text(props.riskEventType),
    };
  }
  const created = text(record.CreatedDateTime) || text(record.DetectedDateTime) || text(record.TimeGenerated);
  return {
    time: Date.parse(created),
    ResultType: text(record.ResultType),
    ResultDescription: text(record.ResultDescription),
    UserPrincipalName: text(record.UserPrincipalName),
    // AADUserRiskEvents spells it IpAddress.
    IPAddress: text(record.IPAddress ?? record.IpAddress),
    AppId: text(record.AppId),
    AppDisplayName: text(record.AppDisplayName),
    userAgent: text(record.UserAgent),
    Status: text(dyn<Json>(record.Status)),
    AuthenticationRequirement: text(record.AuthenticationRequirement),
    ClientAppUsed: text(record.ClientAppUsed),
    IsInteractive: text(record.IsInteractive),
    AutonomousSystemNumber: text(record.AutonomousSystemNumber),
    RiskLevelDuringSignIn: text(record.RiskLevelDuringSignIn),
    riskEventType: text(record.RiskEventType),
  };
}

/** LA columns `sigmaEvent` reads, for projecting a baseline week. */
export const SIGMA_SIGN_IN_COLUMNS = [
  'TimeGenerated',
  'CreatedDateTime',
  'ResultType',
  'ResultDescription',
  'UserPrincipalName',
  'IPAddress',
  'AppId',
  'AppDisplayName',
  'UserAgent',
  'Status',
  'AuthenticationRequirement',
  'ClientAppUsed',
  'IsInteractive',
  'AutonomousSystemNumber',
  'RiskLevelDuringSignIn',
] as const;
export const SIGMA_RISK_COLUMNS = ['TimeGenerated', 'DetectedDateTime', 'RiskEventType', 'UserPrincipalName', 'IpAddress'] as const;

/** Sigma's default comparison: whole value, case-insensitive. */
export function eq(value: string, expected: string | number): boolean {
  return value.toLowerCase() === String(expected).toLowerCase();
}

export function oneOf(value: string, expected: ReadonlyArray<string | number>): boolean {
  return expected.some((e) => eq(value, e));
}

export function contains(value: string, needle: string): boolean {
  return value.toLowerCase().includes(needle.toLowerCase());
}

export function startsWith(value: string, prefix: string): boolean {
  return value.toLowerCase().startsWith(prefix.toLowerCase());
}
