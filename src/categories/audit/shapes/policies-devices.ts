/**
 * Conditional Access (policy JSON in ConditionalAccessPolicy values), device registration and
 * company-information activities.
 */
import { nestedTime } from '../../../core/time.ts';
import type { User } from '../../../tenant/types.ts';
import { agentDetail, namedUser, pickAdmin, serviceActor } from '../actors.ts';
import { deviceObjectId, randomMember } from '../lookups.ts';
import type { AuditModifiedProperty, AuditTarget } from '../model.ts';
import {
  js,
  mp,
  included,
  dirUserTarget,
  plainTarget,
  subjectUser,
  adminActor,
  selfActor,
  forcedActor,
  serviceOr,
  HELPDESK_ROLES,
  CA_ADMIN_ROLES,
  envTime,
  type ShapeEnv,
} from './common.ts';

export const GRANT_CONTROL_NAMES: Readonly<Record<string, string>> = {
  Mfa: 'mfa',
  Block: 'block',
  RequireCompliantDevice: 'compliantDevice',
  RequireDomainJoinedDevice: 'domainJoinedDevice',
};

/** The policy JSON Conditional Access writes in `ConditionalAccessPolicy` old/new values [obs, Sekoia 2026]. */
export function policyJson(env: ShapeEnv, index: number, state: string, modified: number, tick: number, excludeUsers: ReadonlyArray<string>): string {
  const p = env.tenant.conditionalAccessPolicies[index]!;
  return js({
    id: p.id,
    displayName: p.displayName,
    createdDateTime: nestedTime(Date.UTC(2025, 0, 15 + index, 9, 30, 12, 311 + index * 97), 4170 + index),
    modifiedDateTime: nestedTime(modified, tick),
    state,
    conditions: {
      applications: { includeApplications: ['All'], excludeApplications: [], includeUserActions: [], includeAuthenticationContextClassReferences: [], applicationFilter: null },
      users: {
        includeUsers: p.target === 'allUsers' || p.target === 'legacyAuth' || p.target === 'untrustedLocations' ? ['All'] : [],
        excludeUsers: excludeUsers,
        includeGroups: [],
        excludeGroups: [],
        includeRoles: p.target === 'admins' ? env.tenant.roles.filter((r) => r.privileged).map((r) => r.templateId) : [],
        excludeRoles: [],
      },
      userRiskLevels: [],
      signInRiskLevels: p.target === 'riskySignIns' ? ['high', 'medium'] : [],
      clientAppTypes: p.target === 'legacyAuth' ? ['exchangeActiveSync', 'other'] : ['all'],
      servicePrincipalRiskLevels: [],
    },
    grantControls: p.grantControls.length > 0 ? { operator: 'OR', builtInControls: p.grantControls.map((g) => GRANT_CONTROL_NAMES[g] ?? g), customAuthenticationFactors: [], termsOfUse: [] } : null,
    sessionControls: null,
  });
}

export function conditionalAccess(env: ShapeEnv, add: boolean): void {
  const policies = env.tenant.conditionalAccessPolicies;
  const index = (env.spec.target?.policy ?? env.rng.int(policies.length)) % policies.length;
  const policy = policies[index]!;
  const base = env.spec.initiator ? forcedActor(env, env.spec.initiator, 'named') : namedUser(env.ctx, pickAdmin(env.rng, env.tenant, CA_ADMIN_ROLES));
  const t = envTime(env);
  const breakGlass = env.tenant.user(0).id;
  let oldValue: string | null = null;
  let newValue: string;
  if (add) newValue = policyJson(env, index, 'enabledForReportingButNotEnforced', t - 600, env.rng.int(10000), [breakGlass]);
  else {
    const flip = env.rng.bool(0.5);
    oldValue = policyJson(env, index, flip ? 'enabledForReportingButNotEnforced' : policy.state, t - env.rng.range(1, 90) * 86_400_000 - env.rng.int(86_400_000), env.rng.int(10000), [breakGlass]);
    newValue = policyJson(env, index, flip ? 'enabled' : policy.state, t - 600, env.rng.int(10000), flip ? [breakGlass] : [breakGlass, randomMember(env.rng, env.tenant).id]);
  }
  env.em.emit({
    name: add ? 'Add conditional access policy' : 'Update conditional access policy',
    actor: base,
    targets: [plainTarget(policy.id, policy.displayName, 'Policy', [mp('ConditionalAccessPolicy', oldValue, newValue)])],
    details: [{ key: 'Category', value: 'Conditional Access' }],
    // Conditional Access fills properties.userAgent with the admin's browser [obs, Sekoia 2026].
    userAgent: base.userAgent,
    primary: true,
  });
}

export function addNamedLocation(env: ShapeEnv): void {
  const actor = env.spec.initiator ? forcedActor(env, env.spec.initiator, 'named') : namedUser(env.ctx, pickAdmin(env.rng, env.tenant, CA_ADMIN_ROLES));
  const office = env.rng.pick(env.tenant.namedLocations);
  const id = env.rng.uuid();
  const value = js({
    '@odata.type': '#microsoft.graph.ipNamedLocation',
    id,
    displayName: office.displayName,
    isTrusted: true,
    ipRanges: [{ '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: `${office.network.ipv4Prefix}.0/24` }],
  });
  env.em.emit({
    name: 'Add named location',
    actor,
    targets: [plainTarget(id, office.displayName, 'Policy', [mp('NamedLocation', null, value)])],
    details: [{ key: 'Category', value: 'Conditional Access' }],
    userAgent: actor.userAgent,
    primary: true,
  });
}

export const TRUST_TYPE: Readonly<Record<string, string>> = {
  'Azure AD joined': 'AzureAd',
  'Hybrid Azure AD joined': 'ServerAd',
  'Azure AD registered': 'Workplace',
  '': 'Workplace',
};

export const OS_TYPE: Readonly<Record<string, string>> = {
  'Windows 10': 'Windows',
  Windows: 'Windows',
  MacOs: 'MacMDM',
  Ios: 'IPhone',
  Android: 'Android',
  Linux: 'Linux',
};

interface DeviceRef {
  readonly objectId: string;
  readonly deviceId: string;
  readonly displayName: string;
  readonly os: string;
  readonly trust: string;
}

export function subjectDevice(env: ShapeEnv, user: User): DeviceRef {
  const d = env.rng.pick(user.devices);
  const deviceId = d.deviceId || env.rng.uuid();
  const displayName = d.displayName || (d.operatingSystem === 'Ios' ? `${user.givenName}'s iPhone` : d.operatingSystem === 'Android' ? `${user.givenName}'s Android` : `DESKTOP-${env.rng.hex(7).toUpperCase()}`);
  return { objectId: deviceObjectId(env.tenant, deviceId), deviceId, displayName, os: OS_TYPE[d.operatingSystem] ?? 'Windows', trust: TRUST_TYPE[d.trustType] ?? 'Workplace' };
}

export function deviceTarget(d: DeviceRef, mods: ReadonlyArray<AuditModifiedProperty> = []): AuditTarget {
  return plainTarget(d.objectId, d.displayName, 'Device', mods);
}

export function registerDevice(env: ShapeEnv): void {
  const user = subjectUser(env);
  const d = subjectDevice(env, user);
  const actor = selfActor(env, user, 'named');
  env.em.emit({
    name: 'Register device',
    actor,
    targets: [deviceTarget(d)],
    details: [
      { key: 'Device Id', value: d.deviceId },
      { key: 'Device OS', value: d.os },
      { key: 'Device Trust Type', value: d.trust },
    ],
    primary: true,
  });
  if (!env.companions) return;
  const svc = serviceActor(env.ctx, 'deviceRegistration');
  const corr = env.em.newCorrelation();
  const at = -(200 + env.rng.int(1500));
  env.em.emit({
    name: 'Add device',
    actor: svc,
    targets: [
      deviceTarget(d, [
        mp('AccountEnabled', '[]', '[true]'),
        mp('CloudDeviceOSType', '[]', js([d.os])),
        mp('CloudDisplayName', '[]', js([d.displayName])),
        mp('CloudDeviceTrustType', '[]', js([d.trust])),
        mp('DeviceId', '[]', js([d.deviceId])),
        included(['AccountEnabled', 'CloudDeviceOSType', 'CloudDisplayName', 'CloudDeviceTrustType', 'DeviceId']),
      ]),
    ],
    offsetMs: at,
    correlationId: corr,
  });
  env.em.emit({ name: 'Add registered owner to device', actor: svc, targets: [deviceTarget(d), dirUserTarget(user, [])], offsetMs: at + 20 + env.rng.int(60), correlationId: corr });
  env.em.emit({ name: 'Add registered users to device', actor: svc, targets: [deviceTarget(d), dirUserTarget(user, [])], offsetMs: at + 90 + env.rng.int(60), correlationId: corr });
}

export function updateDevice(env: ShapeEnv): void {
  const user = subjectUser(env);
  const d = subjectDevice(env, user);
  const variant = env.rng.weighted([['empty', 50], ['compliance', 30], ['os', 20]] as const);
  const actor = env.spec.initiator ? forcedActor(env, env.spec.initiator, 'directory') : serviceActor(env.ctx, variant === 'compliance' ? 'intune' : 'deviceRegistration');
  const mods =
    variant === 'compliance'
      ? [mp('IsCompliant', '[false]', '[true]'), mp('IsManaged', '[true]', '[true]'), included(['IsCompliant', 'IsManaged'])]
      : variant === 'os'
        ? [mp('CloudDeviceOSVersion', js(['10.0.22631.4460']), js(['10.0.22631.4751'])), included(['CloudDeviceOSVersion'])]
        : [mp('Included Updated Properties', null, js(''))];
  env.em.emit({ name: 'Update device', actor, targets: [deviceTarget(d, mods)], primary: true });
}

export function deleteDevice(env: ShapeEnv): void {
  const user = subjectUser(env);
  const d = subjectDevice(env, user);
  const actor = adminActor(env, ['3a2c62db-5318-420d-8d74-23affee5d9d5', ...HELPDESK_ROLES], 'devices');
  env.em.emit({ name: 'Delete device', actor, targets: [deviceTarget(d)], details: agentDetail(actor), primary: true });
}

export function deviceCompanionStandalone(env: ShapeEnv): void {
  // Asked for directly (stories): write the single Core Directory record.
  const user = subjectUser(env);
  const d = subjectDevice(env, user);
  const actor = serviceOr(env, 'deviceRegistration');
  const targets = env.name === 'Add device' ? [deviceTarget(d)] : [deviceTarget(d), dirUserTarget(user, [])];
  env.em.emit({ name: env.name, actor, targets, primary: true });
}

export function setCompanyInformation(env: ShapeEnv): void {
  const actor = adminActor(env, ['62e90394-69f5-4237-9190-012177145e10'], 'directory');
  const admin = actor.user ?? env.tenant.user(0);
  const before = `it-notifications@${env.tenant.domains[0]}`;
  env.em.emit({
    name: 'Set Company Information',
    actor,
    targets: [plainTarget(env.tenant.id, null, 'Directory', [mp('TechnicalNotificationMails', js([before]), js([before, admin.mail])), included(['TechnicalNotificationMails'])])],
    details: agentDetail(actor),
    primary: true,
  });
}
