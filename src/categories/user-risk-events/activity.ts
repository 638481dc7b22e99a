/** The canonical UserRiskEvents activity: one Identity Protection risk detection on a user. */
import type { ActivityBase } from '../../core/activity.ts';
import type { RiskDetail, RiskDetectionTimingType, RiskLevel, RiskState, TokenIssuerType } from '../identity-protection/enums.ts';
import type { RiskInfoEntry } from '../identity-protection/additional-info.ts';
import type { RiskLocation } from '../identity-protection/location.ts';

/**
 * `id` is 64 hex digits. `time`/`tick` are lastUpdatedDateTime: a detection is written
 * again whenever its state changes (real records: envelope time = lastUpdatedDateTime).
 */
export interface UserRiskDetectionActivity extends ActivityBase {
  readonly category: 'UserRiskEvents';
  /** The sign-in that raised it (its `id`), or null when not tied to a sign-in. */
  readonly requestId: string | null;
  /** That sign-in's correlationId. */
  readonly correlationId: string | null;
  /** The detection type as a plain string (`unfamiliarFeatures`, `anomalousToken`, …). */
  readonly riskEventType: string;
  /** The deprecated enum form (`generic` for types the old enum lacks). */
  readonly riskType: string;
  readonly riskState: RiskState;
  readonly riskLevel: RiskLevel;
  readonly riskDetail: RiskDetail;
  /** `IdentityProtection`, `MicrosoftCloudAppSecurity`, … */
  readonly source: string;
  readonly detectionTimingType: RiskDetectionTimingType;
  readonly activity: 'signin' | 'user';
  readonly tokenIssuerType: TokenIssuerType;
  readonly ipAddress: string | null;
  readonly location: RiskLocation | null;
  /** When the risky activity happened (the sign-in's createdDateTime). */
  readonly activityTime: number;
  readonly activityTick: number;
  readonly detectedTime: number;
  readonly detectedTick: number;
  readonly userId: string;
  readonly userDisplayName: string;
  readonly userPrincipalName: string;
  /** Lower case in the diagnostic record (`member`/`guest`). */
  readonly userType: 'member' | 'guest';
  readonly homeTenantId: string;
  readonly crossTenantAccessType: 'none' | 'b2bCollaboration';
  readonly additionalInfo: ReadonlyArray<RiskInfoEntry>;
  readonly mitreTechniqueId: string | null;
  /** Whether the envelope repeats the IP as callerIpAddress (2022 records did, 2025 offline ones did not). */
  readonly envelopeCallerIp: boolean;
}
