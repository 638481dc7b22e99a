/**
 * Small pieces every sign-in builder shares: the ingestion delay of the envelope, risk
 * fields per licence, and the status of an error code.
 */
import { withDelay } from '../../core/activity.ts';
import type { Licence } from '../../core/activity.ts';
import type { Rng } from '../../core/random.ts';
import { aadstsError } from '../../data/aadsts-errors.ts';
import type { RiskInfo, RiskLevel, RiskState } from './model.ts';

/**
 * Envelope `time` trails `createdDateTime` by 30 s–4 min, median ≈ 2 min (notes §A.5,
 * Datadog 2025 records: 51–167 s): a triangular draw on [30 s, 240 s].
 */
export function signInEnvelope(rng: Rng, time: number, tick: number): { envelopeTime: number; envelopeTick: number } {
  const delay = 30_000 + 210_000 * ((rng.next() + rng.next()) / 2);
  return withDelay(time, tick, delay, rng);
}

/** Risk fields a story may force (all optional). */
export interface RiskSpec {
  readonly riskLevelDuringSignIn?: RiskLevel;
  readonly riskLevelAggregated?: RiskLevel;
  readonly riskState?: RiskState;
  readonly riskDetail?: string;
  /** `riskEventTypes_v2`, e.g. `unfamiliarFeatures`, `anonymizedIPAddress`. */
  readonly riskEventTypes?: ReadonlyArray<string>;
}

const NO_EVENTS: ReadonlyArray<string> = [];

export const HIDDEN_RISK: RiskInfo = { detail: 'hidden', levelAggregated: 'hidden', levelDuringSignIn: 'hidden', state: 'none', eventTypes: NO_EVENTS };
export const NO_RISK: RiskInfo = { detail: 'none', levelAggregated: 'none', levelDuringSignIn: 'none', state: 'none', eventTypes: NO_EVENTS };

/**
 * Risk of a user sign-in. Without P2 Entra returns `hidden` for riskDetail and both risk
 * levels (graph-api.md §1.2); the AD FS sample shows riskState `none` alongside them.
 * `mfaPassed`: a risky sign-in that then passed MFA is remediated by the risk policy.
 */
export function userRisk(rng: Rng, licence: Licence, spec: RiskSpec, baseline: boolean, mfaPassed: boolean): RiskInfo {
  if (licence !== 'p2') return HIDDEN_RISK;
  let during = spec.riskLevelDuringSignIn;
  let events = spec.riskEventTypes;
  if (during === undefined && baseline && rng.bool(0.004)) {
    // A quiet tenant still shows the odd low-risk sign-in (new device, new ISP).
    during = 'low';
    events = ['unfamiliarFeatures'];
  }
  if (during === undefined || during === 'none') {
    if (spec.riskLevelAggregated === undefined && spec.riskState === undefined && spec.riskDetail === undefined && !events?.length) return NO_RISK;
    during = during ?? 'none';
  }
  const risky = during !== 'none' && during !== 'hidden';
  const remediated = risky && mfaPassed && (during === 'medium' || during === 'high');
  return {
    detail: spec.riskDetail ?? (remediated ? 'userPassedMFADrivenByRiskBasedPolicy' : 'none'),
    levelAggregated: spec.riskLevelAggregated ?? (remediated ? 'none' : during),
    levelDuringSignIn: during,
    state: spec.riskState ?? (remediated ? 'remediated' : risky ? 'atRisk' : 'none'),
    eventTypes: events ?? (risky ? ['unfamiliarFeatures'] : NO_EVENTS),
  };
}

/** Workload sign-ins: real SP/MI records on a P2 tenant read `low`/`low` with detail and state `none`. */
const WORKLOAD_RISK: RiskInfo = { detail: 'none', levelAggregated: 'low', levelDuringSignIn: 'low', state: 'none', eventTypes: NO_EVENTS };

export function workloadRisk(licence: Licence, spec: RiskSpec): RiskInfo {
  if (licence !== 'p2') return HIDDEN_RISK;
  if (
    spec.riskLevelDuringSignIn === undefined &&
    spec.riskLevelAggregated === undefined &&
    spec.riskState === undefined &&
    spec.riskDetail === undefined &&
    spec.riskEventTypes === undefined
  ) {
    return WORKLOAD_RISK;
  }
  return {
    detail: spec.riskDetail ?? 'none',
    levelAggregated: spec.riskLevelAggregated ?? spec.riskLevelDuringSignIn ?? 'low',
    levelDuringSignIn: spec.riskLevelDuringSignIn ?? 'low',
    state: spec.riskState ?? 'none',
    eventTypes: spec.riskEventTypes ?? NO_EVENTS,
  };
}

export interface StatusFields {
  readonly errorCode: number;
  readonly failureReason: string | null;
  readonly additionalDetails: string | null;
}

export function statusOf(code: number): StatusFields {
  const e = aadstsError(code);
  return { errorCode: code, failureReason: e.failureReason, additionalDetails: e.additionalDetails ?? null };
}

/** Milliseconds Entra spent on the request: tens of ms, a long tail (Datadog 2025: 47–89 ms). */
export function processingTime(rng: Rng, base: number, mean: number): number {
  return Math.round(base + rng.exponential(mean));
}
