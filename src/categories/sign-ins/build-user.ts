/**
 * User sign-ins (interactive and non-interactive): who, from which device and network, to
 * which client app and resource, how they authenticated, what Conditional Access said.
 *
 * `buildUserSignIn` builds exactly one record from a spec (stories force actor, IP, error
 * code, ids); `buildUserSignInFlow` builds the records Entra writes for one user action,
 * e.g. an MFA or "Keep me signed in" interrupt followed by the success, which share
 * `correlationId` and `originalRequestId` (Azure-Sentinel#9463).
 */
import type { BuildContext } from '../../core/activity.ts';
import type { Rng } from '../../core/random.ts';
import { aadstsError } from '../../data/aadsts-errors.ts';
import {
  DEFAULT_SCOPES,
  FIRST_FACTOR_BY_CLAIM,
  LEGACY_CLIENTS,
  MFA_DENIED_DETAILS,
  MFA_RESULT_BY_CLAIM,
  MFA_RESULT_SUCCESS,
  MFA_STEP_REQUIREMENT,
  PASSWORD_CORRECT,
  PASSWORD_WRONG,
  PRIMARY_STEP_REQUIREMENT,
  RESOURCE_SCOPES,
  isLegacyClientApp,
  type ClientAppUsed,
  type ClientProfile,
} from '../../data/sign-in-values.ts';
import { RICH_CLIENT_AGENTS } from '../../data/user-agents.ts';
import type { Application, Device, Network, User } from '../../tenant/types.ts';
import { caRequirements, evaluateConditionalAccess, type CaInput, type MfaOutcome } from './conditional-access.ts';
import { processingTime, signInEnvelope, statusOf, userRisk, type RiskSpec } from './common.ts';
import { EMPTY_GUID, requestId, sessionIdFor, uniqueTokenIdentifierOf } from './ids.ts';
import type { AuthStep, DeviceSnapshot, KeyValue, SignInActivity, SignInUser } from './model.ts';
import { geoOfNetwork, originOfIp, userOrigin, type Origin } from './network.ts';
import { signInTenantData, type ResolvedClient, type SignInTenantData } from './tenant-data.ts';

export type UserSignInCategory = 'SignInLogs' | 'NonInteractiveUserSignInLogs';

/** How the second factor went, when a story wants to say. */
export type MfaSpec = 'performed' | 'satisfiedByClaim' | 'denied' | 'none';

/** Everything a story may force on a user sign-in; all optional. */
export interface UserSignInSpec extends RiskSpec {
  readonly category?: UserSignInCategory;
  /** User index in the tenant. */
  readonly user?: number;
  /** Sign-in as an account that does not exist (password sprays, 50034): the UPN typed. */
  readonly unknownUserPrincipalName?: string;
  /** Client app: display name or app id (first-party or the tenant's). */
  readonly app?: string;
  /** Resource the token is for: display name or app id. */
  readonly resource?: string;
  /** Source IP; geolocated through `tenant.networkOfIp`. */
  readonly ip?: string;
  /** Or a network to draw the IP from. */
  readonly network?: Network;
  /** Index into the user's devices, or an unregistered device (attacker, kiosk). */
  readonly device?: number | 'unregistered';
  readonly userAgent?: string;
  /** A legacy protocol (`IMAP4`, `Exchange ActiveSync`, …) makes this a basic-auth sign-in to Exchange. */
  readonly clientAppUsed?: ClientAppUsed;
  readonly errorCode?: number;
  readonly mfa?: MfaSpec;
  /** Primary authentication: a password typed now, or SSO from an existing session. */
  readonly primary?: 'password' | 'sso';
  readonly incomingTokenType?: string;
  readonly id?: string;
  readonly correlationId?: string;
  readonly originalRequestId?: string;
  readonly sessionId?: string;
  readonly uniqueTokenIdentifier?: string;
  readonly processingTimeInMilliseconds?: number;
}

export interface UserSignInFlowSpec extends UserSignInSpec {
  /** An interrupt code (50140, 50074, 50076, 50072, 50125, 50199) written before the outcome. */
  readonly interrupt?: number;
}

/** The resolved who/what/where of a sign-in, shared by the records of one flow. */
interface Choice {
  readonly category: UserSignInCategory;
  readonly user: User | null;
  readonly signInUser: SignInUser;
  readonly client: Application;
  readonly profile: ClientProfile | null;
  readonly legacy: ClientAppUsed | null;
  readonly resource: Application;
  readonly device: Device | null;
  readonly deviceUnregistered: boolean;
  readonly origin: Origin;
  readonly sessionId: string;
}

const DAY = 86_400_000;
const WINDOWS = new Set(['Windows 10', 'Windows']);
const MOBILE = new Set(['Ios', 'Android']);

function resolveApp(td: SignInTenantData, key: string): Application {
  const app = td.appByName(key);
  if (!app) throw new RangeError(`no application ${JSON.stringify(key)} in the tenant`);
  return app;
}

function pickUser(rng: Rng, ctx: BuildContext): User {
  // Disabled accounts rarely try; a story that wants them names them.
  for (let i = 0; i < 4; i++) {
    const u = ctx.tenant.user(rng.int(ctx.tenant.userCount));
    if (u.accountEnabled) return u;
  }
  return ctx.tenant.user(0);
}

function deviceFor(rng: Rng, user: User, profile: ClientProfile): Device | null {
  const desktop = user.devices[0]!;
  const phone = user.devices.length > 1 ? user.devices[1]! : null;
  switch (profile.platform) {
    case 'desktop':
      return desktop;
    case 'windows':
      return WINDOWS.has(desktop.operatingSystem) ? desktop : null;
    case 'mobile':
      return phone;
    case 'android':
      return phone && phone.operatingSystem === 'Android' ? phone : null;
    case 'any':
      return phone && rng.bool(0.35) ? phone : desktop;
  }
}

function pickClient(rng: Rng, td: SignInTenantData, user: User, category: UserSignInCategory): { client: ResolvedClient; device: Device } {
  const admin = user.roles.length > 0;
  const pools = category === 'SignInLogs' ? td.interactiveClients : td.nonInteractiveClients;
  const pool = admin ? pools.admin : pools.user;
  for (let i = 0; i < 8; i++) {
    const c = rng.weighted(pool);
    // Guests come in through the browser (and Teams); their devices are unknown here.
    if (user.userType === 'Guest' && c.profile.clientAppUsed !== 'Browser' && c.profile.app !== 'Microsoft Teams') continue;
    const device = deviceFor(rng, user, c.profile);
    if (device) return { client: c, device };
  }
  const fallback = pool.find(([c]) => c.profile.platform === 'desktop' && c.profile.clientAppUsed === 'Browser') ?? pool[0]!;
  return { client: fallback[0], device: user.devices[0]! };
}

function signInUserOf(user: User): SignInUser {
  const guest = user.userType === 'Guest';
  return {
    id: user.id,
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    userType: user.userType,
    homeTenantId: user.homeTenantId,
    homeTenantName: user.homeTenantName,
    signInIdentifier: guest ? user.userPrincipalName : null,
  };
}

function resolveChoice(ctx: BuildContext, td: SignInTenantData, time: number, spec: UserSignInSpec): Choice {
  const { rng, tenant } = ctx;
  const category = spec.category ?? 'SignInLogs';
  const unknown = spec.unknownUserPrincipalName;
  const user = unknown !== undefined ? null : spec.user !== undefined ? tenant.user(spec.user) : pickUser(rng, ctx);
  const signInUser: SignInUser = user
    ? signInUserOf(user)
    : {
        // Entra writes the zero GUID for accounts that do not exist (Connect Health FAQ; 50034 records).
        id: EMPTY_GUID,
        displayName: '',
        userPrincipalName: unknown!.toLowerCase(),
        userType: 'Member',
        homeTenantId: tenant.id,
        homeTenantName: '',
        signInIdentifier: unknown!.toLowerCase(),
      };
  const deviceOwner = user ?? tenant.user(rng.int(tenant.userCount));

  let client: Application;
  let profile: ClientProfile | null = null;
  let device: Device | null;
  let legacy: ClientAppUsed | null = null;
  if (spec.clientAppUsed !== undefined && isLegacyClientApp(spec.clientAppUsed)) {
    // Basic authentication goes to Exchange Online, which is both client and resource.
    legacy = spec.clientAppUsed;
    client = spec.app !== undefined ? resolveApp(td, spec.app) : td.exchange;
    device = deviceOwner.devices[deviceOwner.devices.length - 1]!;
  } else if (spec.app !== undefined) {
    client = resolveApp(td, spec.app);
    const pools = category === 'SignInLogs' ? td.interactiveClients.user : td.nonInteractiveClients.user;
    profile = pools.find(([c]) => c.app.appId === client.appId)?.[0].profile ?? null;
    device = profile ? deviceFor(rng, deviceOwner, profile) ?? deviceOwner.devices[0]! : deviceOwner.devices[0]!;
  } else if (user && category === 'SignInLogs' && td.webApps.length > 0 && rng.bool(0.08)) {
    // SSO into the tenant's own and SaaS gallery apps, in the browser.
    client = rng.pick(td.webApps);
    device = user.devices[0]!;
  } else {
    const picked = pickClient(rng, td, deviceOwner, category);
    client = picked.client.app;
    profile = picked.client.profile;
    device = picked.device;
  }
  if (typeof spec.device === 'number') device = deviceOwner.devices[spec.device] ?? device;
  const deviceUnregistered = spec.device === 'unregistered' || user === null;

  let resource: Application;
  if (spec.resource !== undefined) resource = resolveApp(td, spec.resource);
  else if (client.firstParty && client.resources.length > 0) resource = td.appById(rng.pick(client.resources)) ?? td.graph;
  else resource = client;

  const day = Math.floor(time / DAY);
  let origin: Origin;
  if (spec.ip !== undefined) origin = originOfIp(tenant, spec.ip);
  else if (spec.network !== undefined) origin = { ipAddress: tenant.ipIn(spec.network, rng.range(1, 254)), network: spec.network };
  else origin = userOrigin(rng, tenant, deviceOwner, device, day);

  const sessionId =
    spec.sessionId ?? (user ? sessionIdFor(`${tenant.id}/${user.id}/${device?.deviceId || device?.operatingSystem || ''}/${day}`) : '');
  return { category, user, signInUser, client, profile, legacy, resource, device, deviceUnregistered, origin, sessionId };
}

function deviceSnapshot(choice: Choice): DeviceSnapshot | null {
  const d = choice.device;
  if (choice.legacy) {
    const activeSync = choice.legacy === 'Exchange ActiveSync' && d !== null && MOBILE.has(d.operatingSystem);
    return { deviceId: '', displayName: '', operatingSystem: activeSync ? d!.operatingSystem : '', browser: '', isCompliant: false, isManaged: false, trustType: '' };
  }
  if (!d) return null;
  const browser = choice.profile?.browser ?? d.browser;
  if (choice.deviceUnregistered) {
    return { deviceId: '', displayName: '', operatingSystem: d.operatingSystem, browser, isCompliant: false, isManaged: false, trustType: '' };
  }
  return {
    deviceId: d.deviceId,
    displayName: d.displayName,
    operatingSystem: d.operatingSystem,
    browser,
    isCompliant: d.isCompliant,
    isManaged: d.isManaged,
    trustType: d.trustType,
  };
}

function userAgentOf(choice: Choice, spec: UserSignInSpec): string | null {
  if (spec.userAgent !== undefined) return spec.userAgent;
  if (choice.legacy) {
    const row = LEGACY_CLIENTS.find((c) => c.clientAppUsed === choice.legacy);
    return row ? row.userAgent : 'BAV2ROPC';
  }
  const d = choice.device;
  const ua = choice.profile?.userAgent ?? 'device';
  if (ua === 'none') return null;
  if (ua === 'device') return d ? d.userAgent : '';
  if (ua === 'mobile-outlook') return d && d.operatingSystem === 'Android' ? RICH_CLIENT_AGENTS.outlookAndroid : RICH_CLIENT_AGENTS.outlookIos;
  // Rich clients run on whatever the device is; on a Mac the WebView UA is the device's own.
  if (d && !WINDOWS.has(d.operatingSystem) && (ua === RICH_CLIENT_AGENTS.windows || ua === RICH_CLIENT_AGENTS.teamsDesktop)) return d.userAgent;
  return ua;
}

function clientAppUsedOf(choice: Choice): string {
  if (choice.legacy) return choice.legacy;
  if (choice.profile) return choice.profile.clientAppUsed;
  return 'Browser';
}

function caInputOf(choice: Choice, risk: RiskSpec, p2: boolean, tenantAdmins: boolean): CaInput {
  const d = choice.device;
  const unreg = choice.deviceUnregistered || d === null;
  return {
    isAdmin: tenantAdmins,
    isGuest: choice.signInUser.userType === 'Guest',
    trustedLocation: choice.origin.network?.trusted ?? false,
    legacyClient: choice.legacy !== null,
    desktop: d !== null && !MOBILE.has(d.operatingSystem),
    deviceCompliantOrHybrid: !unreg && (d!.isCompliant || d!.trustType === 'Hybrid Azure AD joined'),
    deviceManaged: !unreg && d!.isManaged,
    resourceId: choice.resource.appId,
    riskLevelDuringSignIn: risk.riskLevelDuringSignIn ?? 'none',
    p2,
  };
}

/** First-factor failures stop before Conditional Access runs. */
const BEFORE_CA = new Set([50126, 50053, 50055, 50057, 50034, 50089, 16000, 16003, 50144, 81010, 81012, 65001, 50058, 50173, 70043, 70044, 50133, 700082]);
const MFA_INTERRUPTS = new Set([50074, 50076]);

// Values shared by every record that carries them (activities are read-only).
const CA_MFA_POLICIES = [{ requirementProvider: 'multiConditionalAccess', detail: 'Conditional Access' }] as const;
const PER_USER_MFA_POLICIES = [{ requirementProvider: 'user', detail: 'Per-user MFA' }] as const;
const NONE: ReadonlyArray<never> = [];
const LEGACY_TLS_FALSE: KeyValue = { key: 'Legacy TLS (TLS 1.0, 1.1, 3DES)', value: 'False' };
const CAE_TRUE: KeyValue = { key: 'Is CAE Token', value: 'True' };
const CAE_FALSE: KeyValue = { key: 'Is CAE Token', value: 'False' };
const UNBOUND_TOKEN = { status: 'unbound', code: 1002 } as const;

/** `Oauth Scope Info` entries, one per scope list (the lists are module constants). */
const SCOPE_INFO = new Map<ReadonlyArray<string>, KeyValue>();
function scopeInfo(scopes: ReadonlyArray<string>): KeyValue {
  let kv = SCOPE_INFO.get(scopes);
  if (!kv) {
    kv = { key: 'Oauth Scope Info', value: JSON.stringify(scopes) };
    SCOPE_INFO.set(scopes, kv);
  }
  return kv;
}

function step(
  time: number,
  tick: number,
  method: string,
  methodDetail: string | null,
  succeeded: boolean,
  resultDetail: string,
  requirement: string,
  sequences: boolean,
): AuthStep {
  return { time, tick, method, methodDetail, succeeded, resultDetail, requirement, statusSequence: sequences ? 0 : null, requestSequence: sequences ? (method === 'Previously satisfied' ? 0 : 1) : null };
}

function maskedPhone(rng: Rng): string {
  return `+1 XXXXXXXX${String(rng.range(10, 99))}`;
}

/** One user sign-in record. */
export function buildUserSignIn(ctx: BuildContext, time: number, spec: UserSignInSpec = {}): SignInActivity {
  const td = signInTenantData(ctx.tenant);
  const choice = resolveChoice(ctx, td, time, spec);
  return buildFromChoice(ctx, td, time, choice, spec, false);
}

function buildFromChoice(
  ctx: BuildContext,
  td: SignInTenantData,
  time: number,
  choice: Choice,
  spec: UserSignInSpec,
  baseline: boolean,
): SignInActivity {
  const { rng, tenant } = ctx;
  const interactive = choice.category === 'SignInLogs';
  const tick = rng.int(10000);
  const id = spec.id ?? requestId(rng);
  const isAdmin = choice.user !== null && choice.user.roles.length > 0;
  const p2 = tenant.licence === 'p2';
  const caInput = caInputOf(choice, spec, p2, isAdmin);
  const req = caRequirements(td.policies, caInput);

  // The outcome: forced, or what Conditional Access makes of this sign-in.
  let code = spec.errorCode ?? 0;
  if (spec.errorCode === undefined && req.block === 'legacy') code = 53003;
  else if (spec.errorCode === undefined && req.block === 'device') code = 53000;
  if (spec.errorCode === undefined && choice.user && !choice.user.accountEnabled) code = 50057;
  const mfaRequired = req.mfa || code === 50074 || code === 50076 || code === 500121 || code === 50078;

  let mfaOutcome: MfaOutcome;
  if (BEFORE_CA.has(code)) mfaOutcome = 'notEvaluated';
  else if (MFA_INTERRUPTS.has(code) || code === 50072 || code === 50079) mfaOutcome = 'pending';
  // Basic authentication cannot do a second factor.
  else if (choice.legacy !== null) mfaOutcome = mfaRequired ? 'failed' : 'none';
  else if (code === 500121 || code === 50078 || spec.mfa === 'denied') mfaOutcome = 'failed';
  else if (mfaRequired || spec.mfa === 'performed' || spec.mfa === 'satisfiedByClaim') mfaOutcome = spec.mfa === 'none' ? 'failed' : 'satisfied';
  else mfaOutcome = 'none';

  const ca = evaluateConditionalAccess(td.policies, caInput, mfaOutcome);
  const mfaInPlay = mfaOutcome === 'satisfied' || mfaOutcome === 'failed' || mfaOutcome === 'pending';
  const requirement = ca.mfaRequired || mfaRequired || mfaInPlay ? 'multiFactorAuthentication' : 'singleFactorAuthentication';
  // Who asked for MFA: Conditional Access, else per-user MFA (LA docs: "CA: policy name, and/or MFA: Per-user").
  const requirementPolicies =
    requirement !== 'multiFactorAuthentication' ? NONE : ca.mfaRequired || req.mfa ? CA_MFA_POLICIES : PER_USER_MFA_POLICIES;

  // Authentication steps: interactive records show them; token refreshes show none.
  const steps: AuthStep[] = [];
  let mfaMethod: string | null = null;
  const user = choice.user;
  if (interactive && code !== 50053 && code !== 50057 && code !== 50034 && code !== 16003 && code !== 81010) {
    const sso = spec.primary === 'sso' || (spec.primary === undefined && code !== 50126 && choice.legacy === null && rng.bool(0.55));
    const pwDetail = user?.onPremisesSynced ? 'Password Hash Sync' : 'Password in the cloud';
    if (code === 50126 || code === 50055) {
      steps.push(step(time, tick, 'Password', pwDetail, false, code === 50126 ? PASSWORD_WRONG : 'Password expired', PRIMARY_STEP_REQUIREMENT, true));
    } else if (sso) {
      steps.push(step(time, tick, 'Previously satisfied', null, true, FIRST_FACTOR_BY_CLAIM, PRIMARY_STEP_REQUIREMENT, true));
    } else {
      steps.push(step(time, tick, 'Password', pwDetail, true, PASSWORD_CORRECT, PRIMARY_STEP_REQUIREMENT, true));
    }
    if (mfaOutcome === 'satisfied' || mfaOutcome === 'failed') {
      const method = user?.mfaMethod ?? 'Mobile app notification';
      // The second factor comes seconds after the first (a push to answer, a code to type).
      const mfaTime = time + rng.range(3_000, 20_000);
      if (mfaOutcome === 'satisfied' && (spec.mfa === 'satisfiedByClaim' || (spec.mfa === undefined && sso && rng.bool(0.7)))) {
        // Microsoft's schema sample: the claim step carries no sequence fields.
        steps.push(step(time, tick, 'Previously satisfied', null, true, MFA_RESULT_BY_CLAIM, MFA_STEP_REQUIREMENT, false));
      } else {
        mfaMethod = method;
        const detail = method === 'Text message' ? maskedPhone(rng) : null;
        steps.push(
          step(mfaTime, rng.int(10000), method, detail, mfaOutcome === 'satisfied', mfaOutcome === 'satisfied' ? MFA_RESULT_SUCCESS : rng.pick(MFA_DENIED_DETAILS), MFA_STEP_REQUIREMENT, true),
        );
      }
    }
  }

  const risk = userRisk(rng, tenant.licence, spec, baseline, mfaOutcome === 'satisfied');
  const status = statusOf(code);
  const device = deviceSnapshot(choice);
  const windowsJoined = choice.device !== null && WINDOWS.has(choice.device.operatingSystem) && !choice.deviceUnregistered && choice.device.trustType !== 'Azure AD registered' && choice.device.trustType !== '';
  let incoming = spec.incomingTokenType;
  if (incoming === undefined) {
    if (interactive) incoming = 'none';
    else if (windowsJoined && choice.profile?.clientAppUsed === 'Mobile Apps and Desktop clients' && rng.bool(0.4)) incoming = 'primaryRefreshToken';
    else incoming = rng.bool(0.6) ? 'refreshToken' : 'none';
  }

  const processing: KeyValue[] = [LEGACY_TLS_FALSE];
  if (!interactive) {
    const scopes = RESOURCE_SCOPES[choice.resource.appId];
    processing.push(scopeInfo(scopes ? rng.pick(scopes) : DEFAULT_SCOPES));
  }
  processing.push(!interactive && rng.bool(0.15) ? CAE_TRUE : CAE_FALSE);

  const resourceTenant = tenant.id;
  const correlationId = spec.correlationId ?? rng.uuid();
  const env = signInEnvelope(rng, time, tick);
  const namedLocations = choice.origin.network?.trusted ? td.namedLocationNames(choice.origin.network) : NONE;
  return {
    category: choice.category,
    id,
    time,
    tick,
    envelopeTime: env.envelopeTime,
    envelopeTick: env.envelopeTick,
    eventType: interactive ? 'interactiveUser' : 'nonInteractiveUser',
    isInteractive: interactive,
    correlationId,
    originalRequestId: spec.originalRequestId ?? id,
    sessionId: choice.sessionId,
    uniqueTokenIdentifier: spec.uniqueTokenIdentifier ?? uniqueTokenIdentifierOf(id),
    ...status,
    user: choice.signInUser,
    appId: choice.client.appId,
    appDisplayName: choice.client.displayName,
    appOwnerTenantId: choice.client.appOwnerTenantId,
    servicePrincipalId: '',
    servicePrincipalName: '',
    resourceId: choice.resource.appId,
    resourceDisplayName: choice.resource.displayName,
    resourceServicePrincipalId: choice.resource.servicePrincipalId,
    resourceOwnerTenantId: choice.resource.appOwnerTenantId,
    resourceTenantId: resourceTenant,
    ipAddress: choice.origin.ipAddress,
    location: geoOfNetwork(choice.origin.network),
    autonomousSystemNumber: choice.origin.network?.asn ?? null,
    namedLocations,
    clientAppUsed: clientAppUsedOf(choice),
    userAgent: userAgentOf(choice, spec),
    device,
    authenticationProtocol: 'none',
    incomingTokenType: incoming,
    clientCredentialType: 'none',
    tokenIssuerType: 'AzureAD',
    tokenIssuerName: '',
    processingTimeInMilliseconds: spec.processingTimeInMilliseconds ?? (interactive ? processingTime(rng, 35, 60) : processingTime(rng, 45, 30)),
    conditionalAccessStatus: ca.status,
    appliedConditionalAccessPolicies: ca.policies,
    authenticationRequirement: requirement,
    authenticationRequirementPolicies: requirementPolicies,
    authenticationDetails: steps,
    authenticationProcessingDetails: processing,
    mfaMethod,
    risk,
    crossTenantAccessType: choice.signInUser.userType === 'Guest' && choice.signInUser.homeTenantId !== tenant.id ? 'b2bCollaboration' : 'none',
    conditionalAccessAudiences: [choice.resource.appId],
    tokenProtection: UNBOUND_TOKEN,
    servicePrincipalCredentialKeyId: null,
    servicePrincipalCredentialThumbprint: null,
    federatedCredentialId: null,
    managedIdentity: null,
    adfs: null,
  };
}

/** Seconds between an interrupt and the outcome: KMSI is a click, MFA a phone, enrolment a wizard. */
function interruptGap(rng: Rng, code: number): number {
  switch (code) {
    case 50140:
    case 50199:
      return rng.range(2_000, 15_000);
    case 50074:
    case 50076:
      return rng.range(8_000, 45_000);
    default:
      return rng.range(60_000, 400_000);
  }
}

/**
 * The records of one user action: a single record, or an interrupt record followed by the
 * outcome record (same correlation id, originalRequestId = the first record's id).
 */
export function buildUserSignInFlow(ctx: BuildContext, time: number, spec: UserSignInFlowSpec = {}): SignInActivity[] {
  return flow(ctx, time, spec, false);
}

/** Baseline variant: the same, with baseline-only randomness (the odd low-risk sign-in). */
export function buildBaselineUserFlow(ctx: BuildContext, time: number, spec: UserSignInFlowSpec): SignInActivity[] {
  return flow(ctx, time, spec, true);
}

function flow(ctx: BuildContext, time: number, spec: UserSignInFlowSpec, baseline: boolean): SignInActivity[] {
  const td = signInTenantData(ctx.tenant);
  let choice = resolveChoice(ctx, td, time, spec);
  if (baseline && spec.errorCode === undefined && spec.resource === undefined) {
    // People whose device a device-state policy blocks from mail and files mostly stop
    // trying; keep the odd 53000 rather than one per blocked attempt.
    const isAdmin = choice.user !== null && choice.user.roles.length > 0;
    const req = caRequirements(td.policies, caInputOf(choice, spec, ctx.tenant.licence === 'p2', isAdmin));
    if (req.block === 'device' && ctx.rng.bool(0.9)) choice = { ...choice, resource: td.graph };
  }
  const interrupt = spec.interrupt;
  if (interrupt === undefined || !aadstsError(interrupt).interrupt) {
    return [buildFromChoice(ctx, td, time, choice, spec, baseline)];
  }
  const first = buildFromChoice(ctx, td, time, choice, { ...spec, errorCode: interrupt }, baseline);
  const mfaInterrupt = MFA_INTERRUPTS.has(interrupt) || interrupt === 50072;
  const second = buildFromChoice(
    ctx,
    td,
    time + interruptGap(ctx.rng, interrupt),
    choice,
    {
      ...spec,
      id: undefined,
      uniqueTokenIdentifier: undefined,
      errorCode: spec.errorCode ?? 0,
      correlationId: first.correlationId,
      originalRequestId: first.id,
      mfa: spec.mfa ?? (mfaInterrupt ? 'performed' : undefined),
      primary: spec.primary ?? (first.authenticationDetails[0]?.method === 'Password' ? 'password' : 'sso'),
    },
    baseline,
  );
  return [first, second];
}
