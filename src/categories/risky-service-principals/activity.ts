/** The canonical RiskyServicePrincipals activity: a workload identity's risk state after a change. */
import type { ActivityBase } from '../../core/activity.ts';
import type { RiskDetail, RiskLevel, RiskState } from '../identity-protection/enums.ts';

export interface RiskyServicePrincipalActivity extends ActivityBase {
  readonly category: 'RiskyServicePrincipals';
  /** `id` is the service principal's object id; `time`/`tick` = riskLastUpdatedDateTime. */
  readonly servicePrincipalId: string;
  readonly appId: string;
  readonly displayName: string;
  /** `Application` for app registrations and SaaS apps (the only ones ID Protection scores). */
  readonly servicePrincipalType: string;
  readonly isEnabled: boolean;
  /** beta / Log Analytics `accountEnabled`. */
  readonly accountEnabled: boolean;
  readonly isProcessing: boolean;
  readonly riskState: RiskState;
  readonly riskDetail: RiskDetail;
  readonly riskLevel: RiskLevel;
  /** Who made the change (admin object id); null when Identity Protection raised the risk. */
  readonly initiatedBy: string | null;
  /** Detection types behind the change (history `activity.riskEventTypes`). */
  readonly riskEventTypes: ReadonlyArray<string>;
}
