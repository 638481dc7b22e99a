/**
 * The lifecycle users and workload identities share (user-risk-machine.ts,
 * service-principal-risk-machine.ts): open detections, the subject's state/level/detail,
 * and the risky-subject record written on each change. Subclasses supply how their
 * records are built and how a detection is rewritten.
 */
import type { BuildContext } from '../../core/activity.ts';
import { MINUTE } from '../../core/time.ts';
import type { RiskDetectionBase } from './detection.ts';
import { maxRiskLevel, type RiskDetail, type RiskLevel, type RiskState } from './enums.ts';

export interface RiskStep<D, R> {
  readonly record: R | null;
  readonly detections: ReadonlyArray<D>;
}

export abstract class RiskStateMachine<D extends RiskDetectionBase, R> {
  private open: D[] = [];
  private state: RiskState = 'none';
  private level: RiskLevel = 'none';
  private detail: RiskDetail = 'none';
  private readonly records: R[] = [];

  constructor(protected readonly ctx: BuildContext) {}

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
  get openDetections(): ReadonlyArray<D> {
    return this.open;
  }
  /** Every risky-subject record so far, oldest first (Graph history items). */
  get history(): ReadonlyArray<R> {
    return this.records;
  }

  protected abstract buildRecord(time: number, state: RiskState, detail: RiskDetail, level: RiskLevel, initiatedBy: string | null, riskEventTypes: ReadonlyArray<string>): R;
  protected abstract rewrite(d: D, time: number, tick: number, state: RiskState, detail: RiskDetail): D;

  /**
   * A new detection. One already closed leaves the subject unchanged; an open one joins
   * the open set and the record follows `base + delay` (default 5 s – 20 min).
   */
  protected opened(d: D, base: number, delayMs: number | undefined): RiskStep<D, R> {
    if (d.riskState !== 'atRisk') return { record: null, detections: [d] };
    this.open.push(d);
    // A closed subject starts a new risk episode; an open one takes the worse level.
    this.level = this.state === 'atRisk' ? maxRiskLevel(this.level, d.riskLevel) : d.riskLevel;
    this.state = 'atRisk';
    this.detail = 'none';
    const delay = delayMs ?? this.ctx.rng.range(5_000, 20 * MINUTE);
    return { record: this.record(base + delay, null, [d.riskEventType]), detections: [d] };
  }

  /** An admin confirms the subject compromised: level high, `detail` as both state detail and new detection type. */
  protected compromised(time: number, actor: string, detail: RiskDetail, detection: () => D): RiskStep<D, R> {
    this.state = 'confirmedCompromised';
    this.detail = detail;
    this.level = 'high';
    const d = detection();
    return { record: this.record(time, actor, [detail]), detections: [d] };
  }

  /** The subject's risk closes: every open detection is rewritten with the closing state. */
  protected close(time: number, state: RiskState, detail: RiskDetail, actor: string): RiskStep<D, R> {
    this.state = state;
    this.detail = detail;
    this.level = 'none';
    const tick = this.ctx.rng.int(10000);
    const detections = this.open.map((d) => this.rewrite(d, time, tick, state, detail));
    this.open = [];
    return { record: this.record(time, actor, []), detections };
  }

  private record(time: number, initiatedBy: string | null, riskEventTypes: ReadonlyArray<string>): R {
    const r = this.buildRecord(time, this.state, this.detail, this.level, initiatedBy, riskEventTypes);
    this.records.push(r);
    return r;
  }
}
