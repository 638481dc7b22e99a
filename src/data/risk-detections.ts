/**
 * Identity Protection value tables: the risk detections Entra raises for users and for
 * workload identities (service principals), with the `riskEventType` strings Entra writes,
 * how each is computed (timing), who computes it (`source`), how severe it usually is,
 * and which keys its `additionalInfo` carries.
 *
 * Facts: entra-docs `id-protection/reference-risk-event-types.md` (2025-05: names,
 * riskEventType, real-time/offline, premium/nonpremium) and
 * `id-protection/concept-workload-identity-risk.md` (2025-08: workload detections);
 * Graph CSDL `riskEventType` enum (the deprecated `riskType` / `eventTypes`);
 * real records (Datadog fixtures 2025-04, Sekoia 2022-03, graph2otel 2026-07) for
 * `source`, `riskType: "generic"` on newer types, `additionalInfo` keys and MITRE ids.
 * Frequencies (`weight`) and level mixes are the simulator's own choices.
 */

export type RiskLevelValue = 'low' | 'medium' | 'high';
export type DetectionTiming = 'realtime' | 'nearRealtime' | 'offline';

/** Where the IP of a sign-in-linked detection comes from (drives geolocation). */
export type RiskNetworkClass =
  /** The user's own home/office/mobile networks. */
  | 'familiar'
  /** Somewhere the user has not been: another ISP, a VPN, a cloud host. */
  | 'unfamiliar'
  /** Another country than the user's (travel detections). */
  | 'foreign'
  /** Tor exits and commercial VPNs. */
  | 'anonymous'
  /** Hosting ranges and consumer ISPs in countries attack traffic comes from. */
  | 'malicious';

export interface UserRiskDetectionRow {
  /** As Entra writes `riskEventType` (a plain string, not the deprecated enum). */
  readonly riskEventType: string;
  /** The portal / docs title. */
  readonly displayName: string;
  /** `signin` for sign-in risk, `user` for user risk (docs' two tables). */
  readonly activity: 'signin' | 'user';
  /** Real-time, offline or either, per the docs table. */
  readonly timing: ReadonlyArray<readonly [DetectionTiming, number]>;
  /** Premium detections read `generic` for tenants without P2 (docs footnote ^). */
  readonly premium: boolean;
  /** `properties.source`: Defender for Cloud Apps detections are not Entra's own. */
  readonly source: string;
  readonly levels: ReadonlyArray<readonly [RiskLevelValue, number]>;
  /** True when the detection points at one sign-in (requestId, IP, location, user agent). */
  readonly signInLinked: boolean;
  readonly network: RiskNetworkClass;
  /** MITRE ATT&CK techniques in `additionalInfo.mitreTechniques`; the first is `mitreTechniqueId`. */
  readonly mitre: string;
  /** `additionalInfo.riskReasons`, where Entra writes them. */
  readonly riskReasons?: ReadonlyArray<string>;
  /** Defender for Cloud Apps detections link to their alert (`alertUrl`). */
  readonly alertUrl?: boolean;
  /** `tokenIssuerType`: AD FS for SAML issuer anomalies, Entra otherwise. */
  readonly tokenIssuerType?: 'AzureAD' | 'ADFederationServices';
  /** Relative frequency in the baseline mix (0 = only when a scenario asks for it). */
  readonly weight: number;
}

const ID_PROTECTION = 'IdentityProtection';
const MDCA = 'MicrosoftCloudAppSecurity';

const REALTIME = [['realtime', 1]] as const;
const OFFLINE = [['offline', 1]] as const;
const EITHER = [
  ['realtime', 1],
  ['offline', 1],
] as const;

/** Every user risk detection of reference-risk-event-types.md (sign-in and user risk). */
export const USER_RISK_DETECTIONS: ReadonlyArray<UserRiskDetectionRow> = [
  // --- sign-in risk ---
  { riskEventType: 'unfamiliarFeatures', displayName: 'Unfamiliar sign-in properties', activity: 'signin', timing: REALTIME, premium: true, source: ID_PROTECTION, levels: [['low', 45], ['medium', 45], ['high', 10]], signInLinked: true, network: 'unfamiliar', mitre: 'T1078', weight: 30 },
  { riskEventType: 'anonymizedIPAddress', displayName: 'Anonymous IP address', activity: 'signin', timing: REALTIME, premium: false, source: ID_PROTECTION, levels: [['low', 30], ['medium', 60], ['high', 10]], signInLinked: true, network: 'anonymous', mitre: 'T1078,T1090.003', weight: 12 },
  { riskEventType: 'unlikelyTravel', displayName: 'Atypical travel', activity: 'signin', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['low', 30], ['medium', 60], ['high', 10]], signInLinked: true, network: 'foreign', mitre: 'T1078', weight: 14 },
  { riskEventType: 'anomalousToken', displayName: 'Anomalous Token', activity: 'signin', timing: EITHER, premium: true, source: ID_PROTECTION, levels: [['low', 10], ['medium', 60], ['high', 30]], signInLinked: true, network: 'unfamiliar', mitre: 'T1078,T1539', riskReasons: ['NotSet'], alertUrl: true, weight: 6 },
  { riskEventType: 'maliciousIPAddress', displayName: 'Malicious IP address', activity: 'signin', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['medium', 40], ['high', 60]], signInLinked: true, network: 'malicious', mitre: 'T1078', weight: 4 },
  { riskEventType: 'passwordSpray', displayName: 'Password spray', activity: 'signin', timing: EITHER, premium: true, source: ID_PROTECTION, levels: [['medium', 30], ['high', 70]], signInLinked: true, network: 'malicious', mitre: 'T1078,T1110.003', weight: 3 },
  { riskEventType: 'investigationsThreatIntelligence', displayName: 'Microsoft Entra threat intelligence', activity: 'signin', timing: EITHER, premium: false, source: ID_PROTECTION, levels: [['medium', 20], ['high', 80]], signInLinked: true, network: 'malicious', mitre: 'T1078', riskReasons: ['suspiciousIP'], weight: 1.5 },
  { riskEventType: 'nationStateIP', displayName: 'Verified threat actor IP', activity: 'signin', timing: REALTIME, premium: true, source: ID_PROTECTION, levels: [['high', 1]], signInLinked: true, network: 'malicious', mitre: 'T1078', weight: 0.2 },
  { riskEventType: 'suspiciousBrowser', displayName: 'Suspicious browser', activity: 'signin', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['medium', 70], ['high', 30]], signInLinked: true, network: 'unfamiliar', mitre: 'T1078', weight: 1 },
  { riskEventType: 'tokenIssuerAnomaly', displayName: 'Token issuer anomaly', activity: 'signin', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['high', 1]], signInLinked: true, network: 'unfamiliar', mitre: 'T1606.002', tokenIssuerType: 'ADFederationServices', weight: 0.2 },
  { riskEventType: 'mcasImpossibleTravel', displayName: 'Impossible travel', activity: 'signin', timing: OFFLINE, premium: true, source: MDCA, levels: [['low', 20], ['medium', 70], ['high', 10]], signInLinked: true, network: 'foreign', mitre: 'T1078', alertUrl: true, weight: 5 },
  { riskEventType: 'newCountry', displayName: 'New country', activity: 'signin', timing: OFFLINE, premium: true, source: MDCA, levels: [['low', 40], ['medium', 60]], signInLinked: true, network: 'foreign', mitre: 'T1078', alertUrl: true, weight: 4 },
  { riskEventType: 'riskyIPAddress', displayName: 'Activity from anonymous IP address', activity: 'signin', timing: OFFLINE, premium: true, source: MDCA, levels: [['low', 30], ['medium', 70]], signInLinked: true, network: 'anonymous', mitre: 'T1078,T1090.003', alertUrl: true, weight: 2 },
  { riskEventType: 'mcasSuspiciousInboxManipulationRules', displayName: 'Suspicious inbox manipulation rules', activity: 'signin', timing: OFFLINE, premium: true, source: MDCA, levels: [['medium', 60], ['high', 40]], signInLinked: true, network: 'unfamiliar', mitre: 'T1564.008', alertUrl: true, weight: 0.8 },
  { riskEventType: 'suspiciousInboxForwarding', displayName: 'Suspicious inbox forwarding', activity: 'signin', timing: OFFLINE, premium: true, source: MDCA, levels: [['medium', 60], ['high', 40]], signInLinked: true, network: 'unfamiliar', mitre: 'T1114.003', alertUrl: true, weight: 0.8 },
  { riskEventType: 'mcasFinSuspiciousFileAccess', displayName: 'Mass Access to Sensitive Files', activity: 'signin', timing: OFFLINE, premium: true, source: MDCA, levels: [['medium', 70], ['high', 30]], signInLinked: true, network: 'familiar', mitre: 'T1530', alertUrl: true, weight: 0.5 },
  // --- user risk ---
  { riskEventType: 'leakedCredentials', displayName: 'Leaked credentials', activity: 'user', timing: OFFLINE, premium: false, source: ID_PROTECTION, levels: [['medium', 20], ['high', 80]], signInLinked: false, network: 'familiar', mitre: 'T1078,T1589.001', weight: 4 },
  { riskEventType: 'anomalousToken', displayName: 'Anomalous Token', activity: 'user', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['low', 10], ['medium', 60], ['high', 30]], signInLinked: true, network: 'unfamiliar', mitre: 'T1078,T1539', riskReasons: ['NotSet'], alertUrl: true, weight: 3 },
  { riskEventType: 'investigationsThreatIntelligence', displayName: 'Microsoft Entra threat intelligence', activity: 'user', timing: OFFLINE, premium: false, source: ID_PROTECTION, levels: [['medium', 10], ['high', 90]], signInLinked: false, network: 'malicious', mitre: 'T1078', riskReasons: ['passwordSpray'], weight: 0.7 },
  { riskEventType: 'anomalousUserActivity', displayName: 'Anomalous user activity', activity: 'user', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['medium', 50], ['high', 50]], signInLinked: false, network: 'familiar', mitre: 'T1098', weight: 0.5 },
  { riskEventType: 'attackerinTheMiddle', displayName: 'Attacker in the Middle', activity: 'user', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['high', 1]], signInLinked: true, network: 'malicious', mitre: 'T1078,T1557,T1539', weight: 0.4 },
  { riskEventType: 'attemptedPrtAccess', displayName: 'Possible attempt to access Primary Refresh Token (PRT)', activity: 'user', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['high', 1]], signInLinked: false, network: 'familiar', mitre: 'T1528', weight: 0.2 },
  { riskEventType: 'suspiciousAPITraffic', displayName: 'Suspicious API Traffic', activity: 'user', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['medium', 60], ['high', 40]], signInLinked: false, network: 'familiar', mitre: 'T1087,T1119', weight: 0.4 },
  { riskEventType: 'suspiciousSendingPatterns', displayName: 'Suspicious sending patterns', activity: 'user', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['medium', 60], ['high', 40]], signInLinked: false, network: 'familiar', mitre: 'T1534', weight: 0.3 },
  { riskEventType: 'userReportedSuspiciousActivity', displayName: 'User reported suspicious activity', activity: 'user', timing: OFFLINE, premium: true, source: ID_PROTECTION, levels: [['high', 1]], signInLinked: false, network: 'familiar', mitre: 'T1621', weight: 0.6 },
  // Raised by the state machine when an admin confirms a user compromised; never in the baseline mix.
  { riskEventType: 'adminConfirmedUserCompromised', displayName: 'Admin confirmed user compromised', activity: 'user', timing: OFFLINE, premium: false, source: ID_PROTECTION, levels: [['high', 1]], signInLinked: false, network: 'familiar', mitre: 'T1078', weight: 0 },
];

const USER_ROW_BY_KEY = new Map<string, UserRiskDetectionRow>();
for (const row of USER_RISK_DETECTIONS) {
  const key = `${row.riskEventType}/${row.activity}`;
  if (!USER_ROW_BY_KEY.has(key)) USER_ROW_BY_KEY.set(key, row);
  if (!USER_ROW_BY_KEY.has(row.riskEventType)) USER_ROW_BY_KEY.set(row.riskEventType, row);
}

/** The row of a riskEventType (and activity, where a type exists for both). */
export function userRiskDetection(riskEventType: string, activity?: 'signin' | 'user'): UserRiskDetectionRow | undefined {
  return (activity && USER_ROW_BY_KEY.get(`${riskEventType}/${activity}`)) || USER_ROW_BY_KEY.get(riskEventType);
}

/** Baseline mix of user risk detections, by weight. */
export const USER_RISK_MIX: ReadonlyArray<readonly [UserRiskDetectionRow, number]> = USER_RISK_DETECTIONS.filter(
  (r) => r.weight > 0,
).map((r) => [r, r.weight] as const);

/**
 * The deprecated CSDL `riskEventType` enum (beta `riskDetection.riskType`,
 * `riskUserActivity.eventTypes`). Newer detection types are written as `generic`
 * there (real record: `"riskType":"generic","riskEventType":"anomalousToken"`).
 */
export const DEPRECATED_RISK_EVENT_TYPES: ReadonlyArray<string> = [
  'unlikelyTravel',
  'anonymizedIPAddress',
  'maliciousIPAddress',
  'unfamiliarFeatures',
  'malwareInfectedIPAddress',
  'suspiciousIPAddress',
  'leakedCredentials',
  'investigationsThreatIntelligence',
  'generic',
  'adminConfirmedUserCompromised',
  'mcasImpossibleTravel',
  'mcasSuspiciousInboxManipulationRules',
  'investigationsThreatIntelligenceSigninLinked',
  'maliciousIPAddressValidCredentialsBlockedIP',
  'unknownFutureValue',
];
const DEPRECATED_SET = new Set(DEPRECATED_RISK_EVENT_TYPES);

/** `riskType` of a riskEventType: itself when the old enum has it, else `generic`. */
export function legacyRiskType(riskEventType: string): string {
  return DEPRECATED_SET.has(riskEventType) ? riskEventType : 'generic';
}

export interface ServicePrincipalRiskDetectionRow {
  readonly riskEventType: string;
  readonly displayName: string;
  readonly levels: ReadonlyArray<readonly [RiskLevelValue, number]>;
  /** Suspicious sign-ins carry the sign-in's IP; the other workload detections carry none. */
  readonly withIp: boolean;
  /** The credential involved is named in `keyIds`. */
  readonly withKeyId: boolean;
  readonly mitre: string;
  readonly weight: number;
}

/** Workload identity detections (concept-workload-identity-risk.md): all computed offline. */
export const SERVICE_PRINCIPAL_RISK_DETECTIONS: ReadonlyArray<ServicePrincipalRiskDetectionRow> = [
  { riskEventType: 'suspiciousSignins', displayName: 'Suspicious Sign-ins', levels: [['low', 20], ['medium', 60], ['high', 20]], withIp: true, withKeyId: true, mitre: 'T1078.004', weight: 40 },
  { riskEventType: 'investigationsThreatIntelligence', displayName: 'Microsoft Entra threat intelligence', levels: [['medium', 20], ['high', 80]], withIp: false, withKeyId: true, mitre: 'T1078.004', weight: 15 },
  { riskEventType: 'leakedCredentials', displayName: 'Leaked Credentials', levels: [['high', 1]], withIp: false, withKeyId: true, mitre: 'T1552.001', weight: 15 },
  { riskEventType: 'anomalousServicePrincipalActivity', displayName: 'Anomalous service principal activity', levels: [['medium', 50], ['high', 50]], withIp: false, withKeyId: false, mitre: 'T1098.001', weight: 15 },
  { riskEventType: 'suspiciousAPITraffic', displayName: 'Suspicious API Traffic', levels: [['medium', 60], ['high', 40]], withIp: false, withKeyId: false, mitre: 'T1087.004', weight: 10 },
  { riskEventType: 'suspiciousApplication', displayName: 'Suspicious application', levels: [['medium', 60], ['high', 40]], withIp: false, withKeyId: false, mitre: 'T1550.001', weight: 3 },
  { riskEventType: 'maliciousApplication', displayName: 'Malicious application', levels: [['high', 1]], withIp: false, withKeyId: false, mitre: 'T1550.001', weight: 2 },
  // Raised by the state machine when an admin confirms the service principal compromised.
  { riskEventType: 'adminConfirmedServicePrincipalCompromised', displayName: 'Admin confirmed service principal compromised', levels: [['high', 1]], withIp: false, withKeyId: false, mitre: 'T1078.004', weight: 0 },
];

export const SERVICE_PRINCIPAL_RISK_MIX: ReadonlyArray<readonly [ServicePrincipalRiskDetectionRow, number]> =
  SERVICE_PRINCIPAL_RISK_DETECTIONS.filter((r) => r.weight > 0).map((r) => [r, r.weight] as const);

const SP_ROW_BY_TYPE = new Map(SERVICE_PRINCIPAL_RISK_DETECTIONS.map((r) => [r.riskEventType, r]));
export function servicePrincipalRiskDetection(riskEventType: string): ServicePrincipalRiskDetectionRow | undefined {
  return SP_ROW_BY_TYPE.get(riskEventType);
}

/**
 * Envelope `location` of the risk categories: the tenant's region, written short
 * (`wus`, `neu`) or as a lower-case country for in-country datacentres (`de`, `fr`).
 * Observed: `wus` (US tenant, 2025), `fr` (French tenant, 2022), `neu`, `de` (notes
 * §A.2). Which value a tenant gets is not documented; this maps the tenant's main
 * country to the observed forms (Asia-Pacific → `sea` is a guess).
 */
export const RISK_REGION_BY_COUNTRY: Readonly<Record<string, string>> = {
  US: 'wus',
  CA: 'wus',
  MX: 'wus',
  BR: 'wus',
  DE: 'de',
  FR: 'fr',
  GB: 'neu',
  IE: 'neu',
  NL: 'neu',
  ES: 'neu',
  IT: 'neu',
  SE: 'neu',
  PL: 'neu',
  IN: 'sea',
  SG: 'sea',
  JP: 'sea',
  AU: 'sea',
};
export const DEFAULT_RISK_REGION = 'wus';

/** Countries whose consumer ISPs stand in for attack infrastructure (public threat reports). */
export const ATTACK_COUNTRIES: ReadonlyArray<string> = ['RU', 'NG', 'RO', 'VN', 'BG'];
