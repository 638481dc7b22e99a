/** The canonical RiskyUsers activity: a user's Identity Protection state after a change. */
import type { ActivityBase } from '../../core/activity.ts';
import type { RiskDetail, RiskLevel, RiskState } from '../identity-protection/enums.ts';

export interface RiskyUserActivity extends ActivityBase {
  readonly category: 'RiskyUsers';
  /** `id` is the user's object id (graph-api.md §7); `time`/`tick` = riskLastUpdatedDateTime. */
  readonly userId: string;
  readonly userDisplayName: string;
  /** The directory object's UPN. */
  readonly userPrincipalName: string;
  readonly riskState: RiskState;
  readonly riskDetail: RiskDetail;
  readonly riskLevel: RiskLevel;
  readonly isDeleted: boolean;
  readonly isProcessing: boolean;
  /**
   * Who made the change (history `initiatedBy`): an admin's or the user's object id;
   * null when Identity Protection raised the risk itself.
   */
  readonly initiatedBy: string | null;
  /** Detection types behind the change (history `activity.riskEventTypes`). */
  readonly riskEventTypes: ReadonlyArray<string>;
}
