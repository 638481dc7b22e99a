/**
 * Diagnostic-settings records of the sign-in categories (Event Hubs / storage).
 *
 * Envelope (notes §A.2–A.3): `time, resourceId, operationName, operationVersion, category,
 * tenantId, resultType, resultSignature, [resultDescription], durationMs, [callerIpAddress],
 * correlationId, [identity], Level, [location], properties`; `resultType` a string,
 * `Level` the integer 4, `durationMs` 0, `identity` the user's display name.
 *
 * `properties` = Graph beta signIn in the key order and key set of real 2025 records per
 * category (Datadog fixtures), with the diagnostic differences of notes §A.4: numeric
 * `status.errorCode`, PascalCase `StatusSequence`/`RequestSequence`, `userType`
 * "Member"/"Guest", `+00:00` nested datetimes, `userId` null on SP/MI, CA conditions as
 * numbers, `conditionalAccessAudiences` as objects.
 */
import type { DiagnosticRecord, JsonObject, Json, RenderContext } from '../../core/activity.ts';
import { envelopeTime, nestedTime } from '../../core/time.ts';
import type { AppliedPolicy, AuthStep, DeviceSnapshot, SignInActivity, SignInGeo } from './model.ts';

export const OPERATION_NAME = 'Sign-in activity';

export function aadiamResourceId(tenantId: string): string {
  return `/tenants/${tenantId}/providers/Microsoft.aadiam`;
}

/** Records from April 2025 on say SUCCESS/FAILURE (notes §A.2); older ones said None. */
export function resultSignatureOf(a: SignInActivity): string {
  return a.errorCode === 0 ? 'SUCCESS' : 'FAILURE';
}

export function statusJson(a: SignInActivity): JsonObject {
  if (a.errorCode === 0 || a.failureReason === null) return { errorCode: a.errorCode };
  if (a.additionalDetails !== null) return { errorCode: a.errorCode, failureReason: a.failureReason, additionalDetails: a.additionalDetails };
  return { errorCode: a.errorCode, failureReason: a.failureReason };
}

/** Unregistered devices carry only deviceId/operatingSystem/browser (Datadog 2025; Microsoft's schema sample). */
export function deviceDetailJson(d: DeviceSnapshot | null): JsonObject {
  if (d === null) return { deviceId: '', operatingSystem: '', browser: '' };
  if (d.deviceId === '') return { deviceId: '', operatingSystem: d.operatingSystem, browser: d.browser };
  return {
    deviceId: d.deviceId,
    displayName: d.displayName,
    operatingSystem: d.operatingSystem,
    browser: d.browser,
    isCompliant: d.isCompliant,
    isManaged: d.isManaged,
    trustType: d.trustType,
  };
}

export function locationJson(g: SignInGeo): JsonObject {
  return { city: g.city, state: g.state, countryOrRegion: g.countryOrRegion, geoCoordinates: { latitude: g.latitude, longitude: g.longitude } };
}

export function policiesJson(policies: ReadonlyArray<AppliedPolicy>): Json[] {
  const out: Json[] = new Array(policies.length);
  for (let i = 0; i < policies.length; i++) {
    const p = policies[i]!;
    out[i] = {
      id: p.id,
      displayName: p.displayName,
      enforcedGrantControls: p.enforcedGrantControls as string[],
      enforcedSessionControls: p.enforcedSessionControls as string[],
      result: p.result,
      conditionsSatisfied: p.conditionsSatisfied,
      conditionsNotSatisfied: p.conditionsNotSatisfied,
    };
  }
  return out;
}

function stepJson(s: AuthStep, resultDetail: boolean): JsonObject {
  const o: JsonObject = { authenticationStepDateTime: nestedTime(s.time, s.tick), authenticationMethod: s.method };
  if (s.methodDetail !== null) o.authenticationMethodDetail = s.methodDetail;
  o.succeeded = s.succeeded;
  if (resultDetail) o.authenticationStepResultDetail = s.resultDetail;
  o.authenticationStepRequirement = s.requirement;
  if (s.statusSequence !== null) o.StatusSequence = s.statusSequence;
  if (s.requestSequence !== null) o.RequestSequence = s.requestSequence;
  return o;
}

/** `resultDetail` false: AD FS steps carry no `authenticationStepResultDetail`. */
export function authenticationDetailsJson(steps: ReadonlyArray<AuthStep>, resultDetail = true): Json[] {
  const out: Json[] = new Array(steps.length);
  for (let i = 0; i < steps.length; i++) out[i] = stepJson(steps[i]!, resultDetail);
  return out;
}

export function keyValuesJson(kv: ReadonlyArray<{ readonly key: string; readonly value: string }>): Json[] {
  return kv.map((x) => ({ key: x.key, value: x.value }));
}

export function networkLocationDetailsJson(a: SignInActivity): Json[] {
  return a.namedLocations.length === 0 ? [] : [{ networkType: 'trustedNamedLocation', networkNames: a.namedLocations as string[] }];
}

export function requirementPoliciesJson(a: SignInActivity): Json[] {
  return a.authenticationRequirementPolicies.map((x) => ({ requirementProvider: x.requirementProvider, detail: x.detail }));
}

export function audiencesJson(a: SignInActivity): Json[] {
  return a.conditionalAccessAudiences.map((id) => ({ applicationId: id, audienceReasons: 'none' }));
}

/** v1.0 `riskEventType` members: the legacy list keeps only these. */
const RISK_EVENT_ENUM = new Set([
  'unlikelyTravel', 'anonymizedIPAddress', 'maliciousIPAddress', 'unfamiliarFeatures', 'malwareInfectedIPAddress',
  'suspiciousIPAddress', 'leakedCredentials', 'investigationsThreatIntelligence', 'generic', 'adminConfirmedUserCompromised',
  'mcasImpossibleTravel', 'mcasSuspiciousInboxManipulationRules', 'investigationsThreatIntelligenceSigninLinked',
  'maliciousIPAddressValidCredentialsBlockedIP',
]);

export function legacyRiskEventTypes(a: SignInActivity): string[] {
  const types = a.risk.eventTypes;
  return types.length === 0 ? [] : types.filter((t) => RISK_EVENT_ENUM.has(t));
}

/**
 * The risk run every sign-in shape writes in this order: riskDetail, riskLevelAggregated,
 * riskLevelDuringSignIn, riskState, then (`events`) riskEventTypes and riskEventTypes_v2.
 */
export function writeRisk(o: JsonObject, a: SignInActivity, events: boolean): void {
  const r = a.risk;
  o.riskDetail = r.detail;
  o.riskLevelAggregated = r.levelAggregated;
  o.riskLevelDuringSignIn = r.levelDuringSignIn;
  o.riskState = r.state;
  if (events) {
    o.riskEventTypes = legacyRiskEventTypes(a);
    o.riskEventTypes_v2 = r.eventTypes as string[];
  }
}

interface EnvelopeShape {
  readonly callerIpAddress: boolean;
  readonly identity: boolean;
}

/** The envelope of every sign-in record (AD FS included) from `time` through `durationMs`. */
export function envelopeHead(a: SignInActivity, time: string): DiagnosticRecord {
  const tid = a.resourceTenantId;
  const r: DiagnosticRecord = {
    time,
    resourceId: aadiamResourceId(tid),
    operationName: OPERATION_NAME,
    operationVersion: '1.0',
    category: a.category,
    tenantId: tid,
    resultType: String(a.errorCode),
    resultSignature: resultSignatureOf(a),
  };
  if (a.errorCode !== 0 && a.failureReason !== null) r.resultDescription = a.failureReason;
  r.durationMs = 0;
  return r;
}

function envelope(a: SignInActivity, shape: EnvelopeShape, properties: JsonObject): DiagnosticRecord {
  const r = envelopeHead(a, envelopeTime(a.envelopeTime, a.envelopeTick));
  if (shape.callerIpAddress && a.ipAddress !== '') r.callerIpAddress = a.ipAddress;
  r.correlationId = a.correlationId;
  if (shape.identity && a.user !== null) r.identity = a.user.displayName;
  r.Level = 4;
  // Present when the IP geolocates (SP records from unmapped IPv6 ranges have none).
  if (a.location.countryOrRegion !== '') r.location = a.location.countryOrRegion;
  r.properties = properties;
  return r;
}

/** SignInLogs and NonInteractiveUserSignInLogs `properties` (Datadog 2025 key order). */
function userProperties(a: SignInActivity): JsonObject {
  const u = a.user!;
  const p: JsonObject = {
    id: a.id,
    createdDateTime: nestedTime(a.time, a.tick),
    userDisplayName: u.displayName,
    userPrincipalName: u.userPrincipalName,
    userId: u.id,
    appId: a.appId,
    appDisplayName: a.appDisplayName,
    ipAddress: a.ipAddress,
    status: statusJson(a),
    clientAppUsed: a.clientAppUsed,
  };
  if (a.userAgent !== null) p.userAgent = a.userAgent;
  p.deviceDetail = deviceDetailJson(a.device);
  p.location = locationJson(a.location);
  p.correlationId = a.correlationId;
  p.conditionalAccessStatus = a.conditionalAccessStatus;
  p.appliedConditionalAccessPolicies = policiesJson(a.appliedConditionalAccessPolicies);
  p.authenticationContextClassReferences = [];
  p.originalRequestId = a.originalRequestId;
  p.isInteractive = a.isInteractive;
  p.tokenIssuerName = a.tokenIssuerName;
  p.tokenIssuerType = a.tokenIssuerType;
  p.authenticationProcessingDetails = keyValuesJson(a.authenticationProcessingDetails);
  p.networkLocationDetails = networkLocationDetailsJson(a);
  p.clientCredentialType = a.clientCredentialType;
  p.processingTimeInMilliseconds = a.processingTimeInMilliseconds;
  writeRisk(p, a, true);
  p.resourceDisplayName = a.resourceDisplayName;
  p.resourceId = a.resourceId;
  p.resourceTenantId = a.resourceTenantId;
  p.homeTenantId = u.homeTenantId;
  p.tenantId = a.resourceTenantId;
  p.authenticationDetails = authenticationDetailsJson(a.authenticationDetails);
  p.authenticationRequirementPolicies = requirementPoliciesJson(a);
  p.sessionLifetimePolicies = [];
  p.authenticationRequirement = a.authenticationRequirement;
  if (u.signInIdentifier !== null) {
    p.alternateSignInName = u.signInIdentifier;
    p.signInIdentifier = u.signInIdentifier;
  }
  // Newer records (Dec 2025 AD FS, 2026 service principals) carry signInEventTypes here.
  p.signInEventTypes = [a.eventType];
  p.servicePrincipalId = '';
  p.userType = u.userType;
  p.flaggedForReview = false;
  p.isTenantRestricted = false;
  if (a.autonomousSystemNumber !== null) p.autonomousSystemNumber = a.autonomousSystemNumber;
  p.crossTenantAccessType = a.crossTenantAccessType;
  p.privateLinkDetails = {};
  p.ssoExtensionVersion = '';
  p.uniqueTokenIdentifier = a.uniqueTokenIdentifier;
  p.authenticationStrengths = [];
  p.incomingTokenType = a.incomingTokenType;
  p.authenticationProtocol = a.authenticationProtocol;
  p.appServicePrincipalId = null;
  p.resourceServicePrincipalId = a.resourceServicePrincipalId;
  p.rngcStatus = 0;
  p.signInTokenProtectionStatus = 'none';
  if (a.tokenProtection) p.tokenProtectionStatusDetails = { signInSessionStatus: a.tokenProtection.status, signInSessionStatusCode: a.tokenProtection.code };
  p.originalTransferMethod = 'none';
  p.isThroughGlobalSecureAccess = false;
  p.conditionalAccessAudiences = audiencesJson(a);
  p.sessionId = a.sessionId;
  p.appOwnerTenantId = a.appOwnerTenantId;
  p.resourceOwnerTenantId = a.resourceOwnerTenantId;
  return p;
}

/** The leading keys of SP and MI `properties` (MI records write no IP address). */
function workloadHead(a: SignInActivity, ipAddress: string): JsonObject {
  return {
    id: a.id,
    createdDateTime: nestedTime(a.time, a.tick),
    userId: null,
    appId: a.appId,
    ipAddress,
    status: statusJson(a),
    location: locationJson(a.location),
    correlationId: a.correlationId,
  };
}

/** The run SP and MI `properties` share, from `isInteractive` through `servicePrincipalId`. */
function writeWorkloadCore(p: JsonObject, a: SignInActivity): void {
  p.isInteractive = false;
  p.tokenIssuerType = a.tokenIssuerType;
  p.authenticationProcessingDetails = keyValuesJson(a.authenticationProcessingDetails);
  p.clientCredentialType = a.clientCredentialType;
  p.processingTimeInMilliseconds = a.processingTimeInMilliseconds;
  writeRisk(p, a, false);
  p.resourceDisplayName = a.resourceDisplayName;
  p.resourceId = a.resourceId;
  p.servicePrincipalName = a.servicePrincipalName;
  p.signInEventTypes = [a.eventType];
  p.servicePrincipalId = a.servicePrincipalId;
}

/** The run SP and MI `properties` share, from `uniqueTokenIdentifier` through `isThroughGlobalSecureAccess`. */
function writeWorkloadTail(p: JsonObject, a: SignInActivity): void {
  p.uniqueTokenIdentifier = a.uniqueTokenIdentifier;
  p.incomingTokenType = a.incomingTokenType;
  p.authenticationProtocol = a.authenticationProtocol;
  p.appServicePrincipalId = null;
  p.resourceServicePrincipalId = a.resourceServicePrincipalId;
  p.signInTokenProtectionStatus = 'none';
  p.originalTransferMethod = 'none';
  p.isThroughGlobalSecureAccess = false;
}

/** ServicePrincipalSignInLogs `properties`: 2025 key set; credential key id where the app has one (2022 sample). */
function servicePrincipalProperties(a: SignInActivity): JsonObject {
  const p = workloadHead(a, a.ipAddress);
  writeWorkloadCore(p, a);
  p.flaggedForReview = false;
  p.isTenantRestricted = false;
  p.crossTenantAccessType = a.crossTenantAccessType;
  if (a.servicePrincipalCredentialKeyId !== null) p.servicePrincipalCredentialKeyId = a.servicePrincipalCredentialKeyId;
  if (a.servicePrincipalCredentialThumbprint !== null) p.servicePrincipalCredentialThumbprint = a.servicePrincipalCredentialThumbprint;
  writeWorkloadTail(p, a);
  return p;
}

/**
 * ManagedIdentitySignInLogs `properties`: the 36 keys of real 2025 records (plus
 * signInEventTypes). Real records have no `managedServiceIdentity` here; Graph and the LA
 * table carry it.
 */
function managedIdentityProperties(a: SignInActivity): JsonObject {
  const p = workloadHead(a, '');
  p.conditionalAccessStatus = a.conditionalAccessStatus;
  p.appliedConditionalAccessPolicies = policiesJson(a.appliedConditionalAccessPolicies);
  writeWorkloadCore(p, a);
  p.federatedCredentialId = a.federatedCredentialId ?? '';
  p.flaggedForReview = false;
  p.isTenantRestricted = false;
  p.crossTenantAccessType = a.crossTenantAccessType;
  writeWorkloadTail(p, a);
  p.conditionalAccessAudiences = audiencesJson(a);
  return p;
}

/** The diagnostic record of any Entra-issued sign-in (not AD FS, which has its own renderer). */
export function signInToDiagnostic(a: SignInActivity, _ctx: RenderContext): DiagnosticRecord {
  switch (a.category) {
    case 'SignInLogs':
    case 'NonInteractiveUserSignInLogs':
      return envelope(a, { callerIpAddress: true, identity: true }, userProperties(a));
    case 'ServicePrincipalSignInLogs':
      return envelope(a, { callerIpAddress: true, identity: false }, servicePrincipalProperties(a));
    case 'ManagedIdentitySignInLogs':
      return envelope(a, { callerIpAddress: false, identity: false }, managedIdentityProperties(a));
    case 'ADFSSignInLogs':
      throw new Error('AD FS sign-ins render through the adfs-sign-ins module');
  }
}
