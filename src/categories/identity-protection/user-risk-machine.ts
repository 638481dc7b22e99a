/**
 * A user's Identity Protection lifecycle, for the scenario engine to drive:
 *
 *   detect → atRisk (level = worst open detection)
 *          → confirmCompromised  confirmedCompromised / adminConfirmedUserCompromised, high
 *          → dismiss             dismissed / adminDismissedAllRiskForUser, none
 *          → confirmSafe         confirmedSafe / adminConfirmedAccountSafe, none
 *          → remediate           remediated / userPerformedSecuredPasswordReset (or another
 *                                remediation detail), none
 *
 * Each transition yields the RiskyUsers record Entra writes for the new state and the
 * UserRiskEvents records it writes: the new detection, or the open detections rewritten
 * with the closing state (a detection is re-emitted on every change; real 2022 record:
 * `dismissed`/`aiConfirmedSigninSafe` with a later lastUpdatedDateTime).
 * riskDetail values are the CSDL `riskDetail` members Identity Protection uses for each
 * action (riskyUser dismiss / confirmCompromised / confirmSafe actions, graph-api.md §9;
 * remediation details per the Graph riskDetail docs).
 */
import type { BuildContext } from '../../core/activity.ts';
import type { User } from '../../tenant/types.ts';
import type { RiskyUserActivity } from '../risky-users/activity.ts';
import { buildRiskyUser } from '../risky-users/build.ts';
import type { UserRiskDetectionActivity } from '../user-risk-events/activity.ts';
import { buildUserRiskDetection, updateUserRiskDetection, type UserRiskDetectionSpec } from '../user-risk-events/build.ts';
import type { RiskDetail, RiskLevel, RiskState } from './enums.ts';
import { RiskStateMachine, type RiskStep } from './risk-machine.ts';
import { pickAdminId } from './subjects.ts';

/** How a user's risk gets remediated (riskDetail of the `remediated` state). */
export type UserRiskRemediation =
  | 'userPerformedSecuredPasswordReset'
  | 'userPerformedSecuredPasswordChange'
  | 'userPassedMFADrivenByRiskBasedPolicy'
  | 'adminGeneratedTemporaryPassword'
  | 'userChangedPasswordOnPremises';

export interface UserRiskTransition {
  /** The RiskyUsers record of the new state; null when the user's state did not change. */
  readonly riskyUser: RiskyUserActivity | null;
  /** New or rewritten UserRiskEvents records. */
  readonly detections: ReadonlyArray<UserRiskDetectionActivity>;
}

export interface DetectOptions {
  /** Delay of the RiskyUsers update after the detection (default 5 s – 20 min; real: 18 min). */
  readonly riskyUserDelayMs?: number;
}

export class UserRiskStateMachine extends RiskStateMachine<UserRiskDetectionActivity, RiskyUserActivity> {
  constructor(
    ctx: BuildContext,
    readonly user: User,
  ) {
    super(ctx);
  }

  /**
   * A detection at `time` (its detectedDateTime). Pass the sign-in it came from in
   * `spec` (requestId, correlationId, ipAddress, userAgent, activityTime). A detection
   * that is already closed (e.g. realtime risk remediated by MFA) leaves the user's
   * state unchanged.
   */
  detect(time: number, spec: Omit<UserRiskDetectionSpec, 'user'> = {}, options: DetectOptions = {}): UserRiskTransition {
    const d = buildUserRiskDetection(this.ctx, time, { ...spec, user: this.user });
    return transition(this.opened(d, d.detectedTime, options.riskyUserDelayMs));
  }

  /** An admin confirms the user compromised: risk high, plus an adminConfirmedUserCompromised detection. */
  confirmCompromised(time: number, adminId?: string): UserRiskTransition {
    const actor = adminId ?? pickAdminId(this.ctx);
    return transition(
      this.compromised(time, actor, 'adminConfirmedUserCompromised', () =>
        buildUserRiskDetection(this.ctx, time, {
          user: this.user,
          riskEventType: 'adminConfirmedUserCompromised',
          activity: 'user',
          detectionTimingType: 'offline',
          riskLevel: 'high',
          riskState: 'confirmedCompromised',
          riskDetail: 'adminConfirmedUserCompromised',
          requestId: null,
          correlationId: null,
          ipAddress: null,
          activityTime: time,
        }),
      ),
    );
  }

  /** An admin dismisses all the user's risk. */
  dismiss(time: number, adminId?: string): UserRiskTransition {
    return transition(this.close(time, 'dismissed', 'adminDismissedAllRiskForUser', adminId ?? pickAdminId(this.ctx)));
  }

  /** An admin confirms the account safe. */
  confirmSafe(time: number, adminId?: string): UserRiskTransition {
    return transition(this.close(time, 'confirmedSafe', 'adminConfirmedAccountSafe', adminId ?? pickAdminId(this.ctx)));
  }

  /**
   * The risk is remediated: by the user (secure password reset/change, MFA on a risk
   * policy, on-premises change) or by an admin's temporary password.
   */
  remediate(time: number, how: UserRiskRemediation = 'userPerformedSecuredPasswordReset', actorId?: string): UserRiskTransition {
    const actor = actorId ?? (how === 'adminGeneratedTemporaryPassword' ? pickAdminId(this.ctx) : this.user.id);
    return transition(this.close(time, 'remediated', how, actor));
  }

  protected buildRecord(
    time: number,
    riskState: RiskState,
    riskDetail: RiskDetail,
    riskLevel: RiskLevel,
    initiatedBy: string | null,
    riskEventTypes: ReadonlyArray<string>,
  ): RiskyUserActivity {
    return buildRiskyUser(this.ctx, time, { user: this.user, riskState, riskDetail, riskLevel, initiatedBy, riskEventTypes });
  }

  protected rewrite(d: UserRiskDetectionActivity, time: number, tick: number, riskState: RiskState, riskDetail: RiskDetail): UserRiskDetectionActivity {
    return updateUserRiskDetection(d, time, tick, { riskState, riskDetail });
  }
}

function transition(step: RiskStep<UserRiskDetectionActivity, RiskyUserActivity>): UserRiskTransition {
  return { riskyUser: step.record, detections: step.detections };
}
