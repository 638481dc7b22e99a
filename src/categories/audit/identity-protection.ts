/**
 * What Identity Protection writes to AuditLogs when someone acts on risk (service
 * "Identity Protection", category "Other"): an admin in the portal, or an app calling the
 * Graph risk actions (riskyUsers/confirmCompromised, dismiss, …).
 */
import type { BuildContext } from '../../core/activity.ts';
import type { User } from '../../tenant/types.ts';
import { auditLookups } from './lookups.ts';
import type { DirectoryAuditActivity } from './model.ts';

export type IdentityProtectionAuditActivity =
  | 'ConfirmAccountCompromised'
  | 'DismissUser'
  | 'ConfirmAccountSafe'
  | 'ConfirmServicePrincipalCompromised'
  | 'DismissServicePrincipal';

export interface IdentityProtectionAuditSpec {
  readonly activity: IdentityProtectionAuditActivity;
  /** The admin (with the IP of their portal sign-in), or the calling app. */
  readonly actor:
    | { readonly kind: 'user'; readonly user: User; readonly ip: string }
    | { readonly kind: 'app'; readonly appId: string; readonly displayName: string; readonly servicePrincipalId: string };
  readonly target:
    | { readonly kind: 'user'; readonly user: User }
    | { readonly kind: 'servicePrincipal'; readonly id: string; readonly displayName: string };
}

const AUDIT_TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * The audit record of an Identity Protection action. Activity names and the "Other"
 * category are those of Microsoft's audit activity reference (Identity protection
 * section); the result reason is the one a real ConfirmAccountCompromised record carries
 * ("Dismiss Success. Item updated: 1. Action type: …", quoted in
 * dwarfered/msgraph-sdk-powershell-examples). The id prefix follows the other services'
 * `<service>_<correlationId>_<5>_<digits>` form [guessed for this service].
 */
export function identityProtectionAudit(ctx: BuildContext, time: number, spec: IdentityProtectionAuditSpec): DirectoryAuditActivity {
  const { rng, tenant } = ctx;
  const correlationId = rng.uuid();
  let token = '';
  for (let i = 0; i < 5; i++) token += AUDIT_TOKEN[rng.int(36)];
  const tick = rng.int(10000);
  const target =
    spec.target.kind === 'user'
      ? { id: spec.target.user.id, displayName: spec.target.user.displayName, type: 'User', userPrincipalName: spec.target.user.directoryUpn, modifiedProperties: [] }
      : { id: spec.target.id, displayName: spec.target.displayName, type: 'ServicePrincipal', modifiedProperties: [] };
  const actor = spec.actor;
  return {
    category: 'AuditLogs',
    id: `IdentityProtection_${correlationId}_${token}_${rng.range(1_000_000, 99_000_000)}`,
    time,
    tick,
    envelopeTime: time,
    envelopeTick: tick,
    auditCategory: 'Other',
    activityDisplayName: spec.activity,
    loggedByService: 'Identity Protection',
    operationType: 'Update',
    result: 'success',
    resultReason: `Dismiss Success. Item updated: 1. Action type: ${spec.activity}`,
    correlationId,
    // Services other than Core Directory write the admin's own name (audit/actors.ts namedUser).
    initiatedBy:
      actor.kind === 'user'
        ? {
            kind: 'user',
            id: actor.user.id,
            displayName: actor.user.displayName,
            userPrincipalName: actor.user.directoryUpn,
            ipAddress: actor.ip,
            homeTenantId: actor.user.homeTenantId,
            homeTenantName: actor.user.homeTenantName,
          }
        : { kind: 'app', appId: actor.appId, displayName: actor.displayName, servicePrincipalId: actor.servicePrincipalId, servicePrincipalName: null },
    callerIpAddress: actor.kind === 'user' ? actor.ip : null,
    identity: actor.kind === 'user' ? actor.user.displayName : actor.displayName,
    targetResources: [target],
    additionalDetails: [],
    userAgent: null,
    tenantGeo: auditLookups(tenant).tenantGeo,
  };
}
