/** Builds RiskyUsers activities: one user's risk state as Identity Protection writes it. */
import type { BuildContext } from '../../core/activity.ts';
import type { User } from '../../tenant/types.ts';
import type { RiskDetail, RiskLevel, RiskState } from '../identity-protection/enums.ts';
import { hasUserRiskDetail } from '../identity-protection/licence.ts';
import { defaultRiskEventTypes, drawRiskOutcome, type RiskySubjectProfile } from '../identity-protection/risky-subject.ts';
import { pickAdminId, resolveUser } from '../identity-protection/subjects.ts';
import { USER_RISK_MIX } from '../../data/risk-detections.ts';
import type { RiskyUserActivity } from './activity.ts';

export interface RiskyUserSpec {
  /** The user (object or index); default a random member. */
  readonly user?: User | number;
  readonly riskState?: RiskState;
  readonly riskDetail?: RiskDetail;
  readonly riskLevel?: RiskLevel;
  readonly isDeleted?: boolean;
  readonly isProcessing?: boolean;
  /** Actor of the change (admin or user object id); null for Identity Protection. */
  readonly initiatedBy?: string | null;
  /** Detection types that raised the risk. */
  readonly riskEventTypes?: ReadonlyArray<string>;
  /** 100-ns ticks below the millisecond of riskLastUpdatedDateTime. */
  readonly tick?: number;
}

/**
 * The mix of states a baseline risky-user record shows. Every state/detail pair is one
 * Identity Protection writes: self-remediation by secure password reset/change or by MFA
 * on a risk policy, admin password reset, on-premises change (password hash sync),
 * admin dismiss / confirm compromised / confirm safe.
 */
const PROFILE: RiskySubjectProfile = {
  outcomes: [
    [{ state: 'atRisk', detail: 'none' }, 55],
    [{ state: 'remediated', detail: 'userPerformedSecuredPasswordReset' }, 12],
    [{ state: 'remediated', detail: 'userPerformedSecuredPasswordChange' }, 5],
    [{ state: 'remediated', detail: 'userPassedMFADrivenByRiskBasedPolicy' }, 5],
    [{ state: 'remediated', detail: 'adminGeneratedTemporaryPassword' }, 3],
    [{ state: 'remediated', detail: 'userChangedPasswordOnPremises' }, 2],
    [{ state: 'dismissed', detail: 'adminDismissedAllRiskForUser' }, 13],
    [{ state: 'confirmedCompromised', detail: 'adminConfirmedUserCompromised' }, 3],
    [{ state: 'confirmedSafe', detail: 'adminConfirmedAccountSafe' }, 2],
  ],
  atRiskLevels: [
    ['low', 35],
    ['medium', 45],
    ['high', 20],
  ],
  defaultDetail: {
    remediated: 'userPerformedSecuredPasswordReset',
    dismissed: 'adminDismissedAllRiskForUser',
    confirmedCompromised: 'adminConfirmedUserCompromised',
    confirmedSafe: 'adminConfirmedAccountSafe',
  },
  mix: USER_RISK_MIX,
  compromisedType: 'adminConfirmedUserCompromised',
};

/** Who performs the change a detail names: `user…` the user, `admin…` an admin, else Identity Protection. */
function actorOf(detail: RiskDetail): 'system' | 'user' | 'admin' {
  if (detail.startsWith('user')) return 'user';
  if (detail.startsWith('admin')) return 'admin';
  return 'system';
}

/** One RiskyUsers record at `time` (riskLastUpdatedDateTime, epoch ms). */
export function buildRiskyUser(ctx: BuildContext, time: number, spec: RiskyUserSpec = {}): RiskyUserActivity {
  const { rng, tenant } = ctx;
  const user = resolveUser(ctx, spec.user, true);
  const drawn = drawRiskOutcome(rng, PROFILE, spec);
  const riskState = drawn.riskState;
  let { riskDetail, riskLevel } = drawn;
  const actor = actorOf(riskDetail);
  const initiatedBy =
    spec.initiatedBy !== undefined ? spec.initiatedBy : actor === 'system' ? null : actor === 'user' ? user.id : pickAdminId(ctx);
  const riskEventTypes = spec.riskEventTypes ?? defaultRiskEventTypes(rng, PROFILE, riskState);
  if (!hasUserRiskDetail(tenant)) {
    // Without P2 the level and detail read `hidden` (licence.ts).
    riskLevel = 'hidden';
    riskDetail = 'hidden';
  }
  const tick = spec.tick ?? rng.int(10000);
  return {
    category: 'RiskyUsers',
    id: user.id,
    time,
    tick,
    // Real records: envelope `time` is riskLastUpdatedDateTime to the second (no delay).
    envelopeTime: time,
    envelopeTick: tick,
    userId: user.id,
    userDisplayName: user.displayName,
    userPrincipalName: user.directoryUpn,
    riskState,
    riskDetail,
    riskLevel,
    isDeleted: spec.isDeleted ?? false,
    isProcessing: spec.isProcessing ?? false,
    initiatedBy,
    riskEventTypes,
  };
}
