/**
 * Microsoft Graph `signIn` resources. Beta declares 76 properties (Appendix B) and serves
 * every sign-in category; v1.0 declares 29 (Appendix A) and serves interactive sign-ins
 * only (graph-api.md §3). Property and enum member names as the CSDL writes them; no
 * diagnostic-only extras; datetimes via `graphTime`; non-nullable `userId` and (beta)
 * `servicePrincipalId` are "" rather than null (graph-api.md §3 [rec]).
 *
 * Enum members declared after `unknownFutureValue` (e.g. incomingTokenType `refreshToken`,
 * `reportOnly…` policy results) are written by name: substituting `unknownFutureValue`
 * without `Prefer: include-unknown-enum-members` is the Graph endpoint's job (§2.5).
 */
import type { GraphVersion } from '../../core/categories.ts';
import type { GraphResource, JsonObject, RenderContext } from '../../core/activity.ts';
import { graphTime } from '../../core/time.ts';
import { CA_CONDITION } from './conditional-access.ts';
import { legacyRiskEventTypes } from './render-diagnostic.ts';
import type { AppliedPolicy, AuthStep, SignInActivity, SignInGeo } from './model.ts';

/** Flag names in declared order (beta `conditionalAccessConditions`). */
const CONDITION_NAMES: ReadonlyArray<readonly [number, string]> = [
  [CA_CONDITION.application, 'application'],
  [CA_CONDITION.users, 'users'],
  [CA_CONDITION.devicePlatform, 'devicePlatform'],
  [CA_CONDITION.location, 'location'],
  [CA_CONDITION.clientType, 'clientType'],
  [CA_CONDITION.signInRisk, 'signInRisk'],
  [CA_CONDITION.userRisk, 'userRisk'],
  [128, 'time'],
  [CA_CONDITION.deviceState, 'deviceState'],
  [512, 'client'],
  [1024, 'ipAddressSeenByAzureAD'],
  [2048, 'ipAddressSeenByResourceProvider'],
];

/** A flags value as OData writes it: comma-separated member names, `none` for 0. */
export function conditionFlags(value: number): string {
  if (value === 0) return 'none';
  let out = '';
  for (const [bit, name] of CONDITION_NAMES) {
    if ((value & bit) !== 0) out = out === '' ? name : `${out},${name}`;
  }
  return out;
}

function statusGraph(a: SignInActivity): JsonObject {
  return { errorCode: a.errorCode, failureReason: a.errorCode === 0 ? null : a.failureReason, additionalDetails: a.additionalDetails };
}

function locationGraph(g: SignInGeo): JsonObject {
  if (g.countryOrRegion === '') return { city: null, state: null, countryOrRegion: null, geoCoordinates: null };
  return { city: g.city, state: g.state, countryOrRegion: g.countryOrRegion, geoCoordinates: { altitude: null, latitude: g.latitude, longitude: g.longitude } };
}

function deviceGraph(a: SignInActivity, beta: boolean): JsonObject | null {
  const d = a.device;
  if (d === null) return a.user === null ? null : { deviceId: '', displayName: null, operatingSystem: null, browser: null, isCompliant: null, isManaged: null, trustType: null, ...(beta ? { browserId: null } : {}) };
  const registered = d.deviceId !== '';
  const o: JsonObject = {
    deviceId: d.deviceId,
    displayName: registered ? d.displayName : null,
    operatingSystem: d.operatingSystem,
    browser: d.browser,
    isCompliant: registered ? d.isCompliant : null,
    isManaged: registered ? d.isManaged : null,
    trustType: registered ? d.trustType : null,
  };
  if (beta) o.browserId = null;
  return o;
}

function policyGraph(p: AppliedPolicy, beta: boolean): JsonObject {
  const o: JsonObject = {
    id: p.id,
    displayName: p.displayName,
    enforcedGrantControls: p.enforcedGrantControls as string[],
    enforcedSessionControls: p.enforcedSessionControls as string[],
    result: p.result,
  };
  if (beta) {
    o.conditionsSatisfied = conditionFlags(p.conditionsSatisfied);
    o.conditionsNotSatisfied = conditionFlags(p.conditionsNotSatisfied);
    o.authenticationStrength = null;
    o.includeRulesSatisfied = [];
    o.excludeRulesSatisfied = [];
    o.sessionControlsNotSatisfied = [];
  }
  return o;
}

function stepGraph(s: AuthStep): JsonObject {
  return {
    authenticationStepDateTime: graphTime(s.time, s.tick),
    authenticationMethod: s.method,
    authenticationMethodDetail: s.methodDetail,
    succeeded: s.succeeded,
    authenticationStepResultDetail: s.resultDetail,
    authenticationStepRequirement: s.requirement,
  };
}

function methodsUsed(a: SignInActivity): string[] {
  const out: string[] = [];
  for (const s of a.authenticationDetails) if (s.succeeded && s.method !== 'Previously satisfied' && !out.includes(s.method)) out.push(s.method);
  return out;
}

function v1(a: SignInActivity): GraphResource {
  const u = a.user;
  return {
    id: a.id,
    createdDateTime: graphTime(a.time, a.tick),
    userDisplayName: u?.displayName ?? null,
    userPrincipalName: u?.userPrincipalName ?? null,
    userId: u?.id ?? '',
    appId: a.appId,
    appDisplayName: a.appDisplayName,
    ipAddress: a.ipAddress,
    clientAppUsed: a.clientAppUsed,
    userAgent: a.userAgent,
    correlationId: a.correlationId,
    conditionalAccessStatus: a.conditionalAccessStatus,
    isInteractive: a.isInteractive,
    riskDetail: a.risk.detail,
    riskLevelAggregated: a.risk.levelAggregated,
    riskLevelDuringSignIn: a.risk.levelDuringSignIn,
    riskState: a.risk.state,
    riskEventTypes: legacyRiskEventTypes(a),
    riskEventTypes_v2: a.risk.eventTypes as string[],
    resourceDisplayName: a.resourceDisplayName,
    resourceId: a.resourceId,
    resourceTenantId: a.resourceTenantId,
    homeTenantId: u?.homeTenantId ?? a.resourceTenantId,
    servicePrincipalId: a.servicePrincipalId,
    servicePrincipalName: a.servicePrincipalName === '' ? null : a.servicePrincipalName,
    status: statusGraph(a),
    deviceDetail: deviceGraph(a, false),
    location: locationGraph(a.location),
    appliedConditionalAccessPolicies: a.appliedConditionalAccessPolicies.map((p) => policyGraph(p, false)),
    authenticationAppDeviceDetails: null,
  };
}

function beta(a: SignInActivity): GraphResource {
  const u = a.user;
  const mi = a.managedIdentity;
  const workload = u === null;
  const r: GraphResource = {
    // Beta example order first, then the remaining declared properties.
    id: a.id,
    createdDateTime: graphTime(a.time, a.tick),
    userDisplayName: u?.displayName ?? null,
    userPrincipalName: u?.userPrincipalName ?? null,
    userId: u?.id ?? '',
    appId: a.appId,
    appDisplayName: a.appDisplayName,
    ipAddress: a.ipAddress,
    clientAppUsed: workload ? null : a.clientAppUsed,
    userAgent: a.userAgent,
    correlationId: a.correlationId,
    conditionalAccessStatus: a.conditionalAccessStatus,
    originalRequestId: a.originalRequestId,
    authenticationProtocol: a.authenticationProtocol,
    incomingTokenType: a.incomingTokenType,
    isInteractive: a.isInteractive,
    homeTenantId: u?.homeTenantId ?? a.resourceTenantId,
    homeTenantName: u && u.userType === 'Guest' ? u.homeTenantName : '',
    isTenantRestricted: false,
    tokenIssuerName: a.tokenIssuerName,
    tokenIssuerType: a.tokenIssuerType,
    processingTimeInMilliseconds: a.processingTimeInMilliseconds,
    riskDetail: a.risk.detail,
    riskLevelAggregated: a.risk.levelAggregated,
    riskLevelDuringSignIn: a.risk.levelDuringSignIn,
    riskState: a.risk.state,
    riskEventTypes_v2: a.risk.eventTypes as string[],
    resourceDisplayName: a.resourceDisplayName,
    resourceId: a.resourceId,
    resourceTenantId: a.resourceTenantId,
    authenticationMethodsUsed: methodsUsed(a),
    authenticationRequirement: a.authenticationRequirement,
    uniqueTokenIdentifier: a.uniqueTokenIdentifier,
    signInIdentifier: u?.signInIdentifier ?? null,
    signInEventTypes: [a.eventType],
    servicePrincipalId: a.servicePrincipalId,
    userType: u === null ? null : u.userType === 'Guest' ? 'guest' : 'member',
    flaggedForReview: false,
    autonomousSystemNumber: a.autonomousSystemNumber,
    crossTenantAccessType: a.crossTenantAccessType,
    status: statusGraph(a),
    deviceDetail: deviceGraph(a, true),
    location: locationGraph(a.location),
    appliedConditionalAccessPolicies: a.appliedConditionalAccessPolicies.map((p) => policyGraph(p, true)),
    authenticationProcessingDetails: a.authenticationProcessingDetails.map((x) => ({ key: x.key, value: x.value })),
    networkLocationDetails: a.namedLocations.length === 0 ? [] : [{ networkType: 'trustedNamedLocation', networkNames: a.namedLocations as string[] }],
    authenticationDetails: a.authenticationDetails.map(stepGraph),
    authenticationRequirementPolicies: a.authenticationRequirementPolicies.map((x) => ({ requirementProvider: x.requirementProvider, detail: x.detail })),
    sessionLifetimePolicies: [],
    agent: { agentType: 'notAgentic', agentSubjectType: 'notAgentic', agentSubjectParentId: null, parentAppId: null },
    appliedEventListeners: [],
    appOwnerTenantId: a.appOwnerTenantId === '' ? null : a.appOwnerTenantId,
    appTokenProtectionStatus: null,
    authenticationAppDeviceDetails: null,
    authenticationAppPolicyEvaluationDetails: [],
    authenticationContextClassReferences: [],
    azureResourceId: mi ? mi.associatedResourceId : null,
    clientCredentialType: a.clientCredentialType,
    clientSessionId: null,
    conditionalAccessAudiences: a.conditionalAccessAudiences as string[],
    federatedCredentialId: a.federatedCredentialId,
    globalSecureAccessIpAddress: null,
    ipAddressFromResourceProvider: null,
    isThroughGlobalSecureAccess: false,
    managedServiceIdentity: mi
      ? { msiType: mi.msiType, associatedResourceId: mi.associatedResourceId, federatedTokenId: mi.federatedTokenId, federatedTokenIssuer: mi.federatedTokenIssuer }
      : { msiType: 'none', associatedResourceId: null, federatedTokenId: null, federatedTokenIssuer: null },
    mfaDetail: { authMethod: a.mfaMethod, authDetail: null },
    originalTransferMethod: 'none',
    privateLinkDetails: { policyId: null, policyName: null, policyTenantId: null, resourceId: null },
    resourceOwnerTenantId: a.resourceOwnerTenantId,
    resourceServicePrincipalId: a.resourceServicePrincipalId,
    servicePrincipalCredentialKeyId: a.servicePrincipalCredentialKeyId,
    servicePrincipalCredentialThumbprint: a.servicePrincipalCredentialThumbprint,
    servicePrincipalName: a.servicePrincipalName === '' ? null : a.servicePrincipalName,
    sessionId: a.sessionId === '' ? null : a.sessionId,
    signInIdentifierType: u?.signInIdentifier ? 'userPrincipalName' : null,
    signInTokenProtectionStatus: workload ? null : 'none',
    tokenProtectionStatusDetails: a.tokenProtection ? { signInSessionStatus: a.tokenProtection.status, signInSessionStatusCode: a.tokenProtection.code } : null,
  };
  return r;
}

/** The Graph signIn of a sign-in; undefined where the version does not serve its category. */
export function signInToGraph(a: SignInActivity, version: GraphVersion, _ctx: RenderContext): GraphResource | undefined {
  if (a.category === 'ADFSSignInLogs') return undefined;
  if (version === 'v1.0') return a.category === 'SignInLogs' ? v1(a) : undefined;
  return beta(a);
}

