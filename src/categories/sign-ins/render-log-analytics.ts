/**
 * Log Analytics rows of the sign-in tables. Every column of the table is written, with the
 * table's own names and Kusto types (log-analytics/README.md §3): SigninLogs keeps Status,
 * DeviceDetail, LocationDetails, ConditionalAccessPolicies, MfaDetail… as `dynamic`, while
 * AADNonInteractiveUserSignInLogs, the workload tables and ADFSSignInLogs store the same
 * JSON as strings. `ResultType` and `Level` ("4") are strings, `TenantId` is the workspace,
 * `AADTenantId` the Entra tenant, `Category` the diagnostic category, `TimeGenerated` the
 * ingestion (envelope) time. Empty string columns are "", empty typed columns null, as in
 * real rows.
 */
import type { Json, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import { laTime } from '../../core/time.ts';
import type { LaColumn } from '../../data/sign-in-la-columns.ts';
import {
  aadiamResourceId,
  audiencesJson,
  authenticationDetailsJson,
  deviceDetailJson,
  keyValuesJson,
  legacyRiskEventTypes,
  locationJson,
  networkLocationDetailsJson,
  OPERATION_NAME,
  policiesJson,
  requirementPoliciesJson,
  resultSignatureOf,
  statusJson,
} from './render-diagnostic.ts';
import type { SignInActivity } from './model.ts';

/** Columns whose JSON Entra writes indented in SigninLogs (training-lab export: 2-space indent). */
const PRETTY = new Set(['AuthenticationDetails', 'AuthenticationProcessingDetails']);

/**
 * Values of every column any sign-in table may have, as JSON values; `projectRow` turns
 * them into the table's types.
 */
export function signInColumnValues(a: SignInActivity, ctx: RenderContext): Record<string, Json> {
  const u = a.user;
  const tid = a.resourceTenantId;
  const mi = a.managedIdentity;
  return {
    AADTenantId: tid,
    Agent: null,
    AlternateSignInName: u?.signInIdentifier ?? '',
    AppDisplayName: a.appDisplayName,
    AppId: a.appId,
    AppliedConditionalAccessPolicies: policiesJson(a.appliedConditionalAccessPolicies),
    AppliedEventListeners: null,
    AppOwnerTenantId: a.appOwnerTenantId,
    AuthenticationAppDeviceDetails: '',
    AuthenticationAppPolicyEvaluationDetails: '',
    AuthenticationContextClassReferences: [],
    AuthenticationDetails: authenticationDetailsJson(a.authenticationDetails),
    AuthenticationMethodsUsed: '',
    AuthenticationProcessingDetails: keyValuesJson(a.authenticationProcessingDetails),
    AuthenticationProtocol: a.authenticationProtocol,
    AuthenticationRequirement: a.authenticationRequirement,
    AuthenticationRequirementPolicies: requirementPoliciesJson(a),
    AuthenticatorAppLocation: '',
    AutonomousSystemNumber: a.autonomousSystemNumber === null ? '' : String(a.autonomousSystemNumber),
    Category: a.category,
    ClientAppUsed: a.clientAppUsed,
    ClientCredentialType: a.clientCredentialType,
    ClientSessionId: '',
    ConditionalAccessAudiences: audiencesJson(a),
    ConditionalAccessPolicies: policiesJson(a.appliedConditionalAccessPolicies),
    ConditionalAccessStatus: a.conditionalAccessStatus,
    CorrelationId: a.correlationId,
    CreatedDateTime: laTime(a.time),
    CrossTenantAccessType: a.crossTenantAccessType,
    DeviceDetail: deviceDetailJson(a.device),
    DurationMs: 0,
    FederatedCredentialId: a.federatedCredentialId ?? '',
    FlaggedForReview: false,
    GlobalSecureAccessIpAddress: '',
    HomeTenantId: u?.homeTenantId ?? '',
    HomeTenantName: '',
    Id: a.id,
    Identity: u?.displayName ?? '',
    IncomingTokenType: a.incomingTokenType,
    IPAddress: a.ipAddress,
    IPAddressFromResourceProvider: '',
    IsInteractive: a.isInteractive,
    IsRisky: null,
    IsTenantRestricted: false,
    IsThroughGlobalSecureAccess: false,
    Level: '4',
    Location: a.location.countryOrRegion,
    LocationDetails: locationJson(a.location),
    ManagedServiceIdentity: mi
      ? { msiType: mi.msiType, associatedResourceId: mi.associatedResourceId, federatedTokenId: mi.federatedTokenId, federatedTokenIssuer: mi.federatedTokenIssuer }
      : '',
    MfaDetail: a.mfaMethod === null ? {} : { authMethod: a.mfaMethod },
    NetworkLocationDetails: networkLocationDetailsJson(a),
    OperationName: OPERATION_NAME,
    OperationVersion: '1.0',
    OriginalRequestId: a.originalRequestId,
    OriginalTransferMethod: 'none',
    ProcessingTimeInMilliseconds: String(a.processingTimeInMilliseconds),
    ProcessingTimeInMs: String(a.processingTimeInMilliseconds),
    Requirement: '',
    Resource: 'Microsoft.aadiam',
    ResourceDisplayName: a.resourceDisplayName,
    ResourceGroup: 'Microsoft.aadiam',
    ResourceId: aadiamResourceId(tid),
    ResourceIdentity: a.resourceId,
    ResourceOwnerTenantId: a.resourceOwnerTenantId,
    ResourceProvider: '',
    ResourceServicePrincipalId: a.resourceServicePrincipalId,
    ResourceTenantId: a.resourceTenantId,
    ResultDescription: a.errorCode === 0 ? '' : (a.failureReason ?? ''),
    ResultSignature: resultSignatureOf(a),
    ResultType: String(a.errorCode),
    RiskDetail: a.risk.detail,
    RiskEventTypes: legacyRiskEventTypes(a),
    RiskEventTypes_V2: a.risk.eventTypes as string[],
    RiskLevel: '',
    RiskLevelAggregated: a.risk.levelAggregated,
    RiskLevelDuringSignIn: a.risk.levelDuringSignIn,
    RiskState: a.risk.state,
    RootActorID: '',
    ServicePrincipalCredentialKeyId: a.servicePrincipalCredentialKeyId ?? '',
    ServicePrincipalCredentialThumbprint: a.servicePrincipalCredentialThumbprint ?? '',
    ServicePrincipalId: a.servicePrincipalId,
    ServicePrincipalName: a.servicePrincipalName,
    SessionId: a.sessionId,
    SessionLifetimePolicies: [],
    SignInEventTypes: [a.eventType],
    SignInIdentifier: u?.signInIdentifier ?? '',
    SignInIdentifierType: '',
    SourceAppClientId: '',
    SourceSystem: 'Azure AD',
    Status: statusJson(a),
    TenantId: ctx.workspaceId,
    TimeGenerated: laTime(a.envelopeTime),
    TokenIssuerName: a.tokenIssuerName,
    TokenIssuerType: a.tokenIssuerType,
    TokenProtectionStatusDetails: a.tokenProtection ? { signInSessionStatus: a.tokenProtection.status, signInSessionStatusCode: a.tokenProtection.code } : null,
    Type: '',
    UniqueTokenIdentifier: a.uniqueTokenIdentifier,
    UserAgent: a.userAgent ?? '',
    UserDisplayName: u?.displayName ?? '',
    UserId: u?.id ?? '',
    UserPrincipalName: u?.userPrincipalName ?? '',
    UserType: u?.userType ?? '',
  };
}

/** One row in the table's column order, each value in the column's Kusto type. */
export function projectRow(values: Record<string, Json | undefined>, columns: ReadonlyArray<LaColumn>, table: string): LogAnalyticsRow {
  const row: LogAnalyticsRow = {};
  for (const [name, type] of columns) {
    let v = name === 'Type' ? table : values[name];
    if (v === undefined) v = type === 'string' ? '' : null;
    if (type === 'string') {
      if (v === null) v = '';
      else if (typeof v === 'object') v = PRETTY.has(name) ? JSON.stringify(v, null, 2) : JSON.stringify(v);
      else if (typeof v !== 'string') v = String(v);
    } else if (type === 'dynamic') {
      if (v === '') v = null;
    }
    row[name] = v;
  }
  return row;
}

export function signInToLogAnalytics(a: SignInActivity, ctx: RenderContext, table: string, columns: ReadonlyArray<LaColumn>): LogAnalyticsRow {
  return projectRow(signInColumnValues(a, ctx), columns, table);
}

