/**
 * Baseline traffic over a window: per minute and category, an expected volume from the
 * scenario's daily volumes × curves × jitter; counts are drawn by systematic sampling
 * over one running total, so the whole run holds exactly the requested number of
 * records, spread the way the curves say. Every event draws from its own seeded stream
 * (per category, minute and position), so an event never depends on the ones before it.
 */
import type { CategoryModule } from '../core/activity.ts';
import type { Category } from '../core/categories.ts';
import { hash32, Rng } from '../core/random.ts';
import { curveOf, multiplierAt, type Curve, type CurveName, type CurveOverrides } from './curves.ts';

export interface CategoryPlan {
  readonly category: Category;
  readonly module: CategoryModule;
  /** Records per minute before curves. */
  readonly perMinute: number;
  readonly curve: Curve;
  /** Seed of the category's per-minute jitter (hashed once, not per minute). */
  readonly jitterSeed: number;
}

export interface TrafficPlan {
  readonly categories: ReadonlyArray<CategoryPlan>;
  /** Users' time zones with weights, for local-time curves. */
  readonly zones: ReadonlyArray<readonly [string, number]>;
  /** ± jitter fraction on each cell. */
  readonly randomizeCount: number;
  readonly seed: string;
}

/** Default shape per category: people drive most logs; services and health checks don't sleep. */
export const DEFAULT_CURVE: Readonly<Record<Category, CurveName>> = {
  AuditLogs: 'human',
  SignInLogs: 'human',
  NonInteractiveUserSignInLogs: 'human',
  ServicePrincipalSignInLogs: 'machine',
  ManagedIdentitySignInLogs: 'machine',
  ProvisioningLogs: 'machine',
  ADFSSignInLogs: 'human',
  RiskyUsers: 'human',
  UserRiskEvents: 'human',
  RiskyServicePrincipals: 'machine',
  ServicePrincipalRiskEvents: 'machine',
  EnrichedOffice365AuditLogs: 'human',
  MicrosoftGraphActivityLogs: 'human',
  NetworkAccessTrafficLogs: 'human',
  RemoteNetworkHealthLogs: 'flat',
  CustomSecurityAttributeAuditLogs: 'human',
};

export function curveFor(category: Category, name: CurveName | undefined, overrides: CurveOverrides): Curve {
  return curveOf(name ?? DEFAULT_CURVE[category], overrides);
}

/** Expected records of one category in the minute starting at `minuteStart`. */
export function expectedAt(plan: TrafficPlan, c: CategoryPlan, minuteStart: number, minuteIndex: number): number {
  const mult = multiplierAt(c.curve, minuteStart, plan.zones);
  let e = c.perMinute * mult;
  if (plan.randomizeCount > 0) {
    const jitter = Rng.forIndex(c.jitterSeed, minuteIndex).next();
    e *= 1 + plan.randomizeCount * (2 * jitter - 1);
  }
  return e;
}

/** Expected records per category over a window, before any scaling. */
export function expectedByCategory(plan: TrafficPlan, start: number, end: number): Map<Category, number> {
  const totals = new Map<Category, number>(plan.categories.map((c) => [c.category, 0]));
  const minutes = Math.ceil((end - start) / 60_000);
  for (let m = 0; m < minutes; m++) {
    const t = start + m * 60_000;
    const fraction = Math.min(1, (end - t) / 60_000);
    for (const c of plan.categories) totals.set(c.category, totals.get(c.category)! + expectedAt(plan, c, t, m) * fraction);
  }
  return totals;
}

/** Smallest share of a run a selected category gets once the run holds ≥ 1,000 records. */
export const MIN_SHARE = 0.003;
/** …and never fewer than this many expected records, so rare categories always show. */
export const MIN_RECORDS = 4;

/**
 * Per-category multipliers so that the run totals `target` records (or the natural
 * volume when no target), shared as the curves say, but with every category at or
 * above its floor: non-interactive sign-ins stay several times interactive ones while
 * rare categories (risk, health) still appear in any run of ≥ 1,000 records.
 */
export function categoryScales(natural: ReadonlyMap<Category, number>, target: number | undefined): Map<Category, number> {
  const naturalSum = [...natural.values()].reduce((s, v) => s + v, 0);
  const total = target ?? naturalSum;
  const floor = total >= 1000 ? Math.max(MIN_RECORDS, MIN_SHARE * total) : 0;
  const scales = new Map<Category, number>();
  if (naturalSum <= 0) {
    for (const c of natural.keys()) scales.set(c, 0);
    return scales;
  }
  if (target === undefined) {
    for (const [c, v] of natural) scales.set(c, v > 0 ? Math.max(v, floor) / v : 0);
    return scales;
  }
  // Solve for a common scale s over the categories above their floor.
  let floored = new Set<Category>();
  let s = total / naturalSum;
  for (let i = 0; i < 20; i++) {
    const next = new Set<Category>([...natural].filter(([, v]) => v > 0 && v * s < floor).map(([c]) => c));
    const rest = [...natural].filter(([c]) => !next.has(c)).reduce((sum, [, v]) => sum + v, 0);
    const left = Math.max(0, total - next.size * floor);
    s = rest > 0 ? left / rest : 0;
    if (next.size === floored.size) break;
    floored = next;
  }
  for (const [c, v] of natural) scales.set(c, v <= 0 ? 0 : floored.has(c) ? floor / v : s);
  return scales;
}

/** Seed of a category's events in one minute: hashed once per minute, not per event. */
export function cellSeed(seed: string, category: Category, minuteIndex: number): number {
  return hash32(`${seed}/event/${category}/${minuteIndex}`);
}

/** The stream of an event: category, minute and position within the minute. */
export function eventRng(seed: string, category: Category, minuteIndex: number, k: number): Rng {
  return Rng.forIndex(cellSeed(seed, category, minuteIndex), k);
}
