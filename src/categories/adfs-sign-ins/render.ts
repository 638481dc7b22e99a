/**
 * ADFSSignInLogs renderings. No Graph resource exists (graph-api.md §11).
 *
 * Diagnostic record: the only sample (Elastic, re-serialised, Dec 2025) has a US-format
 * `time` (`12/12/2025 3:03:58 PM`), lower-case `"level": "4"` (a string, as 2026 records of
 * other sign-in categories also write it), no `location`, and `callerIpAddress` and
 * `identity` present. Its keys are alphabetised by the re-serialiser, so the envelope
 * follows the common sign-in order and `properties` the order of 2026 sign-in records
 * (Sekoia) over the sample's key set.
 */
import type { DiagnosticRecord, JsonObject, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import { nestedTime, usTime } from '../../core/time.ts';
import { ADFS_COLUMNS } from '../../data/sign-in-la-columns.ts';
import type { SignInActivity } from '../sign-ins/model.ts';
import {
  aadiamResourceId,
  authenticationDetailsJson,
  keyValuesJson,
  legacyRiskEventTypes,
  locationJson,
  OPERATION_NAME,
  resultSignatureOf,
  statusJson,
} from '../sign-ins/render-diagnostic.ts';
import { projectRow, signInColumnValues } from '../sign-ins/render-log-analytics.ts';

function properties(a: SignInActivity): JsonObject {
  const u = a.user!;
  const d = a.device;
  return {
    id: a.id,
    createdDateTime: nestedTime(a.time, a.tick),
    userDisplayName: u.displayName,
    userPrincipalName: u.userPrincipalName,
    userId: u.id,
    agent: { agentType: 'notAgentic', agentSubjectType: 'notAgentic' },
    appId: a.appId,
    appDisplayName: a.appDisplayName,
    ipAddress: a.ipAddress,
    ipAddressFromResourceProvider: '',
    status: statusJson(a),
    clientAppUsed: a.clientAppUsed,
    userAgent: a.userAgent ?? '',
    deviceDetail: { deviceId: d?.deviceId ?? '', operatingSystem: d?.operatingSystem ?? '', browser: d?.browser ?? '' },
    location: locationJson(a.location),
    correlationId: a.correlationId,
    conditionalAccessStatus: a.conditionalAccessStatus,
    appliedConditionalAccessPolicies: [],
    authenticationContextClassReferences: [],
    originalRequestId: a.originalRequestId,
    isInteractive: true,
    tokenIssuerName: a.tokenIssuerName,
    tokenIssuerType: a.tokenIssuerType,
    authenticationProcessingDetails: keyValuesJson(a.authenticationProcessingDetails),
    clientCredentialType: a.clientCredentialType,
    processingTimeInMilliseconds: a.processingTimeInMilliseconds,
    riskDetail: a.risk.detail,
    riskLevelAggregated: a.risk.levelAggregated,
    riskLevelDuringSignIn: a.risk.levelDuringSignIn,
    riskState: a.risk.state,
    riskEventTypes: legacyRiskEventTypes(a),
    riskEventTypes_v2: a.risk.eventTypes as string[],
    resourceDisplayName: a.resourceDisplayName,
    resourceId: a.resourceId,
    resourceTenantId: a.resourceTenantId,
    homeTenantId: u.homeTenantId,
    tenantId: a.resourceTenantId,
    homeTenantName: '',
    authenticationDetails: authenticationDetailsJson(a.authenticationDetails).map(dropResultDetail),
    authenticationRequirementPolicies: [],
    sessionLifetimePolicies: [],
    authenticationRequirement: a.authenticationRequirement,
    alternateSignInName: u.signInIdentifier ?? u.userPrincipalName,
    signInIdentifier: u.signInIdentifier ?? u.userPrincipalName,
    servicePrincipalName: a.servicePrincipalName,
    signInEventTypes: [a.eventType],
    servicePrincipalId: '',
    userType: u.userType,
    flaggedForReview: false,
    isTenantRestricted: false,
    crossTenantAccessType: a.crossTenantAccessType,
    privateLinkDetails: {},
    servicePrincipalCredentialKeyId: '',
    servicePrincipalCredentialThumbprint: '',
    uniqueTokenIdentifier: a.uniqueTokenIdentifier,
    incomingTokenType: a.incomingTokenType,
    authenticationProtocol: a.authenticationProtocol,
    appServicePrincipalId: null,
    resourceServicePrincipalId: '',
    signInTokenProtectionStatus: 'none',
    tokenProtectionStatusDetails: { signInSessionStatus: 'none' },
    originalTransferMethod: 'none',
    isThroughGlobalSecureAccess: false,
    globalSecureAccessIpAddress: '',
    conditionalAccessAudiences: [],
    sessionId: '',
    appOwnerTenantId: '',
    resourceOwnerTenantId: '',
    sourceAppClientId: '',
    redirectUrl: '',
  };
}

/** The sample's AD FS steps have no `authenticationStepResultDetail`. */
function dropResultDetail(step: unknown): JsonObject {
  const s = { ...(step as JsonObject) };
  delete s.authenticationStepResultDetail;
  return s;
}

export function adfsToDiagnostic(a: SignInActivity, _ctx: RenderContext): DiagnosticRecord {
  const tid = a.resourceTenantId;
  const r: DiagnosticRecord = {
    time: usTime(a.envelopeTime),
    resourceId: aadiamResourceId(tid),
    operationName: OPERATION_NAME,
    operationVersion: '1.0',
    category: 'ADFSSignInLogs',
    tenantId: tid,
    resultType: String(a.errorCode),
    resultSignature: resultSignatureOf(a),
  };
  if (a.errorCode !== 0 && a.failureReason !== null) r.resultDescription = a.failureReason;
  r.durationMs = 0;
  r.callerIpAddress = a.ipAddress;
  r.correlationId = a.correlationId;
  r.identity = a.user!.displayName;
  r.level = '4';
  r.properties = properties(a);
  return r;
}

export function adfsToLogAnalytics(a: SignInActivity, ctx: RenderContext): LogAnalyticsRow {
  const values = signInColumnValues(a, ctx);
  values.Requirement = a.authenticationDetails[0]?.requirement ?? '';
  values.AuthenticationDetails = authenticationDetailsJson(a.authenticationDetails).map(dropResultDetail);
  values.AuthenticationRequirementPolicies = [];
  values.ConditionalAccessPolicies = [];
  values.DeviceDetail = { deviceId: a.device?.deviceId ?? '', operatingSystem: a.device?.operatingSystem ?? '', browser: a.device?.browser ?? '' };
  return projectRow(values, ADFS_COLUMNS, 'ADFSSignInLogs');
}
