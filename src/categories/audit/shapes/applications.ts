/**
 * Application and consent activities (ApplicationManagement): KeyDescription, RequiredResourceAccess,
 * ConsentAction.Permissions and AppRole.* properties as the OTRF and Sekoia records write them.
 */
import { graphTime } from '../../../core/time.ts';
import type { Group, User } from '../../../tenant/types.ts';
import { CONSENT_SCOPE_SETS, GRAPH_APP_ROLES, GRAPH_DELEGATED_SCOPE_IDS, GRAPH_SERVICE_PRINCIPAL_NAMES } from '../../../data/audit-activities.ts';
import { agentDetail, appActor, directoryUser, pickAdmin, type ResolvedActor } from '../actors.ts';
import { randomMember, type AppRef } from '../lookups.ts';
import type { AuditKeyValue } from '../model.ts';
import {
  js,
  mp,
  included,
  userTypeDetail,
  dirUserTarget,
  spTarget,
  appTarget,
  subjectUser,
  clientApp,
  resourceApp,
  adminActor,
  forcedActor,
  APP_ADMIN_ROLES,
  envTime,
  type ShapeEnv,
} from './common.ts';

export function requiredResourceAccess(scopes: ReadonlyArray<string>): string {
  const perms = scopes
    .map((s) => GRAPH_DELEGATED_SCOPE_IDS[s])
    .filter((id): id is string => id !== undefined)
    .map((id) => ({ EntitlementId: id, DirectAccessGrant: false, ImpersonationAccessGrants: [20] }));
  return js([{ ResourceAppId: '00000003-0000-0000-c000-000000000000', RequiredAppPermissions: perms, EncodingVersion: 1 }]);
}

/** `KeyDescription` entry as in the OTRF "Certificates and secrets management" row. */
export function keyDescription(keyId: string, type: 'Password' | 'AsymmetricX509Cert', displayName: string): string {
  return `[KeyIdentifier=${keyId},KeyType=${type},KeyUsage=Verify,DisplayName=${displayName}]`;
}

export function appDetails(actor: ResolvedActor, app: AppRef): AuditKeyValue[] {
  return [...agentDetail(actor), { key: 'AppId', value: app.appId }];
}

export function addApplication(env: ShapeEnv): void {
  const app = clientApp(env, env.lookups.internalApps);
  const actor = adminActor(env, APP_ADMIN_ROLES, 'apps');
  env.em.emit({
    name: 'Add application',
    actor,
    targets: [
      appTarget(app, [
        mp('AppId', '[]', js([app.appId])),
        mp('AvailableToOtherTenants', '[]', '[false]'),
        mp('DisplayName', '[]', js([app.displayName])),
        mp('RequiredResourceAccess', '[]', requiredResourceAccess(['User.Read'])),
        included(['AppId', 'AvailableToOtherTenants', 'DisplayName', 'RequiredResourceAccess']),
      ]),
    ],
    details: appDetails(actor, app),
    primary: true,
  });
  if (env.companions) addServicePrincipalRecord(env, app, actor, 200 + env.rng.int(1500), false);
}

export function updateApplication(env: ShapeEnv): void {
  const app = clientApp(env, env.lookups.internalApps);
  const actor = adminActor(env, APP_ADMIN_ROLES, 'apps');
  const before = ['User.Read'];
  const after = env.spec.scopes ? [...before, ...env.spec.scopes] : [...before, env.rng.pick(['Mail.Read', 'Files.Read', 'Calendars.Read', 'Mail.ReadWrite'])];
  env.em.emit({
    name: 'Update application',
    actor,
    targets: [appTarget(app, [mp('RequiredResourceAccess', requiredResourceAccess(before), requiredResourceAccess(after)), included(['RequiredResourceAccess'])])],
    details: appDetails(actor, app),
    primary: true,
  });
}

/**
 * The actor of routine credential rotation: an automation app (a pipeline or a secrets
 * rotator) rather than a person — credential rules alert on people adding keys. Stories
 * force a human initiator.
 */
function rotationActor(env: ShapeEnv, target: AppRef): ResolvedActor {
  if (env.spec.initiator) return forcedActor(env, env.spec.initiator, 'directory');
  const others = env.lookups.internalApps.filter((a) => a.appId !== target.appId);
  return appActor(env.ctx, others.length > 0 ? env.rng.pick(others) : target);
}

/** The app's current keys as KeyDescription entries (what the old value lists). */
function currentKeys(env: ShapeEnv, app: AppRef): string[] {
  const registered = env.tenant.applications.find((a) => a.appId === app.appId);
  return (registered?.credentials ?? []).map((c) => keyDescription(c.keyId, c.type, c.type === 'AsymmetricX509Cert' ? `CN=${app.displayName.replace(/\s+/g, '')}` : c.displayName));
}

export function updateApplicationSecrets(env: ShapeEnv): void {
  const app = clientApp(env, env.lookups.internalApps);
  const actor = rotationActor(env, app);
  const cert = env.rng.bool(0.35);
  const entry = keyDescription(env.rng.uuid(), cert ? 'AsymmetricX509Cert' : 'Password', cert ? `CN=${app.displayName.replace(/\s+/g, '')}` : env.rng.pick(['prod secret', 'client secret', 'rotation 2026', 'deploy key']));
  // A rotation adds a key next to the ones in use (forced initiators — stories — may add a first one).
  const before = env.spec.initiator ? [] : currentKeys(env, app);
  env.em.emit({
    name: 'Update application – Certificates and secrets management ',
    actor,
    targets: [appTarget(app, [mp('KeyDescription', js(before), js([...before, entry])), mp('Included Updated Properties', null, js('KeyDescription'))])],
    details: appDetails(actor, app),
    primary: true,
  });
}

export function addServicePrincipalRecord(env: ShapeEnv, app: AppRef, actor: ResolvedActor, offsetMs: number, primary: boolean, correlationId?: string): void {
  const failed = primary && env.spec.result === undefined && env.rng.bool(0.02);
  env.em.emit({
    name: 'Add service principal',
    actor,
    targets: [
      spTarget(app, [
        mp('AccountEnabled', '[]', '[true]'),
        mp('AppPrincipalId', '[]', js([app.appId])),
        mp('DisplayName', '[]', js([app.displayName])),
        mp('ServicePrincipalName', '[]', js([app.appId])),
        mp('Credential', '[]', js([{ CredentialType: 2, KeyStoreId: env.rng.uuid(), KeyGroupId: env.rng.uuid() }])),
        included(['AccountEnabled', 'AppPrincipalId', 'DisplayName', 'ServicePrincipalName', 'Credential']),
        ...(failed ? [mp('MethodExecutionResult.', null, js('Microsoft.Online.Workflows.SpnValidationException'))] : []),
        mp('TargetId.ServicePrincipalNames', null, js(app.appId)),
      ]),
    ],
    details: appDetails(actor, app),
    // The one Core Directory failure seen in samples [obs, Sekoia 2019].
    ...(failed ? { result: 'failure' as const, resultReason: 'Microsoft.Online.Workflows.SpnValidationException' } : {}),
    offsetMs,
    correlationId,
    primary,
  });
}

export function addServicePrincipal(env: ShapeEnv): void {
  const app = clientApp(env, env.lookups.galleryApps);
  addServicePrincipalRecord(env, app, adminActor(env, APP_ADMIN_ROLES, 'apps'), 0, true);
}

export function updateServicePrincipal(env: ShapeEnv): void {
  const app = clientApp(env, env.lookups.tenantApps);
  const actor = adminActor(env, APP_ADMIN_ROLES, 'apps');
  env.em.emit({
    name: 'Update service principal',
    actor,
    targets: [
      spTarget(app, [
        mp('AppRoleAssignmentRequired', '[false]', '[true]'),
        included(['AppRoleAssignmentRequired']),
        mp('TargetId.ServicePrincipalNames', null, js(app.appId)),
      ]),
    ],
    details: appDetails(actor, app),
    primary: true,
  });
}

export function addServicePrincipalCredentials(env: ShapeEnv): void {
  // The tenant's own apps: gallery apps' credentials live in their vendor's tenant.
  const app = clientApp(env, env.lookups.internalApps);
  const actor = rotationActor(env, app);
  const cert = env.rng.bool(0.5);
  const entry = keyDescription(env.rng.uuid(), cert ? 'AsymmetricX509Cert' : 'Password', cert ? `CN=${app.displayName.replace(/\s+/g, '')}` : '');
  env.em.emit({
    name: 'Add service principal credentials',
    actor,
    targets: [spTarget(app, [mp('KeyDescription', '[]', js([entry])), mp('Included Updated Properties', null, js('KeyDescription')), mp('TargetId.ServicePrincipalNames', null, js(app.appId))])],
    details: appDetails(actor, app),
    primary: true,
  });
}

/** Consent granted to `client` for `scopes` on `resource` (Graph by default). */
export function consentToApplication(env: ShapeEnv): void {
  const client = clientApp(env, env.lookups.galleryApps);
  const resource = resourceApp(env);
  const admin = env.spec.adminConsent ?? env.rng.bool(0.2);
  const user = env.spec.target?.user !== undefined ? subjectUser(env) : admin ? pickAdmin(env.rng, env.tenant, APP_ADMIN_ROLES) : randomMember(env.rng, env.tenant);
  const actor = env.spec.initiator ? forcedActor(env, env.spec.initiator, 'directory') : directoryUser(env.ctx, user, { client: 'Microsoft_AAD_RegisteredApps' });
  const principal = actor.user ?? user;
  // Users consent from the consent prompt: Entra writes no client name for them.
  const consentActor: ResolvedActor =
    actor.initiatedBy && actor.initiatedBy.kind === 'user' && !admin ? { ...actor, initiatedBy: { ...actor.initiatedBy, displayName: null }, identity: null, userAgent: principal.devices[0]!.userAgent } : actor;
  const scopes = env.spec.scopes ?? env.rng.weighted(CONSENT_SCOPE_SETS);
  const grantId = env.rng.token(43);
  const consentType = admin ? 'AllPrincipals' : 'Principal';
  const permissions = `[] => [[Id: ${grantId}, ClientId: ${client.servicePrincipalId}, PrincipalId: ${admin ? '' : principal.id}, ResourceId: ${resource.servicePrincipalId}, ConsentType: ${consentType}, Scope:  ${scopes.join(' ')}, CreatedDateTime: , LastModifiedDateTime ]]; `;
  const flag = (b: boolean): string => js(b ? 'True' : 'False');
  env.em.emit({
    name: 'Consent to application',
    actor: consentActor,
    targets: [
      spTarget(client, [
        mp('ConsentContext.IsAdminConsent', null, flag(admin)),
        mp('ConsentContext.IsAppOnly', null, flag(false)),
        mp('ConsentContext.OnBehalfOfAll', null, flag(admin)),
        mp('ConsentContext.Tags', null, js('WindowsAzureActiveDirectoryIntegratedApp')),
        mp('ConsentAction.Permissions', null, js(permissions)),
        mp('TargetId.ServicePrincipalNames', null, js(client.appId)),
      ]),
    ],
    details: [...agentDetail(consentActor), { key: 'AppId', value: client.appId }],
    primary: true,
  });
  if (env.companions) delegatedGrant(env, client, resource, scopes, consentType, consentActor, -(20 + env.rng.int(200)), false);
}

/** "Add delegated permission grant": resource SP with the grant, then the client SP [obs, OTRF]. */
export function delegatedGrant(env: ShapeEnv, client: AppRef, resource: AppRef, scopes: ReadonlyArray<string>, consentType: string, actor: ResolvedActor, offsetMs: number, primary: boolean): void {
  env.em.emit({
    name: 'Add delegated permission grant',
    actor,
    targets: [
      spTarget(resource, [
        mp('DelegatedPermissionGrant.Scope', null, js(` ${scopes.join(' ')}`)),
        mp('DelegatedPermissionGrant.ConsentType', null, js(consentType)),
        mp('ServicePrincipal.ObjectID', null, js(client.servicePrincipalId)),
        mp('ServicePrincipal.DisplayName', null, null),
        mp('ServicePrincipal.AppId', null, null),
        mp('ServicePrincipal.Name', null, null),
        mp('TargetId.ServicePrincipalNames', null, js(resource.appId === '00000003-0000-0000-c000-000000000000' ? GRAPH_SERVICE_PRINCIPAL_NAMES : resource.appId)),
      ]),
      spTarget(client, [], false),
    ],
    details: agentDetail(actor),
    offsetMs,
    primary,
  });
}

export function addDelegatedPermissionGrant(env: ShapeEnv): void {
  const client = clientApp(env, env.lookups.tenantApps);
  const scopes = env.spec.scopes ?? env.rng.weighted(CONSENT_SCOPE_SETS);
  delegatedGrant(env, client, resourceApp(env), scopes, env.spec.adminConsent === false ? 'Principal' : 'AllPrincipals', adminActor(env, APP_ADMIN_ROLES, 'apps'), 0, true);
}

export function addAppRoleAssignmentToServicePrincipal(env: ShapeEnv): void {
  const client = clientApp(env, env.lookups.internalApps);
  const resource = resourceApp(env);
  const actor = adminActor(env, APP_ADMIN_ROLES, 'apps');
  const names = env.spec.appRoles ?? [env.rng.pick(['User.Read.All', 'Directory.Read.All', 'Mail.Read', 'Files.Read.All', 'Group.Read.All', 'AuditLog.Read.All'])];
  const stamp = graphTime(envTime(env) - 40 - env.rng.int(60), env.rng.int(10000));
  names.forEach((perm, i) => {
    const role = GRAPH_APP_ROLES[perm] ?? { id: env.rng.uuid(), displayName: perm };
    env.em.emit({
      name: 'Add app role assignment to service principal',
      actor,
      targets: [
        spTarget(resource, [
          mp('AppRole.Id', null, js(role.id)),
          mp('AppRole.Value', null, js(perm)),
          mp('AppRole.DisplayName', null, js(role.displayName)),
          mp('AppRoleAssignment.CreatedDateTime', null, js(stamp)),
          mp('AppRoleAssignment.LastModifiedDateTime', null, js(stamp)),
          mp('ServicePrincipal.ObjectID', null, js(client.servicePrincipalId)),
          mp('ServicePrincipal.DisplayName', null, js(client.displayName)),
          mp('ServicePrincipal.AppId', null, js(client.appId)),
          mp('ServicePrincipal.Name', null, js(client.appId)),
          mp('TargetId.ServicePrincipalNames', null, js(`https://graph.microsoft.com/;${resource.appId}`)),
        ]),
        spTarget(client, [], false),
      ],
      details: [...agentDetail(actor), { key: 'AppId', value: resource.appId }, { key: 'ServicePrincipalProvisioningType', value: 'Other' }],
      offsetMs: i * (5 + env.rng.int(40)),
      primary: i === 0,
    });
  });
}

export function addAppRoleAssignmentGrantToUser(env: ShapeEnv): void {
  const user = subjectUser(env);
  const app = clientApp(env, env.lookups.galleryApps);
  const actor = adminActor(env, APP_ADMIN_ROLES, 'apps');
  const stamp = graphTime(envTime(env) - 30 - env.rng.int(60), env.rng.int(10000));
  env.em.emit({
    name: 'Add app role assignment grant to user',
    actor,
    targets: [
      spTarget(app, [
        mp('AppRole.Id', null, js('00000000-0000-0000-0000-000000000000')),
        mp('AppRole.Value', null, null),
        mp('AppRole.DisplayName', null, js('Default Access')),
        mp('AppRoleAssignment.CreatedDateTime', null, js(stamp)),
        mp('AppRoleAssignment.LastModifiedDateTime', null, js(stamp)),
        mp('User.ObjectID', null, js(user.id)),
        mp('User.UPN', null, js(user.directoryUpn)),
        mp('TargetId.ServicePrincipalNames', null, js(app.appId)),
      ]),
      dirUserTarget(user, []),
    ],
    details: [...agentDetail(actor), userTypeDetail(user)],
    primary: true,
  });
}
