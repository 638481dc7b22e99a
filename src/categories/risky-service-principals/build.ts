/** Builds RiskyServicePrincipals activities. */
import type { BuildContext } from '../../core/activity.ts';
import type { Application } from '../../tenant/types.ts';
import { SERVICE_PRINCIPAL_RISK_MIX } from '../../data/risk-detections.ts';
import type { RiskDetail, RiskLevel, RiskState } from '../identity-protection/enums.ts';
import { defaultRiskEventTypes, drawRiskOutcome, type RiskySubjectProfile } from '../identity-protection/risky-subject.ts';
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

/** Workload identities are closed by an admin: confirm compromised or dismiss (concept-workload-identity-risk.md). */
const PROFILE: RiskySubjectProfile = {
  outcomes: [
    [{ state: 'atRisk', detail: 'none' }, 70],
    [{ state: 'dismissed', detail: 'adminDismissedAllRiskForServicePrincipal' }, 22],
    [{ state: 'confirmedCompromised', detail: 'adminConfirmedServicePrincipalCompromised' }, 8],
  ],
  atRiskLevels: [
    ['low', 25],
    ['medium', 45],
    ['high', 30],
  ],
  defaultDetail: {
    dismissed: 'adminDismissedAllRiskForServicePrincipal',
    confirmedCompromised: 'adminConfirmedServicePrincipalCompromised',
  },
  mix: SERVICE_PRINCIPAL_RISK_MIX,
  compromisedType: 'adminConfirmedServicePrincipalCompromised',
};

/** One RiskyServicePrincipals record at `time` (riskLastUpdatedDateTime, epoch ms). */
export function buildRiskyServicePrincipal(
  ctx: BuildContext,
  time: number,
  spec: RiskyServicePrincipalSpec = {},
): RiskyServicePrincipalActivity {
  const { rng } = ctx;
  const app = resolveServicePrincipal(ctx, spec.servicePrincipal);
  const { riskState, riskDetail, riskLevel } = drawRiskOutcome(rng, PROFILE, spec);
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
    riskEventTypes: spec.riskEventTypes ?? defaultRiskEventTypes(rng, PROFILE, riskState),
  };
}
