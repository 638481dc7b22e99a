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
import { MINUTE } from '../../core/time.ts';
import type { Application } from '../../tenant/types.ts';
import type { RiskyServicePrincipalActivity } from '../risky-service-principals/activity.ts';
import { buildRiskyServicePrincipal } from '../risky-service-principals/build.ts';
import type { ServicePrincipalRiskDetectionActivity } from '../service-principal-risk-events/activity.ts';
import {
  buildServicePrincipalRiskDetection,
  updateServicePrincipalRiskDetection,
  type ServicePrincipalRiskDetectionSpec,
} from '../service-principal-risk-events/build.ts';
import { maxRiskLevel, type RiskDetail, type RiskLevel, type RiskState } from './enums.ts';
import { pickAdminId } from './subjects.ts';

export interface ServicePrincipalRiskTransition {
  readonly riskyServicePrincipal: RiskyServicePrincipalActivity | null;
  readonly detections: ReadonlyArray<ServicePrincipalRiskDetectionActivity>;
}

export class ServicePrincipalRiskStateMachine {
  private open: ServicePrincipalRiskDetectionActivity[] = [];
  private state: RiskState = 'none';
  private level: RiskLevel = 'none';
  private detail: RiskDetail = 'none';
  private readonly records: RiskyServicePrincipalActivity[] = [];

  constructor(
    private readonly ctx: BuildContext,
    readonly servicePrincipal: Application,
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
  get openDetections(): ReadonlyArray<ServicePrincipalRiskDetectionActivity> {
    return this.open;
  }
  get history(): ReadonlyArray<RiskyServicePrincipalActivity> {
    return this.records;
  }

  /** A detection at `time`; the RiskyServicePrincipals update follows after `delayMs`. */
  detect(
    time: number,
    spec: Omit<ServicePrincipalRiskDetectionSpec, 'servicePrincipal'> = {},
    delayMs?: number,
  ): ServicePrincipalRiskTransition {
    const d = buildServicePrincipalRiskDetection(this.ctx, time, { ...spec, servicePrincipal: this.servicePrincipal });
    if (d.riskState !== 'atRisk') return { riskyServicePrincipal: null, detections: [d] };
    this.open.push(d);
    this.level = this.state === 'atRisk' ? maxRiskLevel(this.level, d.riskLevel) : d.riskLevel;
    this.state = 'atRisk';
    this.detail = 'none';
    const when = d.time + (delayMs ?? this.ctx.rng.range(5_000, 20 * MINUTE));
    return { riskyServicePrincipal: this.record(when, null, [d.riskEventType]), detections: [d] };
  }

  confirmCompromised(time: number, adminId?: string): ServicePrincipalRiskTransition {
    const actor = adminId ?? pickAdminId(this.ctx);
    this.state = 'confirmedCompromised';
    this.detail = 'adminConfirmedServicePrincipalCompromised';
    this.level = 'high';
    const d = buildServicePrincipalRiskDetection(this.ctx, time, {
      servicePrincipal: this.servicePrincipal,
      riskEventType: 'adminConfirmedServicePrincipalCompromised',
      riskLevel: 'high',
      riskState: 'confirmedCompromised',
      riskDetail: 'adminConfirmedServicePrincipalCompromised',
      activityTime: time,
    });
    return { riskyServicePrincipal: this.record(time, actor, ['adminConfirmedServicePrincipalCompromised']), detections: [d] };
  }

  dismiss(time: number, adminId?: string): ServicePrincipalRiskTransition {
    const actor = adminId ?? pickAdminId(this.ctx);
    this.state = 'dismissed';
    this.detail = 'adminDismissedAllRiskForServicePrincipal';
    this.level = 'none';
    const tick = this.ctx.rng.int(10000);
    const detections = this.open.map((d) =>
      updateServicePrincipalRiskDetection(d, time, tick, { riskState: 'dismissed', riskDetail: 'adminDismissedAllRiskForServicePrincipal' }),
    );
    this.open = [];
    return { riskyServicePrincipal: this.record(time, actor, []), detections };
  }

  private record(time: number, initiatedBy: string | null, riskEventTypes: ReadonlyArray<string>): RiskyServicePrincipalActivity {
    const r = buildRiskyServicePrincipal(this.ctx, time, {
      servicePrincipal: this.servicePrincipal,
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
