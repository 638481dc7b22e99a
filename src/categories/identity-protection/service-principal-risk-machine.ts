/**
 * A workload identity's Identity Protection lifecycle (concept-workload-identity-risk.md:
 * "dismiss the account's risk or confirm the account as compromised"):
 *
 *   detect → atRisk (level = worst open detection)
 *          → confirmCompromised  confirmedCompromised / adminConfirmedServicePrincipalCompromised,
 *                                high, plus an adminConfirmedServicePrincipalCompromised detection
 *          → dismiss             dismissed / adminDismissedAllRiskForServicePrincipal, none
 *
 * Each transition yields the RiskyServicePrincipals record and the
 * ServicePrincipalRiskEvents records written for it.
 */
import type { BuildContext } from '../../core/activity.ts';
import type { Application } from '../../tenant/types.ts';
import type { RiskyServicePrincipalActivity } from '../risky-service-principals/activity.ts';
import { buildRiskyServicePrincipal } from '../risky-service-principals/build.ts';
import type { ServicePrincipalRiskDetectionActivity } from '../service-principal-risk-events/activity.ts';
import {
  buildServicePrincipalRiskDetection,
  updateServicePrincipalRiskDetection,
  type ServicePrincipalRiskDetectionSpec,
} from '../service-principal-risk-events/build.ts';
import type { RiskDetail, RiskLevel, RiskState } from './enums.ts';
import { RiskStateMachine, type RiskStep } from './risk-machine.ts';
import { pickAdminId } from './subjects.ts';

export interface ServicePrincipalRiskTransition {
  readonly riskyServicePrincipal: RiskyServicePrincipalActivity | null;
  readonly detections: ReadonlyArray<ServicePrincipalRiskDetectionActivity>;
}

export class ServicePrincipalRiskStateMachine extends RiskStateMachine<ServicePrincipalRiskDetectionActivity, RiskyServicePrincipalActivity> {
  constructor(
    ctx: BuildContext,
    readonly servicePrincipal: Application,
  ) {
    super(ctx);
  }

  /** A detection at `time`; the RiskyServicePrincipals update follows its lastUpdated after `delayMs`. */
  detect(
    time: number,
    spec: Omit<ServicePrincipalRiskDetectionSpec, 'servicePrincipal'> = {},
    delayMs?: number,
  ): ServicePrincipalRiskTransition {
    const d = buildServicePrincipalRiskDetection(this.ctx, time, { ...spec, servicePrincipal: this.servicePrincipal });
    return transition(this.opened(d, d.time, delayMs));
  }

  confirmCompromised(time: number, adminId?: string): ServicePrincipalRiskTransition {
    const actor = adminId ?? pickAdminId(this.ctx);
    return transition(
      this.compromised(time, actor, 'adminConfirmedServicePrincipalCompromised', () =>
        buildServicePrincipalRiskDetection(this.ctx, time, {
          servicePrincipal: this.servicePrincipal,
          riskEventType: 'adminConfirmedServicePrincipalCompromised',
          riskLevel: 'high',
          riskState: 'confirmedCompromised',
          riskDetail: 'adminConfirmedServicePrincipalCompromised',
          activityTime: time,
        }),
      ),
    );
  }

  dismiss(time: number, adminId?: string): ServicePrincipalRiskTransition {
    return transition(this.close(time, 'dismissed', 'adminDismissedAllRiskForServicePrincipal', adminId ?? pickAdminId(this.ctx)));
  }

  protected buildRecord(
    time: number,
    riskState: RiskState,
    riskDetail: RiskDetail,
    riskLevel: RiskLevel,
    initiatedBy: string | null,
    riskEventTypes: ReadonlyArray<string>,
  ): RiskyServicePrincipalActivity {
    return buildRiskyServicePrincipal(this.ctx, time, {
      servicePrincipal: this.servicePrincipal,
      riskState,
      riskDetail,
      riskLevel,
      initiatedBy,
      riskEventTypes,
    });
  }

  protected rewrite(
    d: ServicePrincipalRiskDetectionActivity,
    time: number,
    tick: number,
    riskState: RiskState,
    riskDetail: RiskDetail,
  ): ServicePrincipalRiskDetectionActivity {
    return updateServicePrincipalRiskDetection(d, time, tick, { riskState, riskDetail });
  }
}

function transition(step: RiskStep<ServicePrincipalRiskDetectionActivity, RiskyServicePrincipalActivity>): ServicePrincipalRiskTransition {
  return { riskyServicePrincipal: step.record, detections: step.detections };
}
