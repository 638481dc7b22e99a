/**
 * What the stories of this family share: choosing actors from the tenant with the story's
 * rng, attacker networks, the administrator who acts in the portal (and the sign-in that
 * gives the audit record its IP), and the AuditLogs records Identity Protection writes
 * when an administrator confirms or dismisses risk.
 */
import type { ActivityBase, BuildContext } from '../../core/activity.ts';
import type { Rng } from '../../core/random.ts';
import type { Network, NetworkKind, Tenant, User } from '../../tenant/types.ts';
import { buildUserSignInFlow } from '../../categories/sign-ins/index.ts';
import type { SignInActivity } from '../../categories/sign-ins/index.ts';
import type { DirectoryAuditActivity } from '../../categories/audit/index.ts';
import { identityProtectionAudit as buildIdentityProtectionAudit, type IdentityProtectionAuditActivity } from '../../categories/audit/identity-protection.ts';
import type { StoryContext } from '../types.ts';

/** The builders' context: the tenant and the story's own stream. */
export function buildContext(ctx: StoryContext): BuildContext {
  return { rng: ctx.rng, tenant: ctx.tenant };
}

/**
 * When the story's first event happens: the placement time plus a few seconds, so that
 * records do not all sit on the whole minute a scenario file names.
 */
export function storyStart(ctx: StoryContext): number {
  return ctx.at + ctx.rng.range(1_000, 45_000);
}

/** Attacker infrastructure a story may come from (never the tenant's own networks). */
export type AttackerNetworkKind = 'vpn' | 'hosting' | 'tor';

/**
 * A network of the given kind, preferably outside `avoidCountry` (an attacker's VPN exit
 * or VPS rarely sits in the victim's country). Falls back to any network of the kind.
 */
export function attackerNetwork(rng: Rng, tenant: Tenant, kind: NetworkKind, avoidCountry?: string, avoidAsn?: number): Network {
  const all = tenant.networks.filter((n) => n.kind === kind);
  if (all.length === 0) throw new RangeError(`the tenant has no ${kind} network`);
  const foreign = all.filter((n) => n.geo.countryOrRegion !== avoidCountry && n.asn !== avoidAsn);
  return rng.pick(foreign.length > 0 ? foreign : all);
}

/** An IP of a network, through `tenant.ipIn` so every record geolocates it the same way. */
export function ipOfNetwork(rng: Rng, tenant: Tenant, net: Network): string {
  return tenant.ipIn(net, rng.range(2, 254));
}

/**
 * The user a story is about: the index given, else a random enabled member who holds no
 * admin role (the usual phishing victim; admins have stories of their own).
 */
export function storyUser(ctx: StoryContext, index: number | undefined): User {
  const t = ctx.tenant;
  if (index !== undefined) {
    if (!Number.isInteger(index) || index < 0 || index >= t.userCount) throw new RangeError(`user index ${index} is outside 0..${t.userCount - 1}`);
    return t.user(index);
  }
  for (let i = 0; i < 64; i++) {
    const u = t.user(ctx.rng.int(t.memberCount));
    if (u.accountEnabled && u.roles.length === 0 && u.userType === 'Member') return u;
  }
  return t.user(t.memberCount - 1);
}

/** Roles that may act in Identity Protection (confirm / dismiss risk), best first. */
const RISK_ADMIN_ROLES = [
  '194ae4cb-b126-40b2-bd5b-6091b380977d', // Security Administrator
  '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f', // Security Operator
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
];

/** The administrator who handles the case: a security role holder, not the break-glass account when avoidable. */
export function securityAdmin(ctx: StoryContext): User {
  const admins = ctx.tenant.admins;
  const fit = admins.filter((a) => a.index !== 0 && a.roles.some((r) => RISK_ADMIN_ROLES.includes(r.templateId)));
  if (fit.length > 0) return ctx.rng.pick(fit);
  const others = admins.filter((a) => a.index !== 0);
  return others.length > 0 ? ctx.rng.pick(others) : ctx.tenant.user(0);
}

/**
 * The admin opening the Entra admin center from the office a few minutes before acting:
 * the sign-in records (MFA as the admins' policy requires) and the IP the audit record
 * repeats as its initiator's address.
 */
export function adminPortalSignIn(ctx: StoryContext, admin: User, time: number): { readonly records: SignInActivity[]; readonly ip: string } {
  const b = buildContext(ctx);
  const net = admin.officeLocation.network;
  const ip = ctx.tenant.ipIn(net, 1 + ctx.rng.int(4));
  const records = buildUserSignInFlow(b, time, { user: admin.index, app: 'Azure Portal', resource: 'Microsoft Graph', ip, device: 0, mfa: 'satisfiedByClaim' });
  return { records, ip };
}

/** What Identity Protection logs in AuditLogs (service "Identity Protection", category "Other"). */
export type { IdentityProtectionAuditActivity } from '../../categories/audit/identity-protection.ts';

export interface IdentityProtectionAuditSpec {
  readonly activity: IdentityProtectionAuditActivity;
  readonly admin: User;
  /** The admin's IP (their portal sign-in). */
  readonly ip: string;
  readonly target:
    | { readonly kind: 'user'; readonly user: User }
    | { readonly kind: 'servicePrincipal'; readonly id: string; readonly displayName: string };
}

/** The audit record of an admin's Identity Protection action in the portal. */
export function identityProtectionAudit(ctx: StoryContext, time: number, spec: IdentityProtectionAuditSpec): DirectoryAuditActivity {
  return buildIdentityProtectionAudit({ rng: ctx.rng, tenant: ctx.tenant }, time, {
    activity: spec.activity,
    actor: { kind: 'user', user: spec.admin, ip: spec.ip },
    target: spec.target,
  });
}

/** Sorts a story's records by time (the engine sorts too; tests read them in order). */
export function byTime<T extends ActivityBase>(records: T[]): T[] {
  return records.sort((a, b) => a.time - b.time || a.tick - b.tick);
}
