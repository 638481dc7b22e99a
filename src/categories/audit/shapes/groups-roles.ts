/**
 * Group membership and role activities: Core Directory (Group.* / Role.* properties on the
 * user target) and PIM (Role, Request, User, Directory, Other targets; Panther and Sentinel mappings).
 */
import { graphTime } from '../../../core/time.ts';
import type { DirectoryRole, Group, User } from '../../../tenant/types.ts';
import { PIM_JUSTIFICATIONS, ROLE_WELL_KNOWN_NAMES, type AuditActivityName } from '../../../data/audit-activities.ts';
import { agentDetail, directoryUser, namedUser, pickAdmin, serviceActor, type ResolvedActor } from '../actors.ts';
import { randomMember } from '../lookups.ts';
import type { AuditKeyValue, AuditModifiedProperty } from '../model.ts';
import {
  js,
  mp,
  included,
  userTypeDetail,
  dirUserTarget,
  namedUserTarget,
  groupTarget,
  plainTarget,
  subjectUser,
  subjectGroup,
  subjectRole,
  adminActor,
  forcedActor,
  serviceOr,
  USER_ADMIN_ROLES,
  ROLE_ADMIN_ROLES,
  envTime,
  type ShapeEnv,
} from './common.ts';

export function groupMembership(env: ShapeEnv, add: boolean, owner = false): void {
  const user = subjectUser(env);
  const group = subjectGroup(env);
  let actor: ResolvedActor;
  if (env.spec.initiator) actor = adminActor(env);
  else if (group.groupType === 'unifiedGroups' && env.rng.bool(0.35)) {
    // Team owners adding people in Teams: the user acts through "Microsoft Teams Services" [obs, Sekoia 2025].
    const ownerUser = randomMember(env.rng, env.tenant);
    const base = directoryUser(env.ctx, ownerUser, { client: 'Microsoft Teams Services' });
    actor = { ...base, initiatedBy: base.initiatedBy && base.initiatedBy.kind === 'user' ? { ...base.initiatedBy, displayName: 'Microsoft Teams Services' } : base.initiatedBy, identity: 'Microsoft Teams Services', userAgent: 'TeamsMiddleTier/1.0a$*+' };
  } else actor = adminActor(env, USER_ADMIN_ROLES, 'groups');
  const id = js(group.id);
  const name = js(group.displayName);
  const props = add
    ? [mp('Group.ObjectID', null, id), mp('Group.DisplayName', null, name), mp('Group.WellKnownObjectName', null, null)]
    : [mp('Group.ObjectID', id, null), mp('Group.DisplayName', name, null), mp('Group.WellKnownObjectName', null, null)];
  env.em.emit({
    name: owner ? 'Add owner to group' : add ? 'Add member to group' : 'Remove member from group',
    actor,
    targets: [dirUserTarget(user, props), groupTarget(group, false)],
    details: agentDetail(actor),
    primary: true,
  });
}

export function addGroup(env: ShapeEnv): void {
  const group = subjectGroup(env);
  const actor = adminActor(env, USER_ADMIN_ROLES, 'groups');
  const unified = group.groupType === 'unifiedGroups';
  env.em.emit({
    name: 'Add group',
    actor,
    targets: [
      groupTarget(group, true, [
        mp('DisplayName', '[]', js([group.displayName])),
        mp('GroupType', '[]', unified ? js([2]) : '[]'),
        mp('MailEnabled', '[]', js([unified])),
        mp('MailNickname', '[]', js([group.mailNickname])),
        mp('SecurityEnabled', '[]', js([!unified])),
        included(['DisplayName', 'GroupType', 'MailEnabled', 'MailNickname', 'SecurityEnabled']),
      ]),
    ],
    details: agentDetail(actor),
    primary: true,
  });
}

export function updateGroup(env: ShapeEnv): void {
  const group = subjectGroup(env);
  const actor = adminActor(env, USER_ADMIN_ROLES, 'groups');
  env.em.emit({
    name: 'Update group',
    actor,
    targets: [groupTarget(group, true, [mp('Description', '[]', js([`${group.displayName} members`])), included(['Description'])])],
    details: agentDetail(actor),
    primary: true,
  });
}

export function deleteGroup(env: ShapeEnv): void {
  const group = subjectGroup(env);
  const actor = adminActor(env, USER_ADMIN_ROLES, 'groups');
  env.em.emit({ name: 'Delete group', actor, targets: [groupTarget(group, true)], details: agentDetail(actor), primary: true });
}

export function roleProps(env: ShapeEnv, role: DirectoryRole, add: boolean): AuditModifiedProperty[] {
  const vals: ReadonlyArray<readonly [string, string | null]> = [
    ['Role.ObjectID', js(env.lookups.roleObjectId(role.templateId))],
    ['Role.DisplayName', js(role.displayName)],
    ['Role.TemplateId', js(role.templateId)],
    ['Role.WellKnownObjectName', ROLE_WELL_KNOWN_NAMES[role.templateId] ? js(ROLE_WELL_KNOWN_NAMES[role.templateId]) : null],
  ];
  return vals.map(([k, v]) => (add ? mp(k, null, v) : mp(k, v, null)));
}

/** Core Directory role (un)assignment: user target with Role.* properties, then the role [Sentinel PIM mapping]. */
export function directoryRoleRecord(env: ShapeEnv, user: User, role: DirectoryRole, add: boolean, actor: ResolvedActor, primary: boolean, offsetMs = 0, correlationId?: string): void {
  env.em.emit({
    name: add ? 'Add member to role' : 'Remove member from role',
    actor,
    targets: [dirUserTarget(user, roleProps(env, role, add)), plainTarget(env.lookups.roleObjectId(role.templateId), null, 'Role')],
    details: [...agentDetail(actor), userTypeDetail(user)],
    offsetMs,
    correlationId,
    primary,
  });
}

export function memberOfRole(env: ShapeEnv, add: boolean): void {
  const user = subjectUser(env);
  const role = subjectRole(env);
  directoryRoleRecord(env, user, role, add, adminActor(env, ROLE_ADMIN_ROLES, 'roles'), true);
}

/**
 * PIM records: targets Role (with RoleDefinitionOrigin* properties), Request, User, Directory,
 * Other; details RoleDefinitionOriginId/Type, TemplateId, StartTime, [ExpirationTime],
 * Justification, oid, tid, wids, ipaddr, RequestId [Panther/Sentinel mappings; order partly guessed].
 */
export function pimRecord(
  env: ShapeEnv,
  name: AuditActivityName,
  user: User,
  role: DirectoryRole,
  actor: ResolvedActor,
  opts: { start: number; end?: number; justification: string; offsetMs?: number; primary?: boolean; requestId: string },
): void {
  const actorUser = actor.user;
  const details: AuditKeyValue[] = [
    { key: 'RoleDefinitionOriginId', value: role.templateId },
    { key: 'RoleDefinitionOriginType', value: 'BuiltInRole' },
    { key: 'TemplateId', value: role.templateId },
    { key: 'Justification', value: opts.justification },
    { key: 'StartTime', value: graphTime(opts.start, 0) },
    ...(opts.end !== undefined ? [{ key: 'ExpirationTime', value: graphTime(opts.end, 0) }] : []),
    { key: 'oid', value: actorUser?.id ?? '' },
    { key: 'tid', value: env.tenant.id },
    { key: 'wids', value: actorUser ? actorUser.roles.map((r) => r.templateId).join(',') : '' },
    { key: 'ipaddr', value: actor.callerIpAddress ?? '' },
    { key: 'RequestId', value: opts.requestId },
  ];
  env.em.emit({
    name,
    actor,
    targets: [
      plainTarget(role.templateId, role.displayName, 'Role', [
        mp('RoleDefinitionOriginId', js(''), js(role.templateId)),
        mp('RoleDefinitionOriginType', js(''), js('BuiltInRole')),
        mp('TemplateId', js(''), js(role.templateId)),
      ]),
      plainTarget(opts.requestId, null, 'Request'),
      namedUserTarget(user),
      plainTarget(env.tenant.id, env.tenant.name, 'Directory'),
      plainTarget(env.tenant.id, null, 'Other'),
    ],
    details,
    resultReason: opts.justification,
    offsetMs: opts.offsetMs,
    primary: opts.primary,
  });
}

export function pimEligible(env: ShapeEnv, timebound: boolean): void {
  const user = subjectUser(env);
  const role = subjectRole(env);
  const actor = env.spec.initiator ? forcedActor(env, env.spec.initiator, 'named') : namedUser(env.ctx, pickAdmin(env.rng, env.tenant, ROLE_ADMIN_ROLES));
  const t = envTime(env);
  pimRecord(env, env.name, user, role, actor, {
    start: t - 300,
    end: timebound ? t + env.rng.pick([30, 90, 180, 365]) * 86_400_000 : undefined,
    justification: env.spec.justification ?? env.rng.pick(['New team member', 'Role change approved by manager', 'Access review outcome']),
    primary: true,
    requestId: env.rng.uuid(),
  });
}

export function pimActivation(env: ShapeEnv): void {
  // Activations are done by admins with eligible roles, in their own name.
  const user = env.spec.target?.user !== undefined ? subjectUser(env) : pickAdmin(env.rng, env.tenant);
  const role = subjectRole(env, user);
  const actor = env.spec.initiator ? forcedActor(env, env.spec.initiator, 'named') : namedUser(env.ctx, user);
  const t = envTime(env);
  const hours = env.rng.pick([1, 2, 4, 8]);
  const requestId = env.rng.uuid();
  const justification = env.spec.justification ?? env.rng.pick(PIM_JUSTIFICATIONS);
  const requestedAt = env.name === 'Add member to role requested (PIM activation)' ? 0 : -(800 + env.rng.int(4000));
  const start = t + Math.min(0, requestedAt);
  if (env.companions || env.name === 'Add member to role requested (PIM activation)') {
    pimRecord(env, 'Add member to role requested (PIM activation)', user, role, actor, {
      start,
      end: start + hours * 3_600_000,
      justification,
      offsetMs: requestedAt,
      primary: env.name === 'Add member to role requested (PIM activation)',
      requestId,
    });
  }
  if (env.name === 'Add member to role completed (PIM activation)') {
    pimRecord(env, 'Add member to role completed (PIM activation)', user, role, actor, { start, end: start + hours * 3_600_000, justification, primary: true, requestId });
    // PIM then writes the assignment itself through Core Directory as MS-PIM.
    if (env.companions) directoryRoleRecord(env, user, role, true, serviceActor(env.ctx, 'pim'), false, -(50 + env.rng.int(400)));
  }
}

export function pimExpired(env: ShapeEnv): void {
  const user = env.spec.target?.user !== undefined ? subjectUser(env) : pickAdmin(env.rng, env.tenant);
  const role = subjectRole(env, user);
  const actor = serviceOr(env, 'pim');
  const t = envTime(env);
  pimRecord(env, 'Remove member from role (PIM activation expired)', user, role, actor, {
    start: t - env.rng.pick([1, 2, 4, 8]) * 3_600_000,
    end: t,
    justification: '',
    primary: true,
    requestId: env.rng.uuid(),
  });
  if (env.companions) directoryRoleRecord(env, user, role, false, actor, false, 30 + env.rng.int(500));
}
