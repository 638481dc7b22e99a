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
import { MINUTE } from '../../core/time.ts';
import type { User } from '../../tenant/types.ts';
import type { RiskyUserActivity } from '../risky-users/activity.ts';
import { buildRiskyUser } from '../risky-users/build.ts';
import type { UserRiskDetectionActivity } from '../user-risk-events/activity.ts';
import { buildUserRiskDetection, updateUserRiskDetection, type UserRiskDetectionSpec } from '../user-risk-events/build.ts';
import { maxRiskLevel, type RiskDetail, type RiskLevel, type RiskState } from './enums.ts';
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

export class UserRiskStateMachine {
  private open: UserRiskDetectionActivity[] = [];
  private state: RiskState = 'none';
  private level: RiskLevel = 'none';
  private detail: RiskDetail = 'none';
  private readonly records: RiskyUserActivity[] = [];

  constructor(
    private readonly ctx: BuildContext,
    readonly user: User,
  ) {}

  get riskState(): RiskState {
    return this.state;
  }
  get riskLevel(): RiskLevel {
    return this.level;
  }
  get riskDetail(): RiskDetail {
    return this.detail;
  }
  /** Detections still atRisk. */
  get openDetections(): ReadonlyArray<UserRiskDetectionActivity> {
    return this.open;
  }
  /** Every RiskyUsers record so far, oldest first (Graph history items). */
  get history(): ReadonlyArray<RiskyUserActivity> {
    return this.records;
  }

  /**
   * A detection at `time` (its detectedDateTime). Pass the sign-in it came from in
   * `spec` (requestId, correlationId, ipAddress, userAgent, activityTime). A detection
   * that is already closed (e.g. realtime risk remediated by MFA) leaves the user's
   * state unchanged.
   */
  detect(time: number, spec: Omit<UserRiskDetectionSpec, 'user'> = {}, options: DetectOptions = {}): UserRiskTransition {
    const d = buildUserRiskDetection(this.ctx, time, { ...spec, user: this.user });
    if (d.riskState !== 'atRisk') return { riskyUser: null, detections: [d] };
    this.open.push(d);
    // A closed user starts a new risk episode; an open one takes the worse level.
    this.level = this.state === 'atRisk' ? maxRiskLevel(this.level, d.riskLevel) : d.riskLevel;
    this.state = 'atRisk';
    this.detail = 'none';
    const delay = options.riskyUserDelayMs ?? this.ctx.rng.range(5_000, 20 * MINUTE);
    const riskyUser = this.record(d.detectedTime + delay, null, [d.riskEventType]);
    return { riskyUser, detections: [d] };
  }

  /** An admin confirms the user compromised: risk high, plus an adminConfirmedUserCompromised detection. */
  confirmCompromised(time: number, adminId?: string): UserRiskTransition {
    const actor = adminId ?? pickAdminId(this.ctx);
    this.state = 'confirmedCompromised';
    this.detail = 'adminConfirmedUserCompromised';
    this.level = 'high';
    const d = buildUserRiskDetection(this.ctx, time, {
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
    });
    const riskyUser = this.record(time, actor, ['adminConfirmedUserCompromised']);
    return { riskyUser, detections: [d] };
  }

  /** An admin dismisses all the user's risk. */
  dismiss(time: number, adminId?: string): UserRiskTransition {
    return this.close(time, 'dismissed', 'adminDismissedAllRiskForUser', adminId ?? pickAdminId(this.ctx));
  }

  /** An admin confirms the account safe. */
  confirmSafe(time: number, adminId?: string): UserRiskTransition {
    return this.close(time, 'confirmedSafe', 'adminConfirmedAccountSafe', adminId ?? pickAdminId(this.ctx));
  }

  /**
   * The risk is remediated: by the user (secure password reset/change, MFA on a risk
   * policy, on-premises change) or by an admin's temporary password.
   */
  remediate(time: number, how: UserRiskRemediation = 'userPerformedSecuredPasswordReset', actorId?: string): UserRiskTransition {
    const actor = actorId ?? (how === 'adminGeneratedTemporaryPassword' ? pickAdminId(this.ctx) : this.user.id);
    return this.close(time, 'remediated', how, actor);
  }

  private close(time: number, state: RiskState, detail: RiskDetail, actor: string): UserRiskTransition {
    this.state = state;
    this.detail = detail;
    this.level = 'none';
    const tick = this.ctx.rng.int(10000);
    const detections = this.open.map((d) => updateUserRiskDetection(d, time, tick, { riskState: state, riskDetail: detail }));
    this.open = [];
    const riskyUser = this.record(time, actor, []);
    return { riskyUser, detections };
  }

  private record(time: number, initiatedBy: string | null, riskEventTypes: ReadonlyArray<string>): RiskyUserActivity {
    const r = buildRiskyUser(this.ctx, time, {
      user: this.user,
      riskState: this.state,
      riskDetail: this.detail,
      riskLevel: this.level,
      initiatedBy,
      riskEventTypes,
    });
    this.records.push(r);
    return r;
  }
}
