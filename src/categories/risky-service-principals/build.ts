/** Builds RiskyServicePrincipals activities. */
import type { BuildContext } from '../../core/activity.ts';
import type { Application } from '../../tenant/types.ts';
import { SERVICE_PRINCIPAL_RISK_MIX } from '../../data/risk-detections.ts';
import type { RiskDetail, RiskLevel, RiskState } from '../identity-protection/enums.ts';
import { pickAdminId, resolveServicePrincipal } from '../identity-protection/subjects.ts';
import type { RiskyServicePrincipalActivity } from './activity.ts';

export interface RiskyServicePrincipalSpec {
  /** The application (object, appId or SP object id); default a random tenant/SaaS app. */
  readonly servicePrincipal?: Application | string;
  readonly riskState?: RiskState;
  readonly riskDetail?: RiskDetail;
  readonly riskLevel?: RiskLevel;
  readonly isEnabled?: boolean;
  readonly accountEnabled?: boolean;
  readonly isProcessing?: boolean;
  readonly initiatedBy?: string | null;
  readonly riskEventTypes?: ReadonlyArray<string>;
  readonly tick?: number;
}

interface Outcome {
  readonly state: RiskState;
  readonly detail: RiskDetail;
}

/** Workload identities are closed by an admin: confirm compromised or dismiss (concept-workload-identity-risk.md). */
const OUTCOMES: ReadonlyArray<readonly [Outcome, number]> = [
  [{ state: 'atRisk', detail: 'none' }, 70],
  [{ state: 'dismissed', detail: 'adminDismissedAllRiskForServicePrincipal' }, 22],
  [{ state: 'confirmedCompromised', detail: 'adminConfirmedServicePrincipalCompromised' }, 8],
];

const AT_RISK_LEVELS: ReadonlyArray<readonly [RiskLevel, number]> = [
  ['low', 25],
  ['medium', 45],
  ['high', 30],
];

/** The detail written for a state when the caller names only the state. */
const DEFAULT_DETAIL: Partial<Record<RiskState, RiskDetail>> = {
  dismissed: 'adminDismissedAllRiskForServicePrincipal',
  confirmedCompromised: 'adminConfirmedServicePrincipalCompromised',
};

/** One RiskyServicePrincipals record at `time` (riskLastUpdatedDateTime, epoch ms). */
export function buildRiskyServicePrincipal(
  ctx: BuildContext,
  time: number,
  spec: RiskyServicePrincipalSpec = {},
): RiskyServicePrincipalActivity {
  const { rng } = ctx;
  const app = resolveServicePrincipal(ctx, spec.servicePrincipal);
  const outcome = spec.riskState === undefined ? rng.weighted(OUTCOMES) : undefined;
  const riskState: RiskState = spec.riskState ?? outcome!.state;
  const riskDetail: RiskDetail = spec.riskDetail ?? outcome?.detail ?? DEFAULT_DETAIL[riskState] ?? 'none';
  const riskLevel: RiskLevel =
    spec.riskLevel ?? (riskState === 'atRisk' ? rng.weighted(AT_RISK_LEVELS) : riskState === 'confirmedCompromised' ? 'high' : 'none');
  const admin = riskDetail.startsWith('admin');
  const tick = spec.tick ?? rng.int(10000);
  return {
    category: 'RiskyServicePrincipals',
    id: app.servicePrincipalId,
    time,
    tick,
    // Mirrors RiskyUsers (no public sample): envelope time = riskLastUpdatedDateTime.
    envelopeTime: time,
    envelopeTick: tick,
    servicePrincipalId: app.servicePrincipalId,
    appId: app.appId,
    displayName: app.displayName,
    servicePrincipalType: 'Application',
    isEnabled: spec.isEnabled ?? true,
    accountEnabled: spec.accountEnabled ?? true,
    isProcessing: spec.isProcessing ?? false,
    riskState,
    riskDetail,
    riskLevel,
    initiatedBy: spec.initiatedBy !== undefined ? spec.initiatedBy : admin ? pickAdminId(ctx) : null,
    riskEventTypes:
      spec.riskEventTypes ??
      (riskState === 'atRisk'
        ? [rng.weighted(SERVICE_PRINCIPAL_RISK_MIX).riskEventType]
        : riskState === 'confirmedCompromised'
          ? ['adminConfirmedServicePrincipalCompromised']
          : []),
  };
}
