/**
 * The baseline mix of UserRiskEvents records. A record is written when a detection is
 * raised and again whenever its state changes, so the baseline also shows detections
 * already closed: real-time sign-in risk remediated by MFA on a risk policy, unfamiliar
 * properties dismissed by Identity Protection's own model (real 2022 record:
 * `dismissed` / `aiConfirmedSigninSafe` 2.5 min after detection), and detections closed
 * by a later secure password reset.
 */
import type { BuildContext } from '../../core/activity.ts';
import { DAY, HOUR, MINUTE } from '../../core/time.ts';
import { USER_RISK_MIX } from '../../data/risk-detections.ts';
import type { RiskDetail, RiskState } from '../identity-protection/enums.ts';
import type { UserRiskDetectionActivity } from './activity.ts';
import { buildUserRiskDetection } from './build.ts';

/** One baseline record written at `time` (its lastUpdatedDateTime). */
export function baselineUserRiskDetection(ctx: BuildContext, time: number): UserRiskDetectionActivity {
  const { rng } = ctx;
  const row = rng.weighted(USER_RISK_MIX);
  const timing = rng.weighted(row.timing);
  const r = rng.next();
  let riskState: RiskState = 'atRisk';
  let riskDetail: RiskDetail = 'none';
  let lag = 0;
  if (row.activity === 'signin' && timing === 'realtime' && r < 0.15) {
    riskState = 'remediated';
    riskDetail = 'userPassedMFADrivenByRiskBasedPolicy';
    lag = rng.range(20_000, 3 * MINUTE);
  } else if (row.riskEventType === 'unfamiliarFeatures' && r < 0.27) {
    riskState = 'dismissed';
    riskDetail = 'aiConfirmedSigninSafe';
    lag = rng.range(MINUTE, 5 * MINUTE);
  } else if (r > 0.95) {
    riskState = 'remediated';
    riskDetail = 'userPerformedSecuredPasswordReset';
    lag = rng.range(HOUR, 3 * DAY);
  }
  return buildUserRiskDetection(ctx, time - lag, {
    riskEventType: row.riskEventType,
    activity: row.activity,
    detectionTimingType: timing,
    riskState,
    riskDetail,
    lastUpdatedTime: time,
  });
}
