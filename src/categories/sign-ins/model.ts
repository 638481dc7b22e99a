/**
 * The canonical sign-in: one resolved record of what happened, from which the diagnostic
 * record, the Graph signIn and the Log Analytics row are all drawn. Values are stored
 * already resolved (names, ids, location) so renderers never look anything up.
 */
import type { ActivityBase } from '../../core/activity.ts';

export type SignInCategory =
  | 'SignInLogs'
  | 'NonInteractiveUserSignInLogs'
  | 'ServicePrincipalSignInLogs'
  | 'ManagedIdentitySignInLogs'
  | 'ADFSSignInLogs';

/** Graph beta `signInEventTypes` members. */
export type SignInEventType = 'interactiveUser' | 'nonInteractiveUser' | 'servicePrincipal' | 'managedIdentity';

/** Graph `riskLevel`. */
export type RiskLevel = 'none' | 'low' | 'medium' | 'high' | 'hidden';
/** Graph `riskState`. */
export type RiskState = 'none' | 'confirmedSafe' | 'remediated' | 'dismissed' | 'atRisk' | 'confirmedCompromised';

/** Graph `appliedConditionalAccessPolicyResult`. */
export type PolicyResult =
  | 'success'
  | 'failure'
  | 'notApplied'
  | 'notEnabled'
  | 'unknown'
  | 'reportOnlySuccess'
  | 'reportOnlyFailure'
  | 'reportOnlyNotApplied'
  | 'reportOnlyInterrupted';

export type ConditionalAccessStatus = 'success' | 'failure' | 'notApplied';

export interface SignInUser {
  readonly id: string;
  readonly displayName: string;
  /** Lower case; the home UPN for guests (graph-api.md §3). */
  readonly userPrincipalName: string;
  /** As the diagnostic record writes it; Graph lower-cases it (`signInUserType`). */
  readonly userType: 'Member' | 'Guest';
  readonly homeTenantId: string;
  readonly homeTenantName: string;
  /** What the user typed when it differs from the UPN (guests, AD FS); else null. */
  readonly signInIdentifier: string | null;
}

/** `location` of a sign-in: empty strings and 0,0 when the IP does not geolocate (MI, private IPs). */
export interface SignInGeo {
  readonly city: string;
  readonly state: string;
  readonly countryOrRegion: string;
  readonly latitude: number;
  readonly longitude: number;
}

export interface DeviceSnapshot {
  readonly deviceId: string;
  readonly displayName: string;
  readonly operatingSystem: string;
  readonly browser: string;
  readonly isCompliant: boolean;
  readonly isManaged: boolean;
  readonly trustType: string;
}

export interface AuthStep {
  readonly time: number;
  readonly tick: number;
  readonly method: string;
  readonly methodDetail: string | null;
  readonly succeeded: boolean;
  readonly resultDetail: string;
  readonly requirement: string;
  /** Diagnostic-only PascalCase fields (notes §A.4); null where the record leaves them out. */
  readonly statusSequence: number | null;
  readonly requestSequence: number | null;
}

export interface AppliedPolicy {
  readonly id: string;
  readonly displayName: string;
  readonly enforcedGrantControls: ReadonlyArray<string>;
  readonly enforcedSessionControls: ReadonlyArray<string>;
  readonly result: PolicyResult;
  /** `conditionalAccessConditions` flags as numbers (diagnostic records write the number). */
  readonly conditionsSatisfied: number;
  readonly conditionsNotSatisfied: number;
}

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

export interface RiskInfo {
  readonly detail: string;
  readonly levelAggregated: RiskLevel;
  readonly levelDuringSignIn: RiskLevel;
  readonly state: RiskState;
  /** `riskEventTypes_v2` (strings such as `unfamiliarFeatures`). */
  readonly eventTypes: ReadonlyArray<string>;
}

export interface ManagedIdentityInfo {
  readonly msiType: 'systemAssigned' | 'userAssigned';
  readonly associatedResourceId: string;
  readonly federatedTokenId: string;
  readonly federatedTokenIssuer: string;
}

/** AD FS extras (Connect Health): the server and the relying party. */
export interface AdfsInfo {
  readonly serverName: string;
  readonly ipChain: string;
  /** Connect Health's AD FS protocol of the request (`wsFederation`, `saml20`, `oAuth2`, `wsTrust`). */
  readonly protocol: string;
}

export interface SignInActivity extends ActivityBase {
  readonly category: SignInCategory;
  readonly eventType: SignInEventType;
  readonly isInteractive: boolean;

  readonly correlationId: string;
  readonly originalRequestId: string;
  /** '' where the category has none (SP/MI). */
  readonly sessionId: string;
  readonly uniqueTokenIdentifier: string;

  readonly errorCode: number;
  readonly failureReason: string | null;
  readonly additionalDetails: string | null;

  /** null for service-principal and managed-identity sign-ins. */
  readonly user: SignInUser | null;

  readonly appId: string;
  readonly appDisplayName: string;
  readonly appOwnerTenantId: string;
  /** The signing-in service principal (SP/MI); '' on user sign-ins (Graph non-null rule). */
  readonly servicePrincipalId: string;
  readonly servicePrincipalName: string;

  readonly resourceId: string;
  readonly resourceDisplayName: string;
  readonly resourceServicePrincipalId: string;
  readonly resourceOwnerTenantId: string;
  readonly resourceTenantId: string;

  /** '' for managed identities (their records carry no IP). */
  readonly ipAddress: string;
  readonly location: SignInGeo;
  readonly autonomousSystemNumber: number | null;
  /** Trusted named locations the IP belongs to (`networkLocationDetails`). */
  readonly namedLocations: ReadonlyArray<string>;

  readonly clientAppUsed: string;
  /** null = the record has no `userAgent` key (rich clients without one, SP/MI). */
  readonly userAgent: string | null;
  readonly device: DeviceSnapshot | null;

  readonly authenticationProtocol: string;
  readonly incomingTokenType: string;
  readonly clientCredentialType: string;
  readonly tokenIssuerType: 'AzureAD' | 'ADFederationServices';
  readonly tokenIssuerName: string;
  readonly processingTimeInMilliseconds: number;

  readonly conditionalAccessStatus: ConditionalAccessStatus;
  readonly appliedConditionalAccessPolicies: ReadonlyArray<AppliedPolicy>;
  readonly authenticationRequirement: string;
  readonly authenticationRequirementPolicies: ReadonlyArray<{ readonly requirementProvider: string; readonly detail: string }>;
  readonly authenticationDetails: ReadonlyArray<AuthStep>;
  readonly authenticationProcessingDetails: ReadonlyArray<KeyValue>;
  /** The MFA method performed in this sign-in (LA `MfaDetail`, Graph `mfaDetail`); null if none. */
  readonly mfaMethod: string | null;
  readonly risk: RiskInfo;
  readonly crossTenantAccessType: string;
  /** App ids of the CA audiences (diagnostic: `[{applicationId, audienceReasons}]`, Graph: strings). */
  readonly conditionalAccessAudiences: ReadonlyArray<string>;
  /** Token protection of the session (user sign-ins only). */
  readonly tokenProtection: { readonly status: string; readonly code: number } | null;

  readonly servicePrincipalCredentialKeyId: string | null;
  readonly servicePrincipalCredentialThumbprint: string | null;
  readonly federatedCredentialId: string | null;
  readonly managedIdentity: ManagedIdentityInfo | null;

  readonly adfs: AdfsInfo | null;
}
