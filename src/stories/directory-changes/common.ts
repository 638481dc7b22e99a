/**
 * Helpers the directory-change stories share: actors and targets drawn from the tenant with
 * the story's rng, attacker infrastructure from the tenant's hosting/VPN networks, the admin
 * sign-in that precedes an audited change (so the audit initiator's IP is the IP the admin
 * signed in from), and small conveniences for forcing fields on built activities.
 */
import type { BuildContext } from '../../core/activity.ts';
import type { Rng } from '../../core/random.ts';
import type { Network, NetworkKind, Tenant, User } from '../../tenant/types.ts';
import { buildUserSignInFlow, type SignInActivity } from '../../categories/sign-ins/index.ts';
import type { StoryContext } from '../types.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** Role template ids the stories look for. */
export const ROLE = {
  globalAdmin: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdmin: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  userAdmin: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  appAdmin: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  cloudAppAdmin: '158c047a-c907-4556-b7ef-446551a6b5f7',
  guestInviter: '95e79109-95c0-4d8e-aee3-d01accf2d47b',
  attributeAssignmentAdmin: '58a13ea3-c632-46ae-9ee0-9c0d43cd7f3d',
} as const;

export function buildContext(ctx: StoryContext): BuildContext {
  return { rng: ctx.rng, tenant: ctx.tenant };
}

/** Offsets within a span, sorted: when each of n things happens. */
export function spread(rng: Rng, n: number, span: number): number[] {
  const out = Array.from({ length: n }, () => Math.floor(rng.next() * span));
  return out.sort((a, b) => a - b);
}

/** The index of an admin holding one of `roles` (template ids), in that order of preference; else the first admin. */
export function adminIndex(rng: Rng, tenant: Tenant, roles: ReadonlyArray<string>, avoid: ReadonlySet<number> = new Set()): number {
  for (const role of roles) {
    const fit = tenant.admins.filter((a) => !avoid.has(a.index) && a.roles.some((r) => r.templateId === role));
    if (fit.length > 0) return rng.pick(fit).index;
  }
  const any = tenant.admins.filter((a) => !avoid.has(a.index));
  return (any.length > 0 ? rng.pick(any) : tenant.admins[0]!).index;
}

/** An enabled member without directory roles (the ordinary victim or target). */
export function memberIndex(rng: Rng, tenant: Tenant, avoid: ReadonlySet<number> = new Set()): number {
  const first = tenant.admins.length;
  for (let i = 0; i < 64; i++) {
    const index = first + rng.int(Math.max(1, tenant.memberCount - first));
    const u = tenant.user(index);
    if (u.accountEnabled && u.roles.length === 0 && u.userType === 'Member' && !avoid.has(index)) return index;
  }
  return Math.min(first, tenant.memberCount - 1);
}

/** An enabled guest (the last indexes of the tenant); a member when the tenant has none. */
export function guestIndex(rng: Rng, tenant: Tenant): number {
  const guests = tenant.userCount - tenant.memberCount;
  for (let i = 0; i < 32 && guests > 0; i++) {
    const index = tenant.memberCount + rng.int(guests);
    if (tenant.user(index).accountEnabled) return index;
  }
  return guests > 0 ? tenant.memberCount : memberIndex(rng, tenant);
}

/** A user index param checked against the tenant. */
export function userParam(tenant: Tenant, index: number | undefined, what: string): number | undefined {
  if (index === undefined) return undefined;
  if (!Number.isInteger(index) || index < 0 || index >= tenant.userCount) throw new RangeError(`${what}: no user ${index} in a tenant of ${tenant.userCount}`);
  return index;
}

/**
 * A network attackers use: one of the tenant's networks of the given kinds (VPN exits,
 * hosting providers, Tor), never a corporate or consumer one, optionally filtered.
 */
export function attackerNetwork(rng: Rng, tenant: Tenant, kinds: ReadonlyArray<NetworkKind>, keep: (n: Network) => boolean = () => true): Network {
  for (const kind of kinds) {
    const pool = tenant.networks.filter((n) => n.kind === kind && keep(n));
    if (pool.length > 0) return rng.pick(pool);
  }
  const any = tenant.networks.filter((n) => n.kind === 'hosting' || n.kind === 'vpn' || n.kind === 'tor');
  if (any.length === 0) throw new RangeError('the tenant has no hosting, VPN or Tor networks');
  return rng.pick(any);
}

/** One address of a network, geolocated by the tenant like every other IP. */
export function ipOf(rng: Rng, tenant: Tenant, network: Network): string {
  return tenant.ipIn(network, rng.range(1, 254));
}

/** Microsoft's own cloud (AS8075): "an Azure IP" for the rules that check Azure ranges. */
export function azureNetwork(tenant: Tenant): Network {
  const n = tenant.networks.find((x) => x.kind === 'hosting' && x.asn === 8075);
  if (!n) throw new RangeError('the tenant has no Microsoft (AS8075) hosting network');
  return n;
}

/** The address a user works from today: their office egress, or home. */
export function usualIp(rng: Rng, tenant: Tenant, user: User): string {
  return rng.bool(0.65) ? tenant.ipIn(user.officeLocation.network, 1 + rng.int(4)) : tenant.ipIn(user.homeNetwork, 1 + (user.index % 250));
}

/**
 * An administrator's successful interactive sign-in to an admin tool (with MFA), from `ip`:
 * the records Entra writes (maybe an MFA interrupt, then the success) and the token's
 * sign-in (the last record).
 */
export function adminSignIn(bctx: BuildContext, time: number, user: number, ip: string, app = 'Azure Portal'): SignInActivity[] {
  return buildUserSignInFlow(bctx, time, { user, app, ip, errorCode: 0, mfa: 'performed', primary: 'password', ...(bctx.rng.bool(0.5) ? { interrupt: 50074 } : {}) });
}

/** The last record of a flow: the one whose token the later calls carry. */
export function lastOf<T>(items: ReadonlyArray<T>): T {
  const x = items[items.length - 1];
  if (x === undefined) throw new RangeError('empty flow');
  return x;
}
