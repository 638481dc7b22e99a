/**
 * Workload sign-ins: service principals (client credentials) and managed identities.
 *
 * Shapes follow real 2025 records (Datadog fixtures): no user (`userId` null), processing
 * time 0, risk `low`/`low` on a P2 tenant, SP records from a hosting network with the
 * app's credential key id, MI records with no IP and no location at all.
 */
import type { BuildContext } from '../../core/activity.ts';
import type { Rng } from '../../core/random.ts';
import type { AppCredential, Application, ManagedIdentity, Network } from '../../tenant/types.ts';
import { signInEnvelope, statusOf, workloadRisk, type RiskSpec } from './common.ts';
import { requestId, uniqueTokenIdentifierOf } from './ids.ts';
import type { KeyValue, SignInActivity } from './model.ts';
import { EMPTY_GEO, geoOfNetwork, originOfIp, workloadOrigin, type Origin } from './network.ts';
import { signInTenantData, type SignInTenantData } from './tenant-data.ts';

export interface ServicePrincipalSignInSpec extends RiskSpec {
  /** The tenant's app signing in: display name or app id. */
  readonly app?: string;
  /** An app id unknown to the tenant (700016 "application not found"). */
  readonly unknownAppId?: string;
  /** Resource the token is for: display name or app id. */
  readonly resource?: string;
  readonly ip?: string;
  readonly network?: Network;
  readonly errorCode?: number;
  /** The credential used (key id of one of the app's credentials). */
  readonly credentialKeyId?: string;
  readonly id?: string;
  readonly correlationId?: string;
  readonly uniqueTokenIdentifier?: string;
}

export interface ManagedIdentitySignInSpec extends RiskSpec {
  /** The managed identity: display name, service principal id or app id. */
  readonly identity?: string;
  /** Resource the token is for: display name or app id. */
  readonly resource?: string;
  readonly errorCode?: number;
  readonly id?: string;
  readonly correlationId?: string;
  readonly uniqueTokenIdentifier?: string;
}

const MICROSOFT_ASN = 8075;
const AMAZON_ASN = 16509;
const ARM = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
/** Real SP records carry exactly this processing detail (value empty in 2025). */
const SP_PROCESSING: ReadonlyArray<KeyValue> = [{ key: 'Azure AD App Authentication Library', value: '' }];
const NONE: ReadonlyArray<never> = [];

function resolveApp(td: SignInTenantData, key: string): Application {
  const app = td.appByName(key);
  if (!app) throw new RangeError(`no application ${JSON.stringify(key)} in the tenant`);
  return app;
}

/** The credential in use at `time`: the newest valid one; an expired one for 7000222. */
function credentialAt(rng: Rng, app: Application, time: number, expired: boolean, keyId: string | undefined): AppCredential | null {
  if (app.credentials.length === 0) return null;
  if (keyId !== undefined) return app.credentials.find((c) => c.keyId === keyId) ?? null;
  if (expired) {
    const old = app.credentials.filter((c) => c.endDateTime < time && c.type === 'Password');
    if (old.length > 0) return rng.pick(old);
    return app.credentials.find((c) => c.type === 'Password') ?? app.credentials[0]!;
  }
  let best: AppCredential | null = null;
  for (const c of app.credentials) {
    if (c.startDateTime <= time && (best === null || c.startDateTime > best.startDateTime)) best = c;
  }
  return best ?? app.credentials[0]!;
}

type WorkloadCategory = 'ServicePrincipalSignInLogs' | 'ManagedIdentitySignInLogs';

/**
 * The leading fields every workload record shares, through `user: null`, drawn in the
 * builders' order (tick, request id, envelope, correlation id).
 */
function workloadHead(
  rng: Rng,
  category: WorkloadCategory,
  time: number,
  spec: { readonly id?: string; readonly correlationId?: string; readonly uniqueTokenIdentifier?: string },
  code: number,
) {
  const tick = rng.int(10000);
  const id = spec.id ?? requestId(rng);
  const env = signInEnvelope(rng, time, tick);
  return {
    category,
    id,
    time,
    tick,
    envelopeTime: env.envelopeTime,
    envelopeTick: env.envelopeTick,
    eventType: category === 'ServicePrincipalSignInLogs' ? ('servicePrincipal' as const) : ('managedIdentity' as const),
    isInteractive: false,
    correlationId: spec.correlationId ?? rng.uuid(),
    originalRequestId: id,
    sessionId: '',
    uniqueTokenIdentifier: spec.uniqueTokenIdentifier ?? uniqueTokenIdentifierOf(id),
    ...statusOf(code),
    user: null,
  };
}

/** One service-principal sign-in record. */
export function buildServicePrincipalSignIn(ctx: BuildContext, time: number, spec: ServicePrincipalSignInSpec = {}): SignInActivity {
  const { rng, tenant } = ctx;
  const td = signInTenantData(tenant);
  const code = spec.errorCode ?? 0;
  const unknown = spec.unknownAppId !== undefined || code === 700016;
  const app = spec.app !== undefined ? resolveApp(td, spec.app) : rng.weighted(td.workloadApps);
  const appId = unknown ? (spec.unknownAppId ?? rng.uuid()) : app.appId;
  const resource =
    spec.resource !== undefined ? resolveApp(td, spec.resource) : (td.appById(app.resources.length > 0 ? rng.pick(app.resources) : td.graph.appId) ?? td.graph);
  const ownApp = app.appOwnerTenantId === tenant.id;
  const credential = unknown || !ownApp ? null : credentialAt(rng, app, time, code === 7000222, spec.credentialKeyId);

  let origin: Origin;
  if (spec.ip !== undefined) origin = originOfIp(tenant, spec.ip);
  else if (spec.network !== undefined) origin = { ipAddress: tenant.ipIn(spec.network, rng.range(1, 254)), network: spec.network };
  else origin = workloadOrigin(rng, tenant, td.hostingNetworks, appId, ownApp ? MICROSOFT_ASN : AMAZON_ASN);

  return {
    ...workloadHead(rng, 'ServicePrincipalSignInLogs', time, spec, code),
    appId,
    appDisplayName: unknown ? '' : app.displayName,
    appOwnerTenantId: unknown ? '' : app.appOwnerTenantId,
    servicePrincipalId: unknown ? '' : app.servicePrincipalId,
    servicePrincipalName: unknown ? '' : app.displayName,
    resourceId: resource.appId,
    resourceDisplayName: resource.displayName,
    // Real 2025 SP records write "" here (MI records carry the resource's SP id).
    resourceServicePrincipalId: '',
    resourceOwnerTenantId: resource.appOwnerTenantId,
    resourceTenantId: tenant.id,
    ipAddress: origin.ipAddress,
    location: geoOfNetwork(origin.network),
    autonomousSystemNumber: origin.network?.asn ?? null,
    namedLocations: NONE,
    clientAppUsed: '',
    userAgent: null,
    device: null,
    authenticationProtocol: 'none',
    incomingTokenType: 'none',
    // Multi-tenant (gallery) apps read "none" in real records; own apps say what they presented.
    clientCredentialType: credential === null ? 'none' : credential.type === 'AsymmetricX509Cert' ? 'clientAssertion' : 'clientSecret',
    tokenIssuerType: 'AzureAD',
    tokenIssuerName: '',
    processingTimeInMilliseconds: 0,
    conditionalAccessStatus: 'notApplied',
    appliedConditionalAccessPolicies: NONE,
    authenticationRequirement: 'singleFactorAuthentication',
    authenticationRequirementPolicies: NONE,
    authenticationDetails: NONE,
    authenticationProcessingDetails: SP_PROCESSING,
    mfaMethod: null,
    risk: workloadRisk(tenant.licence, spec),
    crossTenantAccessType: 'none',
    conditionalAccessAudiences: [resource.appId],
    tokenProtection: null,
    servicePrincipalCredentialKeyId: credential?.keyId ?? null,
    servicePrincipalCredentialThumbprint: credential?.thumbprint ?? null,
    federatedCredentialId: null,
    managedIdentity: null,
    adfs: null,
  };
}

function resolveIdentity(tenant: BuildContext['tenant'], key: string): ManagedIdentity {
  const mi = tenant.managedIdentities.find((m) => m.displayName === key || m.servicePrincipalId === key || m.appId === key);
  if (!mi) throw new RangeError(`no managed identity ${JSON.stringify(key)} in the tenant`);
  return mi;
}

/** One managed-identity sign-in record. */
export function buildManagedIdentitySignIn(ctx: BuildContext, time: number, spec: ManagedIdentitySignInSpec = {}): SignInActivity {
  const { rng, tenant } = ctx;
  const td = signInTenantData(tenant);
  if (tenant.managedIdentities.length === 0) throw new RangeError('the tenant has no managed identities');
  const mi = spec.identity !== undefined ? resolveIdentity(tenant, spec.identity) : rng.pick(tenant.managedIdentities);
  const resource =
    spec.resource !== undefined ? resolveApp(td, spec.resource) : (td.appById(mi.resources.length > 0 ? rng.pick(mi.resources) : ARM) ?? td.graph);
  const code = spec.errorCode ?? 0;
  return {
    ...workloadHead(rng, 'ManagedIdentitySignInLogs', time, spec, code),
    appId: mi.appId,
    appDisplayName: mi.displayName,
    appOwnerTenantId: tenant.id,
    servicePrincipalId: mi.servicePrincipalId,
    servicePrincipalName: mi.displayName,
    resourceId: resource.appId,
    resourceDisplayName: resource.displayName,
    resourceServicePrincipalId: resource.servicePrincipalId,
    resourceOwnerTenantId: resource.appOwnerTenantId,
    resourceTenantId: tenant.id,
    // Token requests come from the Azure host (IMDS): Entra records no caller address.
    ipAddress: '',
    location: EMPTY_GEO,
    autonomousSystemNumber: null,
    namedLocations: NONE,
    clientAppUsed: '',
    userAgent: null,
    device: null,
    authenticationProtocol: 'none',
    incomingTokenType: 'none',
    clientCredentialType: 'none',
    tokenIssuerType: 'AzureAD',
    tokenIssuerName: '',
    processingTimeInMilliseconds: 0,
    conditionalAccessStatus: 'notApplied',
    appliedConditionalAccessPolicies: NONE,
    authenticationRequirement: 'singleFactorAuthentication',
    authenticationRequirementPolicies: NONE,
    authenticationDetails: NONE,
    authenticationProcessingDetails: NONE,
    mfaMethod: null,
    risk: workloadRisk(tenant.licence, spec),
    crossTenantAccessType: 'none',
    // Real records list ARM as the audience on some ARM token requests and nothing otherwise.
    conditionalAccessAudiences: resource.appId === ARM && rng.bool(0.5) ? [ARM] : NONE,
    tokenProtection: null,
    servicePrincipalCredentialKeyId: null,
    servicePrincipalCredentialThumbprint: null,
    federatedCredentialId: '',
    managedIdentity: {
      msiType: mi.kind === 'UserAssigned' ? 'userAssigned' : 'systemAssigned',
      associatedResourceId: mi.azureResourceId,
      federatedTokenId: '',
      federatedTokenIssuer: '',
    },
    adfs: null,
  };
}
