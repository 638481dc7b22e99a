/**
 * The naive baseline: Entra sign-in diagnostic records written the way a user would write
 * them with faker — one faker call per field, `JSON.stringify` per record. It produces the
 * same kind of record entrasim's SignInLogs does (the diagnostic envelope of
 * notes/diagnostic-format.md §A.2–A.3 and a `properties` object with the keys of a real
 * interactive sign-in, §A.4 and graph/example-beta-signIns-list.json), about 4 KB each, so
 * that "entrasim ÷ naive" compares like with like. It is deliberately not optimised: that is the point.
 *
 * Size: the envelope plus 67 keys already weigh ~3.6 KB; with one authentication step and
 * 0–1 Conditional Access policies the average is ~4.0 KB (a little above the ~3.8 KB the issue
 * quotes, which slightly favours entrasim in records/s — the report gives MB/s ratios too).
 */
import { faker } from '@faker-js/faker';
import type { JsonObject } from '../src/core/activity.ts';

export { NAIVE_SIGNIN_PROPERTY_KEYS } from './naive-signin-keys.ts';

/** Envelope keys of a SignInLogs record, in Entra's order (resultDescription only on failures). */
export const NAIVE_SIGNIN_ENVELOPE_KEYS = [
  'time',
  'resourceId',
  'operationName',
  'operationVersion',
  'category',
  'tenantId',
  'resultType',
  'resultSignature',
  'resultDescription',
  'durationMs',
  'callerIpAddress',
  'correlationId',
  'identity',
  'Level',
  'location',
  'properties',
] as const;

// A user would hard-code a few realistic values and let faker pick among them.
const TENANT_ID = '4f7a7bc2-28e2-46a3-b90e-5ade5bc90138';
const APPS = ['Azure Portal', 'Office 365 Exchange Online', 'Microsoft Teams', 'Office 365 SharePoint Online', 'Microsoft Office', 'Azure CLI'];
const RESOURCES = ['Windows Azure Service Management API', 'Office 365 Exchange Online', 'Microsoft Graph', 'Office 365 SharePoint Online'];
const CLIENT_APPS = ['Browser', 'Mobile Apps and Desktop clients', 'Exchange ActiveSync', 'Other clients'];
const OSES = ['Windows 10', 'Windows 11', 'MacOs', 'iOS 17.5', 'Android 14', 'Linux'];
const BROWSERS = ['Edge 124.0.0', 'Chrome 125.0.0', 'Safari 17.5', 'Firefox 126.0', 'Mobile Safari'];
const TRUST_TYPES = ['', 'Azure AD joined', 'Hybrid Azure AD joined', 'Azure AD registered'];
const FAILURES: ReadonlyArray<readonly [number, string]> = [
  [50126, 'Error validating credentials due to invalid username or password.'],
  [50074, 'Strong Authentication is required.'],
  [50140, 'This error occurred due to "Keep me signed in" interrupt when the user was signing in.'],
  [53003, 'Access has been blocked by Conditional Access policies.'],
];
const RISK_LEVELS = ['none', 'low', 'medium', 'high'];
const POLICY_RESULTS = ['success', 'failure', 'notApplied', 'notEnabled', 'reportOnlySuccess', 'reportOnlyNotApplied'];
const GRANT_CONTROLS = ['Mfa', 'RequireCompliantDevice', 'RequireDomainJoinedDevice', 'Block'];
const AUTH_METHODS = ['Password', 'Mobile app notification', 'Text message', 'Previously satisfied', 'FIDO2 security key'];
const PROTOCOLS = ['none', 'oAuth2', 'ropc', 'deviceCode', 'saml20'];
const TOKEN_TYPES = ['none', 'primaryRefreshToken', 'refreshToken', 'saml11'];

/** Microsoft's nested datetime style: `+00:00`, trailing zeros trimmed (§A.4). */
function nestedTime(d: Date): string {
  return d.toISOString().replace(/\.?0*Z$/, '+00:00');
}

/** One sign-in diagnostic record as an object. */
export function naiveSignIn(): JsonObject {
  const created = faker.date.recent({ days: 1 });
  const failure = faker.datatype.boolean({ probability: 0.1 }) ? faker.helpers.arrayElement(FAILURES) : undefined;
  const errorCode = failure ? failure[0] : 0;
  const displayName = faker.person.fullName();
  const upn = faker.internet.email({ provider: 'contoso.com' }).toLowerCase();
  const ip = faker.internet.ipv4();
  const correlationId = faker.string.uuid();
  const country = faker.location.countryCode();
  const appDisplayName = faker.helpers.arrayElement(APPS);
  const authMethod = faker.helpers.arrayElement(AUTH_METHODS);
  const appliedConditionalAccessPolicies = Array.from({ length: faker.number.int({ min: 0, max: 1 }) }, () => ({
    id: faker.string.uuid(),
    displayName: `CA${faker.number.int({ min: 1, max: 99 })}: ${faker.company.buzzPhrase()}`,
    enforcedGrantControls: faker.helpers.arrayElements(GRANT_CONTROLS, { min: 0, max: 2 }),
    enforcedSessionControls: [],
    result: faker.helpers.arrayElement(POLICY_RESULTS),
    conditionsSatisfied: faker.number.int({ min: 0, max: 255 }),
    conditionsNotSatisfied: faker.number.int({ min: 0, max: 255 }),
  }));
  const authenticationDetails = Array.from({ length: faker.datatype.boolean({ probability: 0.1 }) ? 2 : 1 }, (_, i) => ({
    authenticationStepDateTime: nestedTime(created),
    authenticationMethod: i === 0 ? 'Password' : authMethod,
    authenticationMethodDetail: i === 0 ? 'Password in the cloud' : `+X XXXXXXX${faker.string.numeric(2)}`,
    succeeded: !failure,
    authenticationStepResultDetail: failure ? failure[1] : faker.helpers.arrayElement(['Correct password', 'MFA successfully completed', 'MFA requirement satisfied by claim in the token']),
    authenticationStepRequirement: i === 0 ? 'Primary authentication' : 'Multifactor authentication',
    StatusSequence: faker.number.int({ min: 0, max: 1 }),
    RequestSequence: faker.number.int({ min: 0, max: 1 }),
  }));
  return {
    time: created.toISOString().replace('Z', '0000Z'),
    resourceId: `/tenants/${TENANT_ID}/providers/Microsoft.aadiam`,
    operationName: 'Sign-in activity',
    operationVersion: '1.0',
    category: 'SignInLogs',
    tenantId: TENANT_ID,
    resultType: String(errorCode),
    resultSignature: failure ? 'FAILURE' : 'SUCCESS',
    ...(failure ? { resultDescription: failure[1] } : {}),
    durationMs: 0,
    callerIpAddress: ip,
    correlationId,
    identity: displayName,
    Level: 4,
    location: country,
    properties: {
      id: faker.string.uuid(),
      createdDateTime: nestedTime(created),
      userDisplayName: displayName,
      userPrincipalName: upn,
      userId: faker.string.uuid(),
      appId: faker.string.uuid(),
      appDisplayName,
      ipAddress: ip,
      status: { errorCode, failureReason: failure ? failure[1] : 'Other.', additionalDetails: failure ? faker.lorem.sentence() : null },
      clientAppUsed: faker.helpers.arrayElement(CLIENT_APPS),
      userAgent: faker.internet.userAgent(),
      deviceDetail: {
        deviceId: faker.datatype.boolean() ? faker.string.uuid() : '',
        displayName: faker.datatype.boolean() ? `${faker.word.noun().toUpperCase()}-${faker.string.alphanumeric(6).toUpperCase()}` : '',
        operatingSystem: faker.helpers.arrayElement(OSES),
        browser: faker.helpers.arrayElement(BROWSERS),
        isCompliant: faker.datatype.boolean(),
        isManaged: faker.datatype.boolean(),
        trustType: faker.helpers.arrayElement(TRUST_TYPES),
      },
      location: {
        city: faker.location.city(),
        state: faker.location.state(),
        countryOrRegion: country,
        geoCoordinates: { latitude: faker.location.latitude(), longitude: faker.location.longitude() },
      },
      correlationId,
      conditionalAccessStatus: faker.helpers.arrayElement(['success', 'failure', 'notApplied']),
      originalRequestId: faker.string.uuid(),
      isInteractive: true,
      tokenIssuerName: '',
      tokenIssuerType: 'AzureAD',
      authenticationProcessingDetails: [
        { key: 'Legacy TLS (TLS 1.0, 1.1, 3DES)', value: 'False' },
        { key: 'Is CAE Token', value: String(faker.datatype.boolean()) },
      ],
      networkLocationDetails: faker.datatype.boolean() ? [{ networkType: 'namedNetwork', networkNames: [faker.location.country()] }] : [],
      clientCredentialType: 'none',
      processingTimeInMilliseconds: faker.number.int({ min: 20, max: 2000 }),
      riskDetail: 'none',
      riskLevelAggregated: faker.helpers.arrayElement(RISK_LEVELS),
      riskLevelDuringSignIn: faker.helpers.arrayElement(RISK_LEVELS),
      riskState: 'none',
      riskEventTypes: [],
      riskEventTypes_v2: [],
      resourceDisplayName: faker.helpers.arrayElement(RESOURCES),
      resourceId: faker.string.uuid(),
      resourceTenantId: TENANT_ID,
      homeTenantId: TENANT_ID,
      homeTenantName: '',
      authenticationMethodsUsed: [],
      authenticationRequirement: faker.helpers.arrayElement(['singleFactorAuthentication', 'multiFactorAuthentication']),
      signInIdentifier: upn,
      signInIdentifierType: null,
      servicePrincipalId: '',
      userType: faker.helpers.arrayElement(['Member', 'Guest']),
      flaggedForReview: false,
      isTenantRestricted: false,
      autonomousSystemNumber: faker.number.int({ min: 1000, max: 65000 }),
      crossTenantAccessType: 'none',
      privateLinkDetails: {},
      ssoExtensionVersion: '',
      uniqueTokenIdentifier: faker.string.alphanumeric(22),
      authenticationStrengths: [],
      incomingTokenType: faker.helpers.arrayElement(TOKEN_TYPES),
      authenticationProtocol: faker.helpers.arrayElement(PROTOCOLS),
      appServicePrincipalId: faker.string.uuid(),
      resourceServicePrincipalId: faker.string.uuid(),
      rngcStatus: 0,
      signInTokenProtectionStatus: 'none',
      tokenProtectionStatusDetails: { signInSessionStatus: 'unbound', signInSessionStatusCode: 1002 },
      originalTransferMethod: 'none',
      isThroughGlobalSecureAccess: false,
      conditionalAccessAudiences: [{ applicationId: faker.string.uuid(), audienceReasons: 'none' }],
      sessionId: faker.string.uuid(),
      appOwnerTenantId: faker.string.uuid(),
      resourceOwnerTenantId: faker.string.uuid(),
      authenticationContextClassReferences: [],
      azureResourceId: '',
      appliedConditionalAccessPolicies,
      authenticationDetails,
      authenticationRequirementPolicies: [],
      sessionLifetimePolicies: [],
    },
  };
}

/** One record as its JSON line (no newline): the per-record `JSON.stringify` a user writes. */
export function naiveSignInLine(): string {
  return JSON.stringify(naiveSignIn());
}

/** Seeds faker and pins its clock so a run's records (and so their sizes) are repeatable. */
export function seedNaive(seed: number, refDate: string | number = '2025-06-03T00:00:00Z'): void {
  faker.seed(seed);
  faker.setDefaultRefDate(refDate);
}
