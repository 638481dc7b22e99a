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
import { keyValuesJson, networkLocationDetailsJson, requirementPoliciesJson, writeRisk } from './render-diagnostic.ts';
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

const FLAG_MEMO: Array<string | undefined> = new Array(4096).fill(undefined);

/** A flags value as OData writes it: comma-separated member names, `none` for 0. */
export function conditionFlags(value: number): string {
  if (value === 0) return 'none';
  // Twelve flags: every value fits the memo, so each string is built once per process.
  const memo = value >= 0 && value < FLAG_MEMO.length ? FLAG_MEMO[value] : undefined;
  if (memo !== undefined) return memo;
  let out = '';
  for (const [bit, name] of CONDITION_NAMES) {
    if ((value & bit) !== 0) out = out === '' ? name : `${out},${name}`;
  }
  if (value >= 0 && value < FLAG_MEMO.length) FLAG_MEMO[value] = out;
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

/** The leading properties of both versions, from `id` through `ipAddress`. */
function graphHead(a: SignInActivity): GraphResource {
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
  };
}

function v1(a: SignInActivity): GraphResource {
  const u = a.user;
  const r = graphHead(a);
  r.clientAppUsed = a.clientAppUsed;
  r.userAgent = a.userAgent;
  r.correlationId = a.correlationId;
  r.conditionalAccessStatus = a.conditionalAccessStatus;
  r.isInteractive = a.isInteractive;
  writeRisk(r, a, true);
  r.resourceDisplayName = a.resourceDisplayName;
  r.resourceId = a.resourceId;
  r.resourceTenantId = a.resourceTenantId;
  r.homeTenantId = u?.homeTenantId ?? a.resourceTenantId;
  r.servicePrincipalId = a.servicePrincipalId;
  r.servicePrincipalName = a.servicePrincipalName === '' ? null : a.servicePrincipalName;
  r.status = statusGraph(a);
  r.deviceDetail = deviceGraph(a, false);
  r.location = locationGraph(a.location);
  r.appliedConditionalAccessPolicies = a.appliedConditionalAccessPolicies.map((p) => policyGraph(p, false));
  r.authenticationAppDeviceDetails = null;
  return r;
}

function beta(a: SignInActivity): GraphResource {
  const u = a.user;
  const mi = a.managedIdentity;
  const workload = u === null;
  // Beta example order first, then the remaining declared properties.
  const r = graphHead(a);
  r.clientAppUsed = workload ? null : a.clientAppUsed;
  r.userAgent = a.userAgent;
  r.correlationId = a.correlationId;
  r.conditionalAccessStatus = a.conditionalAccessStatus;
  r.originalRequestId = a.originalRequestId;
  r.authenticationProtocol = a.authenticationProtocol;
  r.incomingTokenType = a.incomingTokenType;
  r.isInteractive = a.isInteractive;
  r.homeTenantId = u?.homeTenantId ?? a.resourceTenantId;
  r.homeTenantName = u && u.userType === 'Guest' ? u.homeTenantName : '';
  r.isTenantRestricted = false;
  r.tokenIssuerName = a.tokenIssuerName;
  r.tokenIssuerType = a.tokenIssuerType;
  r.processingTimeInMilliseconds = a.processingTimeInMilliseconds;
  writeRisk(r, a, false);
  r.riskEventTypes_v2 = a.risk.eventTypes as string[];
  r.resourceDisplayName = a.resourceDisplayName;
  r.resourceId = a.resourceId;
  r.resourceTenantId = a.resourceTenantId;
  r.authenticationMethodsUsed = methodsUsed(a);
  r.authenticationRequirement = a.authenticationRequirement;
  r.uniqueTokenIdentifier = a.uniqueTokenIdentifier;
  r.signInIdentifier = u?.signInIdentifier ?? null;
  r.signInEventTypes = [a.eventType];
  r.servicePrincipalId = a.servicePrincipalId;
  r.userType = u === null ? null : u.userType === 'Guest' ? 'guest' : 'member';
  r.flaggedForReview = false;
  r.autonomousSystemNumber = a.autonomousSystemNumber;
  r.crossTenantAccessType = a.crossTenantAccessType;
  r.status = statusGraph(a);
  r.deviceDetail = deviceGraph(a, true);
  r.location = locationGraph(a.location);
  r.appliedConditionalAccessPolicies = a.appliedConditionalAccessPolicies.map((p) => policyGraph(p, true));
  r.authenticationProcessingDetails = keyValuesJson(a.authenticationProcessingDetails);
  r.networkLocationDetails = networkLocationDetailsJson(a);
  r.authenticationDetails = a.authenticationDetails.map(stepGraph);
  r.authenticationRequirementPolicies = requirementPoliciesJson(a);
  r.sessionLifetimePolicies = [];
  r.agent = { agentType: 'notAgentic', agentSubjectType: 'notAgentic', agentSubjectParentId: null, parentAppId: null };
  r.appliedEventListeners = [];
  r.appOwnerTenantId = a.appOwnerTenantId === '' ? null : a.appOwnerTenantId;
  r.appTokenProtectionStatus = null;
  r.authenticationAppDeviceDetails = null;
  r.authenticationAppPolicyEvaluationDetails = [];
  r.authenticationContextClassReferences = [];
  r.azureResourceId = mi ? mi.associatedResourceId : null;
  r.clientCredentialType = a.clientCredentialType;
  r.clientSessionId = null;
  r.conditionalAccessAudiences = a.conditionalAccessAudiences as string[];
  r.federatedCredentialId = a.federatedCredentialId;
  r.globalSecureAccessIpAddress = null;
  r.ipAddressFromResourceProvider = null;
  r.isThroughGlobalSecureAccess = false;
  r.managedServiceIdentity = mi
    ? { msiType: mi.msiType, associatedResourceId: mi.associatedResourceId, federatedTokenId: mi.federatedTokenId, federatedTokenIssuer: mi.federatedTokenIssuer }
    : { msiType: 'none', associatedResourceId: null, federatedTokenId: null, federatedTokenIssuer: null };
  r.mfaDetail = { authMethod: a.mfaMethod, authDetail: null };
  r.originalTransferMethod = 'none';
  r.privateLinkDetails = { policyId: null, policyName: null, policyTenantId: null, resourceId: null };
  r.resourceOwnerTenantId = a.resourceOwnerTenantId;
  r.resourceServicePrincipalId = a.resourceServicePrincipalId;
  r.servicePrincipalCredentialKeyId = a.servicePrincipalCredentialKeyId;
  r.servicePrincipalCredentialThumbprint = a.servicePrincipalCredentialThumbprint;
  r.servicePrincipalName = a.servicePrincipalName === '' ? null : a.servicePrincipalName;
  r.sessionId = a.sessionId === '' ? null : a.sessionId;
  r.signInIdentifierType = u?.signInIdentifier ? 'userPrincipalName' : null;
  r.signInTokenProtectionStatus = workload ? null : 'none';
  r.tokenProtectionStatusDetails = a.tokenProtection ? { signInSessionStatus: a.tokenProtection.status, signInSessionStatusCode: a.tokenProtection.code } : null;
  return r;
}

/** The Graph signIn of a sign-in; undefined where the version does not serve its category. */
export function signInToGraph(a: SignInActivity, version: GraphVersion, _ctx: RenderContext): GraphResource | undefined {
  if (a.category === 'ADFSSignInLogs') return undefined;
  if (version === 'v1.0') return a.category === 'SignInLogs' ? v1(a) : undefined;
  return beta(a);
}

