/**
 * User lifecycle, password, B2B and security-info activities (UserManagement).
 * Sources per shape: Sekoia "Add user" 2019, Datadog 2025 password/security-info records, Sekoia 2025 invite.
 */
import { graphTime } from '../../../core/time.ts';
import type { User } from '../../../tenant/types.ts';
import { SECURITY_INFO_METHODS, USER_ATTRIBUTE_EDITS } from '../../../data/audit-activities.ts';
import { agentDetail, appActor, directoryUser, namedUser, serviceActor, ssprUser } from '../actors.ts';
import { randomGuest, randomMember } from '../lookups.ts';
import { firstName, lastName } from '../../../tenant/names.ts';
import type { AuditKeyValue } from '../model.ts';
import {
  js,
  mp,
  included,
  userTypeProp,
  userTypeDetail,
  dirUserTarget,
  namedUserTarget,
  subjectUser,
  adminActor,
  selfActor,
  forcedActor,
  serviceOr,
  USER_ADMIN_ROLES,
  HELPDESK_ROLES,
  isoSeconds,
  envTime,
  type ShapeEnv,
} from './common.ts';



/**
 * A new hire who is not in the directory yet: created accounts are new accounts, and
 * deletions (below) are leavers — never the same people within hours, which is what the
 * account created-and-deleted detections look for.
 */
function joiner(env: ShapeEnv): User {
  const base = env.tenant.user(env.rng.int(env.tenant.memberCount));
  const r = env.rng;
  const given = firstName(r);
  const family = lastName(r);
  const local = `${given}.${family}${r.range(2, 99)}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
  const upn = `${local}@${env.tenant.domains[0]}`;
  return { ...base, id: r.uuid(), displayName: `${given} ${family}`, givenName: given, surname: family, userPrincipalName: upn, directoryUpn: upn, mail: upn, userType: 'Member', roles: [] };
}

/** A leaver: accounts are disabled before they are deleted. */
function leaver(env: ShapeEnv): User {
  for (let i = 0; i < 32; i++) {
    const u = env.tenant.user(env.rng.int(env.tenant.memberCount));
    if (!u.accountEnabled) return u;
  }
  return randomMember(env.rng, env.tenant);
}

export function addUser(
  env: ShapeEnv,
  user = env.spec.target?.user !== undefined ? subjectUser(env) : joiner(env),
  actor = adminActor(env, USER_ADMIN_ROLES),
  offsetMs = 0,
  correlationId?: string,
): void {
  // Sekoia 2019 "Add user" sample: AccountEnabled, StsRefreshTokensValidFrom, UserPrincipalName, UserType.
  const stamp = isoSeconds(envTime(env) + offsetMs);
  const props = [
    mp('AccountEnabled', '[]', '[true]'),
    mp('DisplayName', '[]', js([user.displayName])),
    mp('StsRefreshTokensValidFrom', '[]', js([stamp])),
    mp('UserPrincipalName', '[]', js([user.directoryUpn])),
    mp('UserType', '[]', js([user.userType])),
    included(['AccountEnabled', 'DisplayName', 'StsRefreshTokensValidFrom', 'UserPrincipalName', 'UserType']),
    userTypeProp(user),
  ];
  env.em.emit({
    name: 'Add user',
    actor,
    targets: [dirUserTarget(user, props)],
    details: [...agentDetail(actor), userTypeDetail(user)],
    offsetMs,
    correlationId,
    primary: env.name === 'Add user',
  });
}


export function updateUser(env: ShapeEnv): void {
  const user = subjectUser(env);
  const { rng } = env;
  const forced = env.spec.initiator;
  const variant = forced ? ('user' in forced ? 'admin' : 'service') : rng.weighted([['empty', 45], ['strongAuth', 12], ['phoneApp', 8], ['admin', 20], ['substrate', 12], ['tenantApp', 3]] as const);
  if (variant === 'admin') {
    const actor = adminActor(env, USER_ADMIN_ROLES);
    const [attr, values] = rng.pick(USER_ATTRIBUTE_EDITS);
    const from = rng.pick(values);
    let to = rng.pick(values);
    if (to === from) to = values[(values.indexOf(from) + 1) % values.length]!;
    env.em.emit({
      name: 'Update user',
      actor,
      targets: [dirUserTarget(user, [mp(attr, js([from]), js([to])), included([attr]), userTypeProp(user)])],
      details: [...agentDetail(actor), userTypeDetail(user)],
      primary: true,
    });
    return;
  }
  if (forced) {
    // A forced app/service: a plain attribute refresh.
    const actor = serviceOr(env, 'credentialConfig');
    env.em.emit({ name: 'Update user', actor, targets: [dirUserTarget(user, [mp('Included Updated Properties', null, js('')), userTypeProp(user)])], details: [userTypeDetail(user)], primary: true });
    return;
  }
  if (variant === 'tenantApp' && env.lookups.internalApps.length > 0) {
    // The tenant's own HR/IGA connector writing attributes with Graph application permissions.
    const app = env.rng.pick(env.lookups.internalApps);
    const actor = appActor(env.ctx, app);
    const [attr, values] = rng.pick(USER_ATTRIBUTE_EDITS);
    env.em.emit({
      name: 'Update user',
      actor,
      targets: [dirUserTarget(user, [mp(attr, '[]', js([rng.pick(values)])), included([attr]), userTypeProp(user)])],
      details: [userTypeDetail(user)],
      primary: true,
    });
    return;
  }
  if (variant === 'empty' || variant === 'tenantApp') {
    // The most common record of all: the credential service touching a user with no listed change [obs].
    const actor = serviceActor(env.ctx, 'credentialConfig');
    env.em.emit({ name: 'Update user', actor, targets: [dirUserTarget(user, [mp('Included Updated Properties', null, js('')), userTypeProp(user)])], details: [userTypeDetail(user)], primary: true });
    return;
  }
  if (variant === 'strongAuth') {
    const actor = serviceActor(env.ctx, 'credentialConfig');
    const m = rng.weighted(SECURITY_INFO_METHODS.map((r) => [r, r.weight] as const));
    env.em.emit({
      name: 'Update user',
      actor,
      targets: [
        dirUserTarget(user, [
          mp('StrongAuthenticationMethod', '[]', js([{ MethodType: m.methodType, Default: true }])),
          included(['StrongAuthenticationMethod']),
          userTypeProp(user),
        ]),
      ],
      details: [userTypeDetail(user)],
      primary: true,
    });
    return;
  }
  if (variant === 'phoneApp') {
    const actor = serviceActor(env.ctx, 'mfa');
    const detail = [
      {
        DeviceName: 'NO_DEVICE',
        DeviceToken: 'NO_DEVICE_TOKEN',
        DeviceTag: 'SoftwareTokenActivated',
        PhoneAppVersion: 'NO_PHONE_APP_VERSION',
        OathTokenTimeDrift: 0,
        DeviceId: '00000000-0000-0000-0000-000000000000',
        Id: rng.uuid(),
        TimeInterval: 0,
        AuthenticationType: 2,
        NotificationType: 1,
        LastAuthenticatedTimestamp: graphTime(envTime(env) - 200, rng.int(10000)),
        AuthenticatorFlavor: 'Authenticator',
        HashFunction: 'hmacsha1',
        TenantDeviceId: null,
        SecuredPartitionId: rng.range(10000, 29999),
        SecuredKeyId: rng.range(1, 12),
      },
    ];
    env.em.emit({
      name: 'Update user',
      actor,
      targets: [dirUserTarget(user, [mp('StrongAuthenticationPhoneAppDetail', '[]', js(detail)), included(['StrongAuthenticationPhoneAppDetail']), userTypeProp(user), ...actor.actorProperties])],
      details: [userTypeDetail(user)],
      primary: true,
    });
    return;
  }
  // Exchange/Substrate keeping proxy addresses in sync.
  const actor = serviceActor(env.ctx, 'substrate');
  const local = user.mail.split('@')[0]!;
  env.em.emit({
    name: 'Update user',
    actor,
    targets: [dirUserTarget(user, [mp('ProxyAddresses', '[]', js([`SMTP:${user.mail}`, `smtp:${local}@${env.tenant.initialDomain}`])), included(['ProxyAddresses']), userTypeProp(user)])],
    details: [userTypeDetail(user)],
    primary: true,
  });
}

export function deleteUser(env: ShapeEnv): void {
  const user = env.spec.target?.user !== undefined ? subjectUser(env) : leaver(env);
  const actor = adminActor(env, USER_ADMIN_ROLES);
  // A deleted user's UPN is prefixed with its object id without dashes.
  const deletedUpn = user.id.replace(/-/g, '') + user.directoryUpn;
  env.em.emit({
    name: 'Delete user',
    actor,
    targets: [{ id: user.id, displayName: null, type: 'User', userPrincipalName: deletedUpn, modifiedProperties: [userTypeProp(user)] }],
    details: [...agentDetail(actor), userTypeDetail(user)],
    primary: true,
  });
}

export function restoreUser(env: ShapeEnv): void {
  const user = subjectUser(env);
  const actor = adminActor(env, USER_ADMIN_ROLES);
  env.em.emit({ name: 'Restore user', actor, targets: [dirUserTarget(user, [userTypeProp(user)])], details: [...agentDetail(actor), userTypeDetail(user)], primary: true });
}

export function disableAccount(env: ShapeEnv): void {
  const user = subjectUser(env);
  const actor = adminActor(env, USER_ADMIN_ROLES);
  env.em.emit({
    name: 'Disable account',
    actor,
    targets: [dirUserTarget(user, [mp('AccountEnabled', '[true]', '[false]'), included(['AccountEnabled']), userTypeProp(user)])],
    details: [...agentDetail(actor), userTypeDetail(user)],
    primary: true,
  });
}

export function resetUserPassword(env: ShapeEnv): void {
  const user = subjectUser(env);
  const actor = adminActor(env, HELPDESK_ROLES);
  env.em.emit({ name: 'Reset user password', actor, targets: [dirUserTarget(user, [userTypeProp(user)])], details: [...agentDetail(actor), userTypeDetail(user)], primary: true });
  if (env.companions) {
    env.em.emit({ name: 'Update StsRefreshTokenValidFrom Timestamp', actor, targets: [dirUserTarget(user, [])], details: [], offsetMs: 2 + env.rng.int(20) });
  }
}

/** The Core Directory trio after a self-service password change [obs, Datadog 2025]. */
export function passwordServiceRecords(env: ShapeEnv, user: User, first: 'Update PasswordProfile' | 'Reset user password', correlationId: string, offsetMs: number, primaryName?: string): void {
  const actor = serviceActor(env.ctx, 'passwordReset');
  const step = (): number => 1 + env.rng.int(90);
  let at = offsetMs;
  if (first === 'Update PasswordProfile') {
    env.em.emit({
      name: 'Update PasswordProfile',
      actor,
      targets: [dirUserTarget(user, [mp('ForceChangePassword', js('True'), js('False')), mp('Password', null, null), ...actor.actorProperties])],
      offsetMs: at,
      correlationId,
      primary: primaryName === 'Update PasswordProfile',
    });
    at += step();
    env.em.emit({ name: 'Change user password', actor, targets: [dirUserTarget(user, [...actor.actorProperties])], offsetMs: at, correlationId, primary: primaryName === 'Change user password' });
  } else {
    env.em.emit({ name: 'Reset user password', actor, targets: [dirUserTarget(user, [...actor.actorProperties])], offsetMs: at, correlationId });
  }
  at += 1 + env.rng.int(3);
  env.em.emit({ name: 'Update StsRefreshTokenValidFrom Timestamp', actor, targets: [dirUserTarget(user, [...actor.actorProperties])], offsetMs: at, correlationId, primary: primaryName === 'Update StsRefreshTokenValidFrom Timestamp' });
}

export function changeUserPassword(env: ShapeEnv): void {
  const user = subjectUser(env);
  if (env.spec.initiator) {
    const actor = adminActor(env);
    env.em.emit({ name: env.name, actor, targets: [dirUserTarget(user, [])], primary: true });
    return;
  }
  passwordServiceRecords(env, user, 'Update PasswordProfile', env.em.correlationId, 0, env.name);
}

export function stsRefresh(env: ShapeEnv): void {
  const user = subjectUser(env);
  // Standalone: an admin revoking sessions, or the password service.
  const actor = env.spec.initiator || env.rng.bool(0.5) ? adminActor(env, HELPDESK_ROLES) : serviceActor(env.ctx, 'passwordReset');
  env.em.emit({ name: 'Update StsRefreshTokenValidFrom Timestamp', actor, targets: [dirUserTarget(user, [...actor.actorProperties])], details: agentDetail(actor), primary: true });
}

export function ssprChange(env: ShapeEnv): void {
  const user = subjectUser(env);
  // SSPR record: its own correlation id, user without name/IP, resultReason "None" [obs].
  env.em.emit({
    name: 'Change password (self-service)',
    actor: ssprUser(user),
    targets: [namedUserTarget(user)],
    details: [{ key: 'OnPremisesAgent', value: 'None' }],
    resultReason: 'None',
    primary: true,
  });
  if (env.companions) passwordServiceRecords(env, user, 'Update PasswordProfile', env.em.newCorrelation(), -(20 + env.rng.int(150)));
}

export function ssprReset(env: ShapeEnv): void {
  const user = subjectUser(env);
  env.em.emit({
    name: 'Reset password (self-service)',
    actor: ssprUser(user),
    targets: [namedUserTarget(user)],
    details: [{ key: 'OnPremisesAgent', value: 'None' }],
    resultReason: 'Successfully completed reset.',
    primary: true,
  });
  if (env.companions) passwordServiceRecords(env, user, 'Reset user password', env.em.newCorrelation(), -(20 + env.rng.int(150)));
}

export function updatePasswordProfile(env: ShapeEnv): void {
  passwordServiceRecords(env, subjectUser(env), 'Update PasswordProfile', env.em.correlationId, 0, env.name);
}

export function inviteExternalUser(env: ShapeEnv): void {
  const guest = env.spec.target?.user !== undefined ? subjectUser(env) : randomGuest(env.rng, env.tenant);
  const inviterActor = adminActor(env, ['95e79109-95c0-4d8e-aee3-d01accf2d47b', ...USER_ADMIN_ROLES]);
  const inviter = inviterActor.user;
  // Invited Users writes the inviter's own name and token claims (oid, tid, ipaddr, wids) [obs, Sekoia 2025].
  const actor = inviter ? namedUser(env.ctx, inviter, inviterActor.callerIpAddress ?? undefined) : inviterActor;
  const details: AuditKeyValue[] = [
    { key: 'oid', value: inviter?.id ?? '' },
    { key: 'tid', value: env.tenant.id },
    { key: 'ipaddr', value: actor.callerIpAddress ?? '' },
    { key: 'wids', value: inviter ? inviter.roles.map((r) => r.templateId).join(',') : '' },
    { key: 'InvitationId', value: env.rng.uuid() },
    { key: 'invitedUserEmailAddress', value: guest.mail },
  ];
  env.em.emit({
    name: 'Invite external user',
    actor,
    // The invitee target is named after the local part of the invited address [obs, Sekoia 2025].
    targets: [{ id: guest.id, displayName: guest.mail.split('@')[0]!, type: 'User', userPrincipalName: guest.directoryUpn, modifiedProperties: [] }],
    details,
    primary: true,
  });
  if (env.companions && inviter) addUser(env, guest, directoryUser(env.ctx, inviter, { ipAddress: actor.callerIpAddress ?? undefined }), 40 + env.rng.int(400));
}

export function redeemInvite(env: ShapeEnv): void {
  const guest = env.spec.target?.user !== undefined ? subjectUser(env) : randomGuest(env.rng, env.tenant);
  const actor = env.spec.initiator ? forcedActor(env, env.spec.initiator, 'named') : namedUser(env.ctx, guest);
  env.em.emit({ name: 'Redeem external user invite', actor, targets: [namedUserTarget(guest)], details: [{ key: 'UserType', value: guest.userType }], primary: true });
}

export const METHOD_TABLE = SECURITY_INFO_METHODS.map((m) => [m, m.weight] as const);

export function securityInfo(env: ShapeEnv, kind: 'registered' | 'started' | 'deleted'): void {
  const user = subjectUser(env);
  const actor = selfActor(env, user, 'named');
  const m = env.rng.weighted(METHOD_TABLE);
  const transaction = env.rng.uuid();
  const details: AuditKeyValue[] = [
    { key: 'TransactionId', value: transaction },
    { key: 'AuthenticationMethodType', value: m.type },
    { key: 'AuthenticationMethod', value: m.method },
  ];
  const reason =
    kind === 'registered' ? `User registered ${m.method}` : kind === 'deleted' ? `User deleted ${m.method}` : `User started the registration for ${m.method}`;
  const name = kind === 'registered' ? 'User registered security info' : kind === 'deleted' ? 'User deleted security info' : 'User started security info registration';
  if (kind === 'registered' && env.companions) {
    // Registration starts 10 s – 2 min before it completes, under another correlation id [obs].
    env.em.emit({
      name: 'User started security info registration',
      actor,
      targets: [namedUserTarget(user)],
      details,
      resultReason: `User started the registration for ${m.method}`,
      offsetMs: -(10_000 + env.rng.int(110_000)),
      correlationId: env.em.newCorrelation(),
    });
  }
  env.em.emit({ name, actor, targets: [namedUserTarget(user)], details, resultReason: reason, primary: true });
  if (kind === 'registered' && env.companions) {
    // Core Directory records the new strong-auth method on the user a moment later [obs].
    const svc = serviceActor(env.ctx, 'credentialConfig');
    env.em.emit({
      name: 'Update user',
      actor: svc,
      targets: [dirUserTarget(user, [mp('StrongAuthenticationMethod', '[]', js([{ MethodType: m.methodType, Default: true }])), included(['StrongAuthenticationMethod']), userTypeProp(user)])],
      details: [userTypeDetail(user)],
      offsetMs: 150 + env.rng.int(3000),
      correlationId: env.em.newCorrelation(),
    });
  }
}

export function securityInfoAllRequired(env: ShapeEnv): void {
  const user = subjectUser(env);
  env.em.emit({
    name: 'User registered all required security info',
    actor: selfActor(env, user, 'named'),
    targets: [namedUserTarget(user)],
    resultReason: 'User registered all required security info',
    primary: true,
  });
}
