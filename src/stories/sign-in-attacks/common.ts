/**
 * Pieces the sign-in attack stories share: where attackers come from, which accounts
 * they aim at, and the few record details the sign-in builders leave to the caller
 * (the MFA denial text in `status.additionalDetails`, an account excluded from
 * Conditional Access).
 */
import type { BuildContext } from '../../core/activity.ts';
import type { Rng } from '../../core/random.ts';
import type { AppliedPolicy, AuthStep, DeviceSnapshot, SignInActivity } from '../../categories/sign-ins/index.ts';
import { CA_CONDITION } from '../../categories/sign-ins/conditional-access.ts';
import type { Network, NetworkKind, Tenant, User } from '../../tenant/types.ts';
import type { StoryContext } from '../types.ts';

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** What the sign-in builders need from a story context. */
export function buildContext(ctx: StoryContext): BuildContext {
  return { rng: ctx.rng, tenant: ctx.tenant };
}

/** Countries the tenant has offices in: its users live and travel there. */
export function officeCountries(tenant: Tenant): Set<string> {
  return new Set(tenant.namedLocations.map((l) => l.network.geo.countryOrRegion));
}

/** Rented infrastructure: clouds, commercial VPNs, Tor exits. */
export const ATTACKER_KINDS: ReadonlyArray<NetworkKind> = ['hosting', 'vpn', 'tor'];

/**
 * An attacker network of the given kinds. Microsoft's own cloud range is left out: the
 * tenant's daemons and managed identities run there, so an attack from it would hide.
 */
export function attackerNetwork(tenant: Tenant, rng: Rng, kinds: ReadonlyArray<NetworkKind> = ATTACKER_KINDS): Network {
  const pool = tenant.networks.filter((n) => kinds.includes(n.kind) && n.asn !== 8075);
  if (pool.length === 0) throw new RangeError(`the tenant has no ${kinds.join('/')} network`);
  return rng.pick(pool);
}

/** Home and mobile networks of countries the tenant has no office in (residential proxies, travellers' destinations). */
export function foreignConsumerNetworks(tenant: Tenant): Network[] {
  const home = officeCountries(tenant);
  return tenant.networks.filter((n) => (n.kind === 'home' || n.kind === 'mobile') && !home.has(n.geo.countryOrRegion));
}

/** One address of a network; the host part avoids .1–.4, which corporate NATs use. */
export function ipOf(tenant: Tenant, rng: Rng, network: Network): string {
  return tenant.ipIn(network, rng.range(5, 254));
}

/** Distinct user indexes matching `keep`, drawn with the story's stream. */
export function pickUsers(tenant: Tenant, rng: Rng, count: number, keep: (u: User) => boolean): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  const tries = Math.max(200, count * 20);
  for (let i = 0; i < tries && out.length < count; i++) {
    const index = rng.int(tenant.userCount);
    if (seen.has(index)) continue;
    seen.add(index);
    if (keep(tenant.user(index))) out.push(index);
  }
  // Small tenants: walk the rest in order so the count is met whenever it can be.
  for (let index = 0; index < tenant.userCount && out.length < count; index++) {
    if (!seen.has(index) && keep(tenant.user(index))) {
      seen.add(index);
      out.push(index);
    }
  }
  return out;
}

export const isActiveMember = (u: User): boolean => u.accountEnabled && u.userType === 'Member';
export const isDisabled = (u: User): boolean => !u.accountEnabled && u.userType === 'Member';

/** The user a story names, else an enabled member drawn from the tenant (an admin when `preferAdmin`). */
export function victim(tenant: Tenant, rng: Rng, index: number | undefined, preferAdmin = false): User {
  if (index !== undefined) {
    if (index < 0 || index >= tenant.userCount) throw new RangeError(`user ${index} is outside the tenant (0..${tenant.userCount - 1})`);
    return tenant.user(index);
  }
  if (preferAdmin) {
    const admins = tenant.admins.filter((u) => u.accountEnabled);
    if (admins.length > 0) return rng.pick(admins);
  }
  return tenant.user(pickUsers(tenant, rng, 1, isActiveMember)[0] ?? 0);
}

/** Role mailboxes and guessed names every spray list carries; most do not exist in a given tenant. */
const GUESSED_LOCAL_PARTS = ['admin', 'administrator', 'it.support', 'helpdesk', 'test', 'scanner', 'backup', 'sales', 'info', 'hr', 'finance', 'service.desk'];

/** UPNs that look like the tenant's but belong to nobody (AADSTS50034). */
export function guessedUpns(tenant: Tenant, rng: Rng, count: number): string[] {
  const domain = tenant.domains[0]!;
  const locals = [...GUESSED_LOCAL_PARTS];
  const out: string[] = [];
  while (out.length < count && locals.length > 0) out.push(`${locals.splice(rng.int(locals.length), 1)[0]!}@${domain}`);
  for (let i = 0; out.length < count; i++) out.push(`user${String(rng.range(100, 9999))}@${domain}`);
  return out;
}

/** Desktop browser agents attack tooling presents when it drives the web sign-in page. */
export const ATTACKER_BROWSER_AGENTS: ReadonlyArray<string> = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
];

/** MFA denial texts as `status.additionalDetails` and the MFA step's result carry them. */
export const MFA_DECLINED = 'MFA denied; user declined the authentication';
export const MFA_NO_RESPONSE = 'MFA denied; user did not respond to mobile app notification';
export const MFA_FRAUD = 'MFA denied; Phone App Reported Fraud';

const MFA_STEP = 'Multi-factor authentication';

/**
 * A 500121 record with the reason Entra writes for it: the builder picks the MFA step's
 * text at random and leaves `status.additionalDetails` empty, while real denials carry the
 * same reason in both (the field MFA-denial detections read).
 */
export function withMfaDenial(a: SignInActivity, detail: string): SignInActivity {
  const steps: AuthStep[] = a.authenticationDetails.map((s) => (s.requirement === MFA_STEP && !s.succeeded ? { ...s, resultDetail: detail } : s));
  return { ...a, additionalDetails: detail, authenticationDetails: steps };
}

/**
 * A sign-in by an account excluded from every Conditional Access policy (service and
 * shared mailboxes put in the "legacy auth exception" group): each enforced policy reads
 * not applied because the users condition failed, nothing asks for MFA, and the
 * password alone gets the token.
 */
export function excludedFromConditionalAccess(a: SignInActivity): SignInActivity {
  const USERS = CA_CONDITION.users;
  const policies: AppliedPolicy[] = a.appliedConditionalAccessPolicies.map((p) =>
    p.result === 'notEnabled'
      ? p
      : {
          ...p,
          result: p.result.startsWith('reportOnly') ? 'reportOnlyNotApplied' : 'notApplied',
          conditionsSatisfied: p.conditionsSatisfied & ~USERS,
          conditionsNotSatisfied: p.conditionsNotSatisfied | USERS,
        },
  );
  const steps = a.authenticationDetails.filter((s) => s.requirement !== MFA_STEP);
  return {
    ...a,
    appliedConditionalAccessPolicies: policies,
    conditionalAccessStatus: 'notApplied',
    authenticationRequirement: 'singleFactorAuthentication',
    authenticationRequirementPolicies: [],
    authenticationDetails: steps,
    mfaMethod: null,
  };
}

/**
 * Basic authentication cannot answer a second factor: a legacy sign-in stops at the
 * password (the builder adds a denied MFA step when a policy wants MFA; real 53003 legacy
 * records show the password step only).
 */
export function withoutMfaStep(a: SignInActivity): SignInActivity {
  const steps = a.authenticationDetails.filter((s) => s.requirement !== MFA_STEP);
  return steps.length === a.authenticationDetails.length ? a : { ...a, authenticationDetails: steps, mfaMethod: null };
}

/** The device an attack tool presents: nothing registered, the OS and browser its agent claims. */
export function attackerDevice(a: SignInActivity, operatingSystem: string, browser: string, clientAppUsed?: string): SignInActivity {
  const device: DeviceSnapshot = { deviceId: '', displayName: '', operatingSystem, browser, isCompliant: false, isManaged: false, trustType: '' };
  return { ...a, device, ...(clientAppUsed !== undefined ? { clientAppUsed } : {}) };
}

/** Integer in [min, max] seconds, as ms. */
export function seconds(rng: Rng, min: number, max: number): number {
  return rng.range(min * SECOND, max * SECOND);
}
