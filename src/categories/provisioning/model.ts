/**
 * The canonical provisioning activity: one object processed by a provisioning job (Graph
 * `provisioningObjectSummary`). The diagnostic record (PascalCase nested Id/Name/Type/Status,
 * numeric step enums), the Graph resource (camelCase, enum member names) and the
 * AADProvisioningLogs row (object columns as JSON strings) are all drawn from it.
 */
import type { ActivityBase } from '../../core/activity.ts';

export type ProvisioningActionValue = 'create' | 'update' | 'disable' | 'delete' | 'stagedDelete' | 'other';
export type ProvisioningResultValue = 'success' | 'failure' | 'skipped' | 'warning';
export type ProvisioningStepTypeValue = 'import' | 'scoping' | 'matching' | 'processing' | 'referenceResolution' | 'export';
export type InitiatorTypeValue = 'user' | 'application' | 'system';

/** Free-text keys as Entra writes them in `details` (open type). */
export type ProvisioningDetails = Readonly<Record<string, string>>;

export interface ProvisioningRef {
  readonly id: string;
  readonly name: string;
}

export interface ProvisioningSystem extends ProvisioningRef {
  readonly details: ProvisioningDetails;
}

export interface ProvisionedIdentity extends ProvisioningRef {
  readonly identityType: string;
  readonly details: ProvisioningDetails;
}

export interface ProvisioningStep {
  readonly name: string;
  readonly type: ProvisioningStepTypeValue;
  readonly status: ProvisioningResultValue;
  readonly description: string;
  readonly details: ProvisioningDetails;
}

export interface ProvisioningErrorInfo {
  readonly errorCode: string;
  readonly reason: string;
  readonly additionalDetails: string | null;
  readonly errorCategory: 'failure' | 'nonServiceFailure';
  readonly recommendedAction: string | null;
}

export interface ProvisioningModifiedProperty {
  readonly displayName: string;
  /** Plain values, not JSON-encoded (unlike audit logs) [obs]. */
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export interface ProvisioningActivity extends ActivityBase {
  readonly category: 'ProvisioningLogs';
  readonly jobId: string;
  readonly cycleId: string;
  /** Also the envelope correlationId [obs]. */
  readonly changeId: string;
  /** `action` (beta / diagnostic): "Create", "Update", "Disable", "Delete". */
  readonly action: string;
  readonly provisioningAction: ProvisioningActionValue;
  readonly durationMs: number;
  readonly servicePrincipal: ProvisioningRef;
  readonly sourceSystem: ProvisioningSystem;
  readonly targetSystem: ProvisioningSystem;
  readonly initiatedBy: ProvisioningRef & { readonly type: InitiatorTypeValue };
  readonly sourceIdentity: ProvisionedIdentity;
  readonly targetIdentity: ProvisionedIdentity;
  readonly status: ProvisioningResultValue;
  readonly error: ProvisioningErrorInfo | null;
  readonly steps: ReadonlyArray<ProvisioningStep>;
  readonly modifiedProperties: ReadonlyArray<ProvisioningModifiedProperty>;
}
