/**
 * Who initiated an audit event, and what that implies for the record: `initiatedBy`, the
 * envelope `callerIpAddress` and `identity`, and the User-Agent detail.
 *
 * Observed conventions [obs, Datadog 2025 / OTRF / Sekoia]:
 * - Microsoft back-end services: `initiatedBy.app` with appId null and the SP's object id;
 *   `identity` = the service name; `callerIpAddress` = a Microsoft address.
 * - Users acting through Core Directory: `initiatedBy.user.displayName` (and `identity`) is the
 *   client they acted through ("Microsoft App Access Panel", "Microsoft Teams Services",
 *   "Microsoft_AAD_RegisteredApps"), `roles: []`, `ipAddress` their IP.
 * - Users acting through other services (Authentication Methods, PIM, Conditional Access):
 *   their own display name.
 * - Self-service password events: displayName null, ipAddress "", no identity, no caller IP.
 */
import type { BuildContext } from '../../core/activity.ts';
import type { Rng } from '../../core/random.ts';
import type { Tenant, User } from '../../tenant/types.ts';
import {
  ADMIN_CLIENTS,
  GRAPH_SDK_AGENTS,
  POWERSHELL_AGENTS,
  SERVICE_ACTORS,
  type AdminArea,
  type AdminClientRow,
  type ServiceActorKey,
} from '../../data/audit-activities.ts';
import { auditLookups, type AppRef } from './lookups.ts';
import type { AuditInitiator, AuditKeyValue, AuditModifiedProperty } from './model.ts';

/** An initiator resolved to everything the record needs from it. */
export interface ResolvedActor {
  readonly initiatedBy: AuditInitiator | null;
  readonly callerIpAddress: string | null;
  readonly identity: string | null;
  /** User-Agent of the client, when Entra records one in additionalDetails. */
  readonly userAgent: string | null;
  /** The tenant user behind the action, if any. */
  readonly user: User | null;
  /** `ActorId.ServicePrincipalNames` / `SPN` entries some services add [obs]. */
  readonly actorProperties: ReadonlyArray<AuditModifiedProperty>;
}

const CLIENT_TABLES = new Map<AdminArea, ReadonlyArray<readonly [AdminClientRow, number]>>();

/** Clients used for an admin area, with weights (computed once per area). */
function clientTable(area: AdminArea): ReadonlyArray<readonly [AdminClientRow, number]> {
  let t = CLIENT_TABLES.get(area);
  if (!t) {
    t = ADMIN_CLIENTS.filter((c) => c.areas.includes(area)).map((c) => [c, c.weight] as const);
    CLIENT_TABLES.set(area, t);
  }
  return t;
}

/** An IP the user acts from: mostly the office, sometimes home or the phone carrier. */
export function userIp(rng: Rng, tenant: Tenant, user: User): string {
  const r = rng.next();
  if (r < 0.62) return tenant.ipIn(user.officeLocation.network, 1 + rng.int(40));
  if (r < 0.94) return tenant.ipIn(user.homeNetwork, 1 + (user.index % 250));
  return tenant.ipIn(user.mobileNetwork, rng.int(254));
}

/** An address of Microsoft's network (AS8075) — where back-end services call from. */
export function microsoftIp(rng: Rng, tenant: Tenant): string {
  return tenant.ipIn(auditLookups(tenant).microsoftNetwork, rng.int(254));
}

function clientAgent(rng: Rng, user: User, agent: 'browser' | 'powershell' | 'graphSdk'): string {
  if (agent === 'browser') return user.devices[0]!.userAgent;
  return rng.pick(agent === 'powershell' ? POWERSHELL_AGENTS : GRAPH_SDK_AGENTS);
}

/** A user acting through Core Directory via a portal blade, PowerShell or the Graph SDK. */
export function directoryUser(ctx: BuildContext, user: User, opts: { client?: string; ipAddress?: string; area?: AdminArea } = {}): ResolvedActor {
  const { rng, tenant } = ctx;
  const row = opts.client ? ADMIN_CLIENTS.find((c) => c.displayName === opts.client) : rng.weighted(clientTable(opts.area ?? 'users'));
  const client = opts.client ?? row!.displayName;
  const ip = opts.ipAddress ?? userIp(rng, tenant, user);
  return {
    initiatedBy: {
      kind: 'user',
      id: user.id,
      displayName: client,
      userPrincipalName: user.directoryUpn,
      ipAddress: ip,
      homeTenantId: user.homeTenantId,
      homeTenantName: user.homeTenantName,
    },
    callerIpAddress: ip,
    identity: client,
    userAgent: clientAgent(rng, user, row?.agent ?? 'browser'),
    user,
    actorProperties: [],
  };
}

/** A user acting in their own name (Authentication Methods, PIM, Conditional Access, DRS). */
export function namedUser(ctx: BuildContext, user: User, ipAddress?: string): ResolvedActor {
  const ip = ipAddress ?? userIp(ctx.rng, ctx.tenant, user);
  return {
    initiatedBy: {
      kind: 'user',
      id: user.id,
      displayName: user.displayName,
      userPrincipalName: user.directoryUpn,
      ipAddress: ip,
      homeTenantId: user.homeTenantId,
      homeTenantName: user.homeTenantName,
    },
    callerIpAddress: ip,
    identity: user.displayName,
    userAgent: user.devices[0]!.userAgent,
    user,
    actorProperties: [],
  };
}

/** A user in a self-service password flow: Entra records no name, IP or identity [obs]. */
export function ssprUser(user: User): ResolvedActor {
  return {
    initiatedBy: {
      kind: 'user',
      id: user.id,
      displayName: null,
      userPrincipalName: user.directoryUpn,
      ipAddress: '',
      homeTenantId: user.homeTenantId,
      homeTenantName: user.homeTenantName,
    },
    callerIpAddress: null,
    identity: null,
    userAgent: null,
    user,
    actorProperties: [],
  };
}

/** A Microsoft back-end service principal. */
export function serviceActor(ctx: BuildContext, key: ServiceActorKey): ResolvedActor {
  const row = SERVICE_ACTORS[key];
  const spns = 'spns' in row ? row.spns : undefined;
  const spnValue = spns === undefined ? null : JSON.stringify(spns);
  return {
    initiatedBy: {
      kind: 'app',
      appId: null,
      displayName: row.displayName,
      servicePrincipalId: auditLookups(ctx.tenant).serviceSp[key],
      servicePrincipalName: null,
    },
    callerIpAddress: microsoftIp(ctx.rng, ctx.tenant),
    identity: row.displayName,
    userAgent: null,
    user: null,
    actorProperties:
      spnValue === null
        ? []
        : [
            { displayName: 'ActorId.ServicePrincipalNames', oldValue: null, newValue: spnValue },
            { displayName: 'SPN', oldValue: null, newValue: spnValue },
          ],
  };
}

/** A tenant or third-party application acting with its own identity (Graph app permissions). */
export function appActor(ctx: BuildContext, app: AppRef): ResolvedActor {
  return {
    initiatedBy: {
      kind: 'app',
      appId: app.appId,
      displayName: app.displayName,
      servicePrincipalId: app.servicePrincipalId,
      servicePrincipalName: null,
    },
    callerIpAddress: microsoftIp(ctx.rng, ctx.tenant),
    identity: app.displayName,
    userAgent: null,
    user: null,
    actorProperties: [],
  };
}

/** `additionalDetails` User-Agent entry of an actor, if it has one. */
export function agentDetail(actor: ResolvedActor): AuditKeyValue[] {
  return actor.userAgent ? [{ key: 'User-Agent', value: actor.userAgent }] : [];
}

/** A tenant admin, preferring one holding a role from `roles` (template ids) when given. */
export function pickAdmin(rng: Rng, tenant: Tenant, roles?: ReadonlyArray<string>): User {
  if (roles && roles.length > 0) {
    const fit = tenant.admins.filter((a) => a.roles.some((r) => roles.includes(r.templateId)));
    if (fit.length > 0 && rng.bool(0.8)) return rng.pick(fit);
  }
  return rng.pick(tenant.admins);
}
