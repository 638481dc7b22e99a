/** The canonical ServicePrincipalRiskEvents activity: one risk detection on a workload identity. */
import type { ActivityBase } from '../../core/activity.ts';
import type { RiskDetail, RiskDetectionTimingType, RiskLevel, RiskState, TokenIssuerType } from '../identity-protection/enums.ts';
import type { RiskInfoEntry } from '../identity-protection/additional-info.ts';
import type { RiskLocation } from '../identity-protection/location.ts';

/** `id` is 64 hex digits; `time`/`tick` are lastUpdatedDateTime. */
export interface ServicePrincipalRiskDetectionActivity extends ActivityBase {
  readonly category: 'ServicePrincipalRiskEvents';
  readonly requestId: string | null;
  readonly correlationId: string | null;
  readonly riskEventType: string;
  readonly riskState: RiskState;
  readonly riskLevel: RiskLevel;
  readonly riskDetail: RiskDetail;
  readonly source: string;
  readonly detectionTimingType: RiskDetectionTimingType;
  /** Always `servicePrincipal` (graph-api.md §9). */
  readonly activity: 'servicePrincipal';
  readonly tokenIssuerType: TokenIssuerType;
  readonly ipAddress: string | null;
  readonly location: RiskLocation | null;
  readonly activityTime: number;
  readonly activityTick: number;
  readonly detectedTime: number;
  readonly detectedTick: number;
  readonly servicePrincipalId: string;
  readonly servicePrincipalDisplayName: string;
  readonly appId: string;
  /** Credentials (keyCredential/passwordCredential keyIds) the detection names. */
  readonly keyIds: ReadonlyArray<string>;
  readonly additionalInfo: ReadonlyArray<RiskInfoEntry>;
  readonly mitreTechniqueId: string | null;
  readonly envelopeCallerIp: boolean;
}
