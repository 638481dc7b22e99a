/**
 * What a story can force on an audit event. Everything is optional: unset fields are drawn
 * like the baseline does.
 */
import type { AuditActivityName, ServiceActorKey } from '../../data/audit-activities.ts';
import type { AuditKeyValue, AuditModifiedProperty, AuditResult, AuditTarget } from './model.ts';

/** Who acts: a tenant user (by index), an application (display name or appId), or a Microsoft service. */
export type AuditInitiatorSpec =
  | {
      readonly user: number;
      /** Core Directory client name written as the user's displayName (e.g. "Microsoft Graph Command Line Tools"). */
      readonly client?: string;
      readonly ipAddress?: string;
    }
  | { readonly app: string }
  | { readonly service: ServiceActorKey };

/** What the event is about. Apps unknown to the tenant become stable external apps (consent phishing). */
export interface AuditTargetSpec {
  /** Tenant user index (the user added, updated, consenting, activating…). */
  readonly user?: number;
  /** Index into `tenant.groups`. */
  readonly group?: number;
  /** Client application: display name or appId. */
  readonly app?: string;
  /** Resource application of grants / app-role assignments (default Microsoft Graph). */
  readonly resourceApp?: string;
  /** Directory role: template id or display name. */
  readonly role?: string;
  /** Index into `tenant.conditionalAccessPolicies`. */
  readonly policy?: number;
}

export interface AuditEventSpec {
  /** Activity to write (activityDisplayName); drawn from the baseline mix when absent. */
  readonly activity?: AuditActivityName;
  readonly initiator?: AuditInitiatorSpec;
  readonly target?: AuditTargetSpec;
  readonly result?: AuditResult;
  readonly resultReason?: string;
  readonly correlationId?: string;
  /** Replace the first target's modifiedProperties (values must already be JSON-encoded text). */
  readonly modifiedProperties?: ReadonlyArray<AuditModifiedProperty>;
  /** Replace all targets of the primary record. */
  readonly targetResources?: ReadonlyArray<AuditTarget>;
  readonly additionalDetails?: ReadonlyArray<AuditKeyValue>;
  /** Delegated scopes (consent, delegated grants), e.g. ['offline_access', 'Mail.Read']. */
  readonly scopes?: ReadonlyArray<string>;
  /** Graph application permissions for app-role assignments, e.g. ['Mail.Read']. */
  readonly appRoles?: ReadonlyArray<string>;
  /** Consent for the whole tenant (admin consent) instead of the user only. */
  readonly adminConsent?: boolean;
  /** PIM justification. */
  readonly justification?: string;
  /** properties.userAgent of the primary record. */
  readonly userAgent?: string;
  /** Also write the records Entra writes alongside (default true). */
  readonly companions?: boolean;
}
