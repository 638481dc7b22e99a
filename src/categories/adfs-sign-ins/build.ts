/**
 * AD FS sign-ins as Microsoft Entra Connect Health reports them (ADFSSignInLogs): only
 * federated (hybrid) tenants have them, only for users synced from on-premises AD.
 *
 * Facts used (Entra docs "AD FS sign-ins in Microsoft Entra ID with Connect Health"; the one
 * Elastic sample, Dec 2025): token issuer `ADFederationServices` named after the federation
 * service; WS-Fed/WS-Trust sign-ins carry "NotSet" application ids and the relying-party
 * identifier as resource id; failed password sign-ins show "NotSet" resources; unknown
 * accounts the zero GUID; a forms sign-in writes two records sharing the correlation id
 * (Forms, then SSO); clientAppUsed "Unknown", risk `hidden`, processing time 0.
 */
import { withDelay, type BuildContext } from '../../core/activity.ts';
import { hash32, type Rng } from '../../core/random.ts';
import { ADFS_FORMS, ADFS_RELYING_PARTIES, ADFS_WINDOWS, type AdfsRelyingPartyRow } from '../../data/sign-in-values.ts';
import type { Network, Tenant, User } from '../../tenant/types.ts';
import { HIDDEN_RISK, statusOf } from '../sign-ins/common.ts';
import { adfsActivityId, EMPTY_GUID, uniqueTokenIdentifierOf } from '../sign-ins/ids.ts';
import type { AuthStep, DeviceSnapshot, KeyValue, SignInActivity, SignInUser } from '../sign-ins/model.ts';
import { geoOfNetwork, originOfIp, type Origin } from '../sign-ins/network.ts';

export type AdfsAuthentication = 'forms' | 'windows' | 'sso';

export interface AdfsSignInSpec {
  /** User index; must be a synced (on-premises) user for realism, not enforced. */
  readonly user?: number;
  /** An account AD FS does not know: the name typed. */
  readonly unknownUserPrincipalName?: string;
  /** Relying party by name or identifier. */
  readonly relyingParty?: string;
  readonly ip?: string;
  readonly network?: Network;
  /** Inside the corporate network (Windows integrated auth from a private address) or via the proxy. */
  readonly intranet?: boolean;
  /** 0, 50126 (bad password), 300300 (extranet lockout), 50144 (AD password expired), … */
  readonly errorCode?: number;
  readonly authentication?: AdfsAuthentication;
  readonly id?: string;
  readonly correlationId?: string;
  readonly uniqueTokenIdentifier?: string;
}

interface RelyingParty {
  readonly name: string;
  readonly identifier: string;
  readonly appId: string;
  readonly appDisplayName: string;
  readonly protocol: AdfsRelyingPartyRow['protocol'];
}

interface AdfsTenantData {
  readonly federationService: string;
  readonly servers: ReadonlyArray<string>;
  readonly relyingParties: ReadonlyArray<readonly [RelyingParty, number]>;
}

const CACHE = new WeakMap<Tenant, AdfsTenantData>();

function adfsData(tenant: Tenant): AdfsTenantData {
  let d = CACHE.get(tenant);
  if (d) return d;
  const domain = tenant.domains[0]!;
  const slug = domain.slice(0, domain.indexOf('.'));
  const fill = (s: string): string => s.replaceAll('{name}', tenant.name).replaceAll('{domain}', domain).replaceAll('{slug}', slug);
  const prefix = slug.slice(0, 4).toUpperCase();
  d = {
    federationService: `sts.${domain}`,
    servers: [`${prefix}-ADFS01`, `${prefix}-ADFS02`],
    relyingParties: ADFS_RELYING_PARTIES.map((row) => {
      const name = fill(row.name);
      const rp: RelyingParty = row.oauthClient
        ? {
            name: fill(row.oauthClient),
            identifier: fill(row.identifier),
            // An AD FS application group's native client id: a GUID fixed per tenant.
            appId: uuidFrom(`${tenant.id}/adfs/${name}`),
            appDisplayName: name,
            protocol: row.protocol,
          }
        : { name, identifier: fill(row.identifier), appId: 'NotSet', appDisplayName: 'NotSet', protocol: row.protocol };
      return [rp, row.weight] as const;
    }),
  };
  CACHE.set(tenant, d);
  return d;
}

function uuidFrom(label: string): string {
  const h = (n: number): string => hash32(label, n).toString(16).padStart(8, '0');
  const s = h(1) + h(2) + h(3) + h(4);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

/** A synced member, or undefined when the tenant has none (no AD FS there). */
export function pickSyncedUser(rng: Rng, tenant: Tenant): User | undefined {
  for (let i = 0; i < 16; i++) {
    const u = tenant.user(rng.int(tenant.memberCount));
    if (u.onPremisesSynced && u.accountEnabled) return u;
  }
  return undefined;
}

/** AD FS sees intranet clients at their private address: no geolocation (the Elastic sample's 10.x). */
function intranetIp(tenant: Tenant, user: User): string {
  const office = Math.max(0, tenant.namedLocations.indexOf(user.officeLocation));
  const h = hash32(`${user.id}/lan`);
  return `10.${office * 16 + ((h >>> 24) & 15)}.${(h >>> 8) & 255}.${(h & 253) + 1}`;
}

// Values shared by every AD FS record (activities are read-only).
const NONE: ReadonlyArray<never> = [];
const SSO_METHOD = { method: 'Previously satisfied', detail: 'SSO' } as const;
const NATIVE_DEVICE: DeviceSnapshot = { deviceId: '', displayName: '', operatingSystem: '', browser: '', isCompliant: false, isManaged: false, trustType: '' };
const NO_TOKEN_PROTECTION = { status: 'none', code: 0 } as const;
const LEGACY_TLS_FALSE: KeyValue = { key: 'Legacy TLS (TLS 1.0, 1.1, 3DES)', value: 'False' };
const LEGACY_STORE_FALSE: KeyValue = { key: 'Is Legacy Store Used', value: 'False' };
const CAE_FALSE: KeyValue = { key: 'Is CAE Token', value: 'False' };

function relyingPartyOf(data: AdfsTenantData, key: string): RelyingParty {
  const rp = data.relyingParties.find(([r]) => r.name === key || r.identifier === key || r.appDisplayName === key);
  if (!rp) throw new RangeError(`no AD FS relying party ${JSON.stringify(key)}`);
  return rp[0];
}

/** One AD FS sign-in record. */
export function buildAdfsSignIn(ctx: BuildContext, time: number, spec: AdfsSignInSpec = {}): SignInActivity {
  const { rng, tenant } = ctx;
  const data = adfsData(tenant);
  const unknown = spec.unknownUserPrincipalName;
  const user = unknown !== undefined ? null : spec.user !== undefined ? tenant.user(spec.user) : (pickSyncedUser(rng, tenant) ?? tenant.user(0));
  const upn = user ? user.userPrincipalName : unknown!.toLowerCase();
  const signInUser: SignInUser = {
    id: user ? user.id : EMPTY_GUID,
    displayName: user ? user.displayName : EMPTY_GUID,
    userPrincipalName: user ? upn : EMPTY_GUID,
    userType: 'Member',
    homeTenantId: tenant.id,
    homeTenantName: '',
    signInIdentifier: upn,
  };
  const rp = spec.relyingParty !== undefined ? relyingPartyOf(data, spec.relyingParty) : rng.weighted(data.relyingParties);
  const intranet = spec.intranet ?? (spec.ip === undefined && spec.network === undefined && rng.bool(0.55));
  const code = spec.errorCode ?? 0;
  const auth: AdfsAuthentication = spec.authentication ?? (intranet ? 'windows' : 'forms');

  let origin: Origin;
  if (spec.ip !== undefined) origin = originOfIp(tenant, spec.ip);
  else if (spec.network !== undefined) origin = { ipAddress: tenant.ipIn(spec.network, rng.range(1, 254)), network: spec.network };
  else if (intranet && user) origin = { ipAddress: intranetIp(tenant, user), network: undefined };
  else {
    const owner = user ?? tenant.user(rng.int(tenant.memberCount));
    const net = rng.bool(0.8) ? owner.homeNetwork : owner.mobileNetwork;
    origin = { ipAddress: tenant.ipIn(net, rng.range(1, 254)), network: net };
  }

  // Native (OAuth) clients present no browser; browser flows show the user's desktop.
  const desktop = (user ?? tenant.user(0)).devices[0]!;
  const browserFlow = rp.protocol === 'wsFederation' || rp.protocol === 'saml20';
  const device: DeviceSnapshot = browserFlow
    ? { deviceId: '', displayName: '', operatingSystem: desktop.operatingSystem, browser: desktop.browser, isCompliant: false, isManaged: false, trustType: '' }
    : NATIVE_DEVICE;

  const tick = rng.int(10000);
  const method = auth === 'windows' ? ADFS_WINDOWS : auth === 'forms' ? ADFS_FORMS : SSO_METHOD;
  const steps: AuthStep[] = [
    {
      time,
      tick,
      method: method.method,
      methodDetail: method.detail,
      succeeded: code === 0 || code === 50144,
      resultDetail: '',
      requirement: '',
      statusSequence: 0,
      requestSequence: 1,
    },
  ];
  const server = data.servers[hash32(origin.ipAddress) % data.servers.length]!;
  const processing: KeyValue[] = [
    { key: 'Server name', value: server },
    { key: 'IP Addresses Involved in Auth Flow', value: origin.ipAddress },
    LEGACY_TLS_FALSE,
    LEGACY_STORE_FALSE,
    CAE_FALSE,
  ];
  // Failed password sign-ins never reach a relying party (Connect Health FAQ: "NotSet").
  const notSet = code !== 0 && code !== 50144;
  const id = spec.id ?? rng.uuid();
  // Connect Health uploads in batches: the one sample trails its event by 7.5 min.
  const env = withDelay(time, tick, 180_000 + rng.int(540_000), rng);
  return {
    category: 'ADFSSignInLogs',
    id,
    time,
    tick,
    envelopeTime: env.envelopeTime,
    envelopeTick: env.envelopeTick,
    eventType: 'interactiveUser',
    isInteractive: true,
    correlationId: spec.correlationId ?? adfsActivityId(rng),
    originalRequestId: id,
    sessionId: '',
    uniqueTokenIdentifier: spec.uniqueTokenIdentifier ?? uniqueTokenIdentifierOf(id),
    ...statusOf(code),
    user: signInUser,
    appId: notSet ? 'NotSet' : rp.appId,
    appDisplayName: notSet ? 'NotSet' : rp.appDisplayName,
    appOwnerTenantId: '',
    servicePrincipalId: '',
    servicePrincipalName: notSet ? 'NotSet' : rp.appDisplayName,
    resourceId: notSet ? 'NotSet' : rp.identifier,
    resourceDisplayName: notSet ? 'NotSet' : rp.name,
    resourceServicePrincipalId: '',
    resourceOwnerTenantId: '',
    resourceTenantId: tenant.id,
    ipAddress: origin.ipAddress,
    location: geoOfNetwork(origin.network),
    autonomousSystemNumber: null,
    namedLocations: NONE,
    clientAppUsed: 'Unknown',
    userAgent: browserFlow ? desktop.userAgent : '',
    device,
    authenticationProtocol: 'none',
    incomingTokenType: 'none',
    clientCredentialType: 'none',
    tokenIssuerType: 'ADFederationServices',
    tokenIssuerName: data.federationService,
    processingTimeInMilliseconds: 0,
    conditionalAccessStatus: 'notApplied',
    appliedConditionalAccessPolicies: NONE,
    // The Elastic sample writes "" (the docs' known issue says single factor).
    authenticationRequirement: '',
    authenticationRequirementPolicies: NONE,
    authenticationDetails: steps,
    authenticationProcessingDetails: processing,
    mfaMethod: null,
    risk: HIDDEN_RISK,
    crossTenantAccessType: 'none',
    conditionalAccessAudiences: NONE,
    tokenProtection: NO_TOKEN_PROTECTION,
    servicePrincipalCredentialKeyId: '',
    servicePrincipalCredentialThumbprint: '',
    federatedCredentialId: null,
    managedIdentity: null,
    adfs: { serverName: server, ipChain: origin.ipAddress, protocol: rp.protocol },
  };
}

/**
 * The records of one AD FS sign-in: intranet Windows sign-ins write one; forms sign-ins
 * write the Forms record and then the SSO record under the same correlation id.
 */
export function buildAdfsSignInFlow(ctx: BuildContext, time: number, spec: AdfsSignInSpec = {}): SignInActivity[] {
  const userIndex = spec.user ?? (spec.unknownUserPrincipalName === undefined ? pickSyncedUser(ctx.rng, ctx.tenant)?.index : undefined);
  const first = buildAdfsSignIn(ctx, time, { ...spec, user: userIndex });
  const forms = first.authenticationDetails[0]?.method === ADFS_FORMS.method;
  if (!forms || first.errorCode !== 0) return [first];
  const second = buildAdfsSignIn(ctx, time + ctx.rng.range(200, 2_500), {
    ...spec,
    user: userIndex,
    ip: first.ipAddress,
    relyingParty: first.resourceId,
    authentication: 'sso',
    correlationId: first.correlationId,
    id: undefined,
    uniqueTokenIdentifier: undefined,
  });
  return [first, second];
}
