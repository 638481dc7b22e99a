/**
 * Shared helpers of the audit shapes: the environment a shape runs in, target and
 * modified-property builders (values are JSON text, notes §A.4), and how a spec's initiator
 * and targets resolve to tenant objects.
 */
import type { BuildContext } from '../../../core/activity.ts';
import type { Rng } from '../../../core/random.ts';
import type { DirectoryRole, Group, Tenant, User } from '../../../tenant/types.ts';
import type { AdminArea, AuditActivityName } from '../../../data/audit-activities.ts';
import { appActor, directoryUser, namedUser, pickAdmin, serviceActor, type ResolvedActor } from '../actors.ts';
import type { AuditEmitter } from '../emit.ts';
import { randomMember, resolveApp, type AppRef, type TenantAuditLookups } from '../lookups.ts';
import type { AuditKeyValue, AuditModifiedProperty, AuditTarget } from '../model.ts';
import type { AuditEventSpec } from '../spec.ts';

export interface ShapeEnv {
  readonly ctx: BuildContext;
  readonly rng: Rng;
  readonly tenant: Tenant;
  readonly lookups: TenantAuditLookups;
  readonly spec: AuditEventSpec;
  readonly em: AuditEmitter;
  readonly name: AuditActivityName;
  /** Whether to write companion records. */
  readonly companions: boolean;
}

export const js = JSON.stringify;

export function mp(displayName: string, oldValue: string | null, newValue: string | null): AuditModifiedProperty {
  return { displayName, oldValue, newValue };
}

/** `"Included Updated Properties"`: the changed names, comma-separated, as a JSON string [obs]. */
export function included(names: ReadonlyArray<string>): AuditModifiedProperty {
  return mp('Included Updated Properties', null, js(names.join(', ')));
}

export function userTypeProp(user: User): AuditModifiedProperty {
  return mp('TargetId.UserType', null, js(user.userType));
}

export function userTypeDetail(user: User): AuditKeyValue {
  return { key: 'UserType', value: user.userType };
}

/** Core Directory user target: displayName null, the directory UPN [obs]. */
export function dirUserTarget(user: User, mods: ReadonlyArray<AuditModifiedProperty>): AuditTarget {
  return { id: user.id, displayName: null, type: 'User', userPrincipalName: user.directoryUpn, modifiedProperties: mods };
}

/** User target as Authentication Methods / SSPR / PIM write it: with the display name [obs]. */
export function namedUserTarget(user: User, mods: ReadonlyArray<AuditModifiedProperty> = []): AuditTarget {
  return { id: user.id, displayName: user.displayName, type: 'User', userPrincipalName: user.directoryUpn, modifiedProperties: mods };
}

/** Group target; security groups come out as `unknownFutureValue` in 2025 records [obs, Sekoia]. */
export function groupTarget(group: Group, withName: boolean, mods: ReadonlyArray<AuditModifiedProperty> = []): AuditTarget {
  return {
    id: group.id,
    displayName: withName ? group.displayName : null,
    type: 'Group',
    groupType: group.groupType === 'unifiedGroups' ? 'unifiedGroups' : 'unknownFutureValue',
    modifiedProperties: mods,
  };
}

export function spTarget(app: AppRef, mods: ReadonlyArray<AuditModifiedProperty>, withName = true): AuditTarget {
  return { id: app.servicePrincipalId, displayName: withName ? app.displayName : null, type: 'ServicePrincipal', modifiedProperties: mods };
}

export function appTarget(app: AppRef, mods: ReadonlyArray<AuditModifiedProperty>): AuditTarget {
  return { id: app.objectId, displayName: app.displayName, type: 'Application', modifiedProperties: mods };
}

export function plainTarget(id: string | null, displayName: string | null, type: string, mods: ReadonlyArray<AuditModifiedProperty> = []): AuditTarget {
  return { id, displayName, type, modifiedProperties: mods };
}

export function subjectUser(env: ShapeEnv): User {
  const i = env.spec.target?.user;
  return i !== undefined ? env.tenant.user(i) : randomMember(env.rng, env.tenant);
}

export function subjectGroup(env: ShapeEnv): Group {
  const i = env.spec.target?.group;
  const groups = env.tenant.groups;
  return i !== undefined ? groups[i % groups.length]! : env.rng.pick(groups);
}

const COMMON_ROLES: ReadonlyArray<readonly [string, number]> = [
  ['729827e3-9c14-49f7-bb1b-9608f156bbb8', 20], // Helpdesk Administrator
  ['fe930be7-5e62-47db-91af-98c3a49a38b1', 18], // User Administrator
  ['f2ef992c-3afb-46b9-b7cf-a126ee74c451', 14], // Global Reader
  ['5d6b6bb7-de71-4623-b4af-96380a352509', 10], // Security Reader
  ['194ae4cb-b126-40b2-bd5b-6091b380977d', 8], // Security Administrator
  ['158c047a-c907-4556-b7ef-446551a6b5f7', 8], // Cloud Application Administrator
  ['29232cdf-9323-42fd-ade2-1d097af3e4de', 7], // Exchange Administrator
  ['62e90394-69f5-4237-9190-012177145e10', 6], // Global Administrator
  ['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 5], // Application Administrator
  ['e8611ab8-c189-46e8-94e1-60213ab1f814', 2], // Privileged Role Administrator
];

export function subjectRole(env: ShapeEnv, holder?: User): DirectoryRole {
  const want = env.spec.target?.role;
  if (want !== undefined) {
    const w = want.toLowerCase();
    const found = env.tenant.roles.find((r) => r.templateId === w || r.displayName.toLowerCase() === w);
    if (found) return found;
    throw new RangeError(`unknown directory role ${JSON.stringify(want)}`);
  }
  if (holder && holder.roles.length > 0) return holder.roles[0]!;
  const id = env.rng.weighted(COMMON_ROLES);
  return env.tenant.roles.find((r) => r.templateId === id) ?? env.tenant.roles[0]!;
}

export function clientApp(env: ShapeEnv, pool: ReadonlyArray<AppRef>): AppRef {
  const name = env.spec.target?.app;
  if (name !== undefined) return resolveApp(env.tenant, name);
  return pool.length > 0 ? env.rng.pick(pool) : env.rng.pick(env.lookups.tenantApps);
}

export function resourceApp(env: ShapeEnv): AppRef {
  const name = env.spec.target?.resourceApp;
  return name !== undefined ? resolveApp(env.tenant, name) : env.lookups.graph;
}

/** The actor for a Core Directory admin action, honouring the spec's initiator. */
export function adminActor(env: ShapeEnv, roles?: ReadonlyArray<string>, area: AdminArea = 'users'): ResolvedActor {
  const s = env.spec.initiator;
  if (s) return forcedActor(env, s, 'directory');
  return directoryUser(env.ctx, pickAdmin(env.rng, env.tenant, roles), { area });
}

/** The actor for an action a user performs in their own name (the subject, by default). */
export function selfActor(env: ShapeEnv, user: User, style: 'named' | 'directory'): ResolvedActor {
  const s = env.spec.initiator;
  if (s) return forcedActor(env, s, style);
  return style === 'named' ? namedUser(env.ctx, user) : directoryUser(env.ctx, user);
}

export function forcedActor(env: ShapeEnv, s: NonNullable<AuditEventSpec['initiator']>, style: 'named' | 'directory'): ResolvedActor {
  if ('user' in s) {
    const user = env.tenant.user(s.user);
    if (style === 'named') return namedUser(env.ctx, user, s.ipAddress);
    return directoryUser(env.ctx, user, { client: s.client, ipAddress: s.ipAddress });
  }
  if ('app' in s) return appActor(env.ctx, resolveApp(env.tenant, s.app));
  return serviceActor(env.ctx, s.service);
}

export function serviceOr(env: ShapeEnv, key: Parameters<typeof serviceActor>[1]): ResolvedActor {
  const s = env.spec.initiator;
  return s ? forcedActor(env, s, 'directory') : serviceActor(env.ctx, key);
}

export const USER_ADMIN_ROLES = ['fe930be7-5e62-47db-91af-98c3a49a38b1', '62e90394-69f5-4237-9190-012177145e10'];
export const HELPDESK_ROLES = ['729827e3-9c14-49f7-bb1b-9608f156bbb8', 'c4e39bd9-1100-46d3-8c65-fb160da0071f', 'fe930be7-5e62-47db-91af-98c3a49a38b1'];
export const APP_ADMIN_ROLES = ['9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', '158c047a-c907-4556-b7ef-446551a6b5f7', '62e90394-69f5-4237-9190-012177145e10'];
export const CA_ADMIN_ROLES = ['b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', '194ae4cb-b126-40b2-bd5b-6091b380977d', '62e90394-69f5-4237-9190-012177145e10'];
export const ROLE_ADMIN_ROLES = ['e8611ab8-c189-46e8-94e1-60213ab1f814', '62e90394-69f5-4237-9190-012177145e10'];

/** `StsRefreshTokensValidFrom` etc. are written as `[\"2019-06-24T09:29:28Z\"]` [obs]. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** The event time of the emitter (used for values that embed timestamps). */
export function envTime(env: ShapeEnv): number {
  return env.em.time;
}
