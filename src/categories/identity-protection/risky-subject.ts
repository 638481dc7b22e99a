/**
 * Risky-subject records (RiskyUsers, RiskyServicePrincipals) drawn from one table per
 * subject kind: the baseline mix of states, the levels of an open risk, the detail a
 * bare state implies and the detection types behind it.
 */
import type { Rng } from '../../core/random.ts';
import type { RiskDetail, RiskLevel, RiskState } from './enums.ts';

export interface RiskOutcome {
  readonly state: RiskState;
  readonly detail: RiskDetail;
}

export interface RiskySubjectProfile {
  /** Baseline mix of state/detail pairs. */
  readonly outcomes: ReadonlyArray<readonly [RiskOutcome, number]>;
  /** Level mix of an atRisk subject. */
  readonly atRiskLevels: ReadonlyArray<readonly [RiskLevel, number]>;
  /** The detail written for a state when the caller names only the state (else `none`). */
  readonly defaultDetail: Partial<Record<RiskState, RiskDetail>>;
  /** The detection mix an atRisk subject's type is drawn from. */
  readonly mix: ReadonlyArray<readonly [{ readonly riskEventType: string }, number]>;
  /** The detection type of an admin's confirm-compromised. */
  readonly compromisedType: string;
}

export interface RiskySubjectSpec {
  readonly riskState?: RiskState;
  readonly riskDetail?: RiskDetail;
  readonly riskLevel?: RiskLevel;
}

/** State, detail and level of a record: drawn (in this order) where the spec leaves them. */
export function drawRiskOutcome(rng: Rng, p: RiskySubjectProfile, spec: RiskySubjectSpec): { riskState: RiskState; riskDetail: RiskDetail; riskLevel: RiskLevel } {
  const outcome = spec.riskState === undefined ? rng.weighted(p.outcomes) : undefined;
  const riskState: RiskState = spec.riskState ?? outcome!.state;
  const riskDetail: RiskDetail = spec.riskDetail ?? outcome?.detail ?? p.defaultDetail[riskState] ?? 'none';
  // Closed states carry `none`, compromise `high`.
  const riskLevel: RiskLevel =
    spec.riskLevel ?? (riskState === 'atRisk' ? rng.weighted(p.atRiskLevels) : riskState === 'confirmedCompromised' ? 'high' : 'none');
  return { riskState, riskDetail, riskLevel };
}

/** The detection types behind a state (history `activity.riskEventTypes`). */
export function defaultRiskEventTypes(rng: Rng, p: RiskySubjectProfile, riskState: RiskState): string[] {
  if (riskState === 'atRisk') return [rng.weighted(p.mix).riskEventType];
  return riskState === 'confirmedCompromised' ? [p.compromisedType] : [];
}

/** History `activity.detail`: null when Identity Protection raised the risk itself (Microsoft's example). */
export function historyActivityDetail(a: { readonly initiatedBy: string | null; readonly riskState: RiskState; readonly riskDetail: RiskDetail }): RiskDetail | null {
  return a.initiatedBy === null && a.riskState === 'atRisk' ? null : a.riskDetail;
}
