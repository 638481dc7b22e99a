/** The canonical ServicePrincipalRiskEvents activity: one risk detection on a workload identity. */
import type { RiskDetectionBase } from '../identity-protection/detection.ts';

/** `id` is 64 hex digits; `time`/`tick` are lastUpdatedDateTime. */
export interface ServicePrincipalRiskDetectionActivity extends RiskDetectionBase {
  readonly category: 'ServicePrincipalRiskEvents';
  /** Always `servicePrincipal` (graph-api.md §9). */
  readonly activity: 'servicePrincipal';
  readonly servicePrincipalId: string;
  readonly servicePrincipalDisplayName: string;
  readonly appId: string;
  /** Credentials (keyCredential/passwordCredential keyIds) the detection names. */
  readonly keyIds: ReadonlyArray<string>;
}
