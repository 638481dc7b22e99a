/** The canonical UserRiskEvents activity: one Identity Protection risk detection on a user. */
import type { RiskDetectionBase } from '../identity-protection/detection.ts';

/**
 * `id` is 64 hex digits. `time`/`tick` are lastUpdatedDateTime: a detection is written
 * again whenever its state changes (real records: envelope time = lastUpdatedDateTime).
 */
export interface UserRiskDetectionActivity extends RiskDetectionBase {
  readonly category: 'UserRiskEvents';
  /** The deprecated enum form (`generic` for types the old enum lacks). */
  readonly riskType: string;
  readonly activity: 'signin' | 'user';
  readonly userId: string;
  readonly userDisplayName: string;
  readonly userPrincipalName: string;
  /** Lower case in the diagnostic record (`member`/`guest`). */
  readonly userType: 'member' | 'guest';
  readonly homeTenantId: string;
  readonly crossTenantAccessType: 'none' | 'b2bCollaboration';
}
