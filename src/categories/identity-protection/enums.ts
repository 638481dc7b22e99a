/**
 * Identity Protection enums with their members exactly as the Graph CSDL declares them
 * (graph-api.md Appendix A/B). Graph, diagnostic records and Log Analytics all write the
 * member name; members after `unknownFutureValue` are only served by Graph with
 * `Prefer: include-unknown-enum-members` (graph-api.md §2.5) — that substitution is the
 * mock API's job, renderers write the real member.
 */

export const RISK_LEVELS = ['low', 'medium', 'high', 'hidden', 'none', 'unknownFutureValue'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_STATES = ['none', 'confirmedSafe', 'remediated', 'dismissed', 'atRisk', 'confirmedCompromised', 'unknownFutureValue'] as const;
export type RiskState = (typeof RISK_STATES)[number];

/** beta order (v1.0 lacks the agent members). */
export const RISK_DETAILS = [
  'none',
  'adminGeneratedTemporaryPassword',
  'userPerformedSecuredPasswordChange',
  'userPerformedSecuredPasswordReset',
  'adminConfirmedSigninSafe',
  'aiConfirmedSigninSafe',
  'userPassedMFADrivenByRiskBasedPolicy',
  'adminDismissedAllRiskForUser',
  'adminConfirmedSigninCompromised',
  'hidden',
  'adminConfirmedUserCompromised',
  'unknownFutureValue',
  'adminConfirmedServicePrincipalCompromised',
  'adminDismissedAllRiskForServicePrincipal',
  'm365DAdminDismissedDetection',
  'userChangedPasswordOnPremises',
  'adminDismissedRiskForSignIn',
  'adminConfirmedAccountSafe',
  'adminConfirmedAgentSafe',
  'adminConfirmedAgentCompromised',
  'adminDismissedRiskForAgent',
  'microsoftRevokedSessions',
] as const;
export type RiskDetail = (typeof RISK_DETAILS)[number];

export const RISK_DETECTION_TIMING_TYPES = ['notDefined', 'realtime', 'nearRealtime', 'offline', 'unknownFutureValue'] as const;
export type RiskDetectionTimingType = (typeof RISK_DETECTION_TIMING_TYPES)[number];

/** `activityType`: `servicePrincipal` comes after `unknownFutureValue`. */
export const ACTIVITY_TYPES = ['signin', 'user', 'unknownFutureValue', 'servicePrincipal'] as const;
export type RiskActivityType = (typeof ACTIVITY_TYPES)[number];

/** `tokenIssuerType` is the one PascalCase enum (graph-api.md §2.5). */
export const TOKEN_ISSUER_TYPES = ['AzureAD', 'ADFederationServices', 'UnknownFutureValue', 'AzureADBackupAuth', 'ADFederationServicesMFAAdapter', 'NPSExtension'] as const;
export type TokenIssuerType = (typeof TOKEN_ISSUER_TYPES)[number];

const LEVEL_RANK: Readonly<Record<RiskLevel, number>> = {
  none: 0,
  hidden: 0,
  unknownFutureValue: 0,
  low: 1,
  medium: 2,
  high: 3,
};

/** The higher of two risk levels (aggregate user risk follows its worst open detection). */
export function maxRiskLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a;
}
