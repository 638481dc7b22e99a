/**
 * The canonical directory-audit activity shared by AuditLogs and
 * CustomSecurityAttributeAuditLogs: one Graph-beta `directoryAudit` event, from which the
 * diagnostic record, the Graph resource and the Log Analytics row are all drawn.
 */
import type { ActivityBase } from '../../core/activity.ts';

/** A changed property; values are already JSON-encoded text (`"[\"x\"]"`, `"\"Member\""`) as Entra writes them (notes §A.4). */
export interface AuditModifiedProperty {
  readonly displayName: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

/** `targetResources[]` entry. Optional keys are absent from the record when undefined [obs]. */
export interface AuditTarget {
  readonly id: string | null;
  readonly displayName: string | null;
  /** `User`, `Group`, `Role`, `ServicePrincipal`, `Application`, `Policy`, `Device`, `Directory`, `Request`, `Other`; absent on some Authentication Methods targets [obs]. */
  readonly type?: string;
  /** Only on User targets. */
  readonly userPrincipalName?: string | null;
  /** Only on Group targets (`unifiedGroups`, `azureAD`, `unknownFutureValue` [obs]). */
  readonly groupType?: string | null;
  readonly modifiedProperties: ReadonlyArray<AuditModifiedProperty>;
}

export interface AuditKeyValue {
  readonly key: string;
  readonly value: string;
}

/** A user who initiated the activity (`initiatedBy.user`). */
export interface AuditUserInitiator {
  readonly kind: 'user';
  readonly id: string | null;
  /** Core Directory writes the client the user acted through here (e.g. "Microsoft App Access Panel"); other services the user's name [obs]. */
  readonly displayName: string | null;
  readonly userPrincipalName: string | null;
  /** `""` for self-service password events, null when unknown [obs]. */
  readonly ipAddress: string | null;
  /** For Graph beta `auditUserIdentity` (guests: their home tenant). */
  readonly homeTenantId: string | null;
  readonly homeTenantName: string | null;
}

/** An application or Microsoft service that initiated the activity (`initiatedBy.app`). */
export interface AuditAppInitiator {
  readonly kind: 'app';
  /** null for Microsoft back-end services [obs]. */
  readonly appId: string | null;
  readonly displayName: string | null;
  readonly servicePrincipalId: string | null;
  readonly servicePrincipalName: string | null;
}

export type AuditInitiator = AuditUserInitiator | AuditAppInitiator;

export type AuditResult = 'success' | 'failure' | 'timeout';

export interface DirectoryAuditActivity extends ActivityBase {
  readonly category: 'AuditLogs' | 'CustomSecurityAttributeAuditLogs';
  /** Audit category (`UserManagement`, `AttributeManagement`, …) — not the diagnostic category. */
  readonly auditCategory: string;
  readonly activityDisplayName: string;
  readonly loggedByService: string;
  readonly operationType: string;
  readonly result: AuditResult;
  /** Also repeated as `resultDescription` [obs]. */
  readonly resultReason: string;
  readonly correlationId: string;
  /** null only for the rare events Entra logs without an initiator (`initiatedBy: {}`). */
  readonly initiatedBy: AuditInitiator | null;
  /** Envelope `callerIpAddress`; null → key absent. */
  readonly callerIpAddress: string | null;
  /** Envelope `identity` (a display name); null → key absent and `properties.identity` is `""`. */
  readonly identity: string | null;
  readonly targetResources: ReadonlyArray<AuditTarget>;
  readonly additionalDetails: ReadonlyArray<AuditKeyValue>;
  /** `properties.userAgent`: null in most records [obs]; set by Conditional Access. */
  readonly userAgent: string | null;
  /** `properties.tenantGeo` ("NA", "EU", …). */
  readonly tenantGeo: string;
}
