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
  authenticationDetailsJson,
  envelopeHead,
  keyValuesJson,
  locationJson,
  statusJson,
  writeRisk,
} from '../sign-ins/render-diagnostic.ts';
import { projectRow, signInColumnValues } from '../sign-ins/render-log-analytics.ts';

/** AD FS device detail: only id, OS and browser. */
function deviceJson(a: SignInActivity): JsonObject {
  const d = a.device;
  return { deviceId: d?.deviceId ?? '', operatingSystem: d?.operatingSystem ?? '', browser: d?.browser ?? '' };
}

function properties(a: SignInActivity): JsonObject {
  const u = a.user!;
  const p: JsonObject = {
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
    deviceDetail: deviceJson(a),
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
  };
  writeRisk(p, a, true);
  p.resourceDisplayName = a.resourceDisplayName;
  p.resourceId = a.resourceId;
  p.resourceTenantId = a.resourceTenantId;
  p.homeTenantId = u.homeTenantId;
  p.tenantId = a.resourceTenantId;
  p.homeTenantName = '';
  p.authenticationDetails = authenticationDetailsJson(a.authenticationDetails, false);
  p.authenticationRequirementPolicies = [];
  p.sessionLifetimePolicies = [];
  p.authenticationRequirement = a.authenticationRequirement;
  p.alternateSignInName = u.signInIdentifier ?? u.userPrincipalName;
  p.signInIdentifier = u.signInIdentifier ?? u.userPrincipalName;
  p.servicePrincipalName = a.servicePrincipalName;
  p.signInEventTypes = [a.eventType];
  p.servicePrincipalId = '';
  p.userType = u.userType;
  p.flaggedForReview = false;
  p.isTenantRestricted = false;
  p.crossTenantAccessType = a.crossTenantAccessType;
  p.privateLinkDetails = {};
  p.servicePrincipalCredentialKeyId = '';
  p.servicePrincipalCredentialThumbprint = '';
  p.uniqueTokenIdentifier = a.uniqueTokenIdentifier;
  p.incomingTokenType = a.incomingTokenType;
  p.authenticationProtocol = a.authenticationProtocol;
  p.appServicePrincipalId = null;
  p.resourceServicePrincipalId = '';
  p.signInTokenProtectionStatus = 'none';
  p.tokenProtectionStatusDetails = { signInSessionStatus: 'none' };
  p.originalTransferMethod = 'none';
  p.isThroughGlobalSecureAccess = false;
  p.globalSecureAccessIpAddress = '';
  p.conditionalAccessAudiences = [];
  p.sessionId = '';
  p.appOwnerTenantId = '';
  p.resourceOwnerTenantId = '';
  p.sourceAppClientId = '';
  p.redirectUrl = '';
  return p;
}

export function adfsToDiagnostic(a: SignInActivity, _ctx: RenderContext): DiagnosticRecord {
  const r = envelopeHead(a, usTime(a.envelopeTime));
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
  values.AuthenticationDetails = authenticationDetailsJson(a.authenticationDetails, false);
  values.AuthenticationRequirementPolicies = [];
  values.ConditionalAccessPolicies = [];
  values.DeviceDetail = deviceJson(a);
  return projectRow(values, ADFS_COLUMNS, 'ADFSSignInLogs');
}
