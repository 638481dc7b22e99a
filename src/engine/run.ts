/**
 * Runs a scenario: the tenant, the baseline traffic per category over the window, and
 * the stories, merged into one stream of canonical activities in event-time order.
 * Backfill comes first; with `live`, emission then continues in real time (or sped up).
 */
import type { ActivityBase, BuildContext, CategoryModule } from '../core/activity.ts';
import { CATEGORIES, type Category } from '../core/categories.ts';
import { hash32, Rng } from '../core/random.ts';
import { MINUTE } from '../core/time.ts';
import { createTenant } from '../tenant/tenant.ts';
import type { Tenant } from '../tenant/types.ts';
import { categoryModule } from '../categories/index.ts';
import type { Scenario, StoryPlacement } from '../scenarios/types.ts';
import { story as storyById } from '../stories/index.ts';
import { categoryScales, curveFor, eventRng, expectedAt, expectedByCategory, type CategoryPlan, type TrafficPlan } from './traffic.ts';
import { driverFor, type Driver } from './drivers.ts';
import { ReorderBuffer } from './reorder.ts';

/** How far an event's records may reach before or after its minute (token sign-ins, bursts). */
const REORDER_HORIZON = 30 * MINUTE;

export interface RunOptions {
  /** Overrides the scenario's seed (default 1). */
  readonly seed?: number | string;
  /** Window start and end (epoch ms); default from the scenario's traffic.start/backfill. */
  readonly start?: number;
  readonly end?: number;
  /** Total records of the backfill (stories included); default: the scenario's volumes. */
  readonly count?: number;
  /** Only these categories (default all the scenario enables). */
  readonly categories?: ReadonlyArray<Category>;
  /** Override the scenario's live setting. */
  readonly live?: boolean | { readonly speed?: number };
  /** Clock for defaults (tests pin it). */
  readonly now?: number;
  /** Stops live emission. */
  readonly signal?: AbortSignal;
  /** Override tenant size (users). */
  readonly users?: number;
}

export interface PlannedRun {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly tenant: Tenant;
  readonly start: number;
  readonly end: number;
  readonly plan: TrafficPlan;
  readonly stories: ReadonlyArray<{ placement: StoryPlacement; at: number }>;
  readonly count: number | undefined;
  readonly live: { speed: number } | undefined;
  readonly categories: ReadonlyArray<Category>;
}

const UNIT: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(m|h|d)$/.exec(text.trim());
  if (!m) throw new RangeError(`not a duration (like 30m, 12h, 7d): ${text}`);
  return Number(m[1]) * UNIT[m[2]!]!;
}

/** Story time: ISO 8601, `+2d3h10m` from the window start, or `random` (seeded). */
export function placementTime(at: string | undefined, start: number, end: number, rng: Rng): number {
  if (!at || at === 'random') return Math.floor(start + (end - start) * (0.1 + 0.7 * rng.next()));
  if (at.startsWith('+')) {
    let offset = 0;
    for (const [, n, u] of at.slice(1).matchAll(/(\d+)([dhm])/g)) offset += Number(n) * UNIT[u!]!;
    return start + offset;
  }
  const t = Date.parse(at);
  if (!Number.isFinite(t)) throw new RangeError(`story time is not a date: ${at}`);
  return t;
}

/**
 * Whether a category has anything to say for this tenant (Identity Protection needs P2,
 * Global Secure Access logs need its licence…): a few probe builds decide.
 */
function producesFor(module: CategoryModule, tenant: Tenant, seed: string, at: number): boolean {
  for (let k = 0; k < 24; k++) {
    const rng = Rng.forIndex(hash32(`${seed}/probe/${module.category}`), k);
    if (module.baseline({ rng, tenant }, at + k * 3_600_000).length > 0) return true;
  }
  return false;
}

export function planScenario(scenario: Scenario, options: RunOptions = {}): PlannedRun {
  const seed = String(options.seed ?? scenario.seed ?? 1);
  const t = scenario.tenant ?? {};
  const countries = t.countries ? Object.entries(t.countries) : undefined;
  const tenant = createTenant({
    seed,
    users: options.users ?? t.users ?? 1000,
    ...(t.name ? { name: t.name } : {}),
    ...(t.guestRatio !== undefined ? { guestRatio: t.guestRatio } : {}),
    ...(t.domains ? { domains: t.domains } : {}),
    ...(countries ? { countries } : {}),
    ...(t.licence ? { licence: t.licence } : {}),
    ...(t.workloadIdentitiesPremium !== undefined ? { workloadIdentitiesPremium: t.workloadIdentitiesPremium } : {}),
    ...(t.globalSecureAccess !== undefined ? { globalSecureAccess: t.globalSecureAccess } : {}),
    ...(t.applications ? { applications: t.applications } : {}),
    ...(t.managedIdentities ? { managedIdentities: t.managedIdentities } : {}),
  });
  const traffic = scenario.traffic ?? {};
  const now = options.now ?? Date.now();
  const backfill = parseDuration(traffic.backfill ?? '1d');
  let start = options.start ?? (traffic.start ? Date.parse(traffic.start) : undefined);
  let end = options.end;
  if (start === undefined) {
    end = end ?? Math.floor(now / MINUTE) * MINUTE;
    start = end - backfill;
  } else end = end ?? start + backfill;
  if (!(end > start)) throw new RangeError('the scenario window is empty: end must be after start');

  const wanted = new Set(options.categories ?? CATEGORIES);
  const perCategory = traffic.categories ?? {};
  const categories: CategoryPlan[] = [];
  const users = tenant.userCount;
  for (const category of CATEGORIES) {
    if (!wanted.has(category)) continue;
    const spec = perCategory[category];
    if (spec?.enabled === false) continue;
    const module: CategoryModule = categoryModule(category);
    if (!producesFor(module, tenant, seed, start)) continue;
    const perDay =
      spec?.perSecond !== undefined
        ? spec.perSecond * 86_400
        : spec?.perDay !== undefined
          ? spec.perDay
          : (spec?.perUserPerDay ?? module.dailyPerUser) * users;
    categories.push({
      category,
      module,
      perMinute: perDay / 1440,
      curve: curveFor(category, spec?.perSecond !== undefined ? 'flat' : spec?.curve, traffic),
    });
  }
  // Time zones of the users, weighted by the country mix: one zone per office.
  const zoneWeights = new Map<string, number>();
  const mix = countries ?? [['US', 50], ['GB', 14], ['DE', 10], ['IN', 10], ['CA', 6], ['FR', 5], ['AU', 5]];
  for (const [country, w] of mix) {
    const loc = tenant.namedLocations.find((l) => l.network.geo.countryOrRegion === country.toUpperCase());
    if (loc) zoneWeights.set(loc.network.geo.timeZone, (zoneWeights.get(loc.network.geo.timeZone) ?? 0) + Number(w));
  }
  const plan: TrafficPlan = {
    categories,
    zones: [...zoneWeights.entries()],
    randomizeCount: traffic.randomizeCount ?? 0.15,
    seed,
  };
  const placeRng = new Rng(`${seed}/story-placement`);
  const stories = (scenario.stories ?? []).map((placement) => ({ placement, at: placementTime(placement.at, start!, end!, placeRng) }));
  const liveSetting = options.live ?? traffic.live;
  const live = liveSetting ? { speed: typeof liveSetting === 'object' ? (liveSetting.speed ?? 1) : 1 } : undefined;
  return { scenario, seed, tenant, start, end, plan, stories, count: options.count, live, categories: categories.map((c) => c.category) };
}

/** All story activities of a run, in time order, restricted to the run's categories. */
export function storyActivities(run: PlannedRun): ActivityBase[] {
  const keep = new Set(run.categories);
  const out: ActivityBase[] = [];
  run.stories.forEach(({ placement, at }, i) => {
    const s = storyById(placement.story);
    const params = { ...s.defaults, ...(placement.params ?? {}) };
    const rng = new Rng(`${run.seed}/story/${i}/${placement.story}`);
    for (const a of s.run({ tenant: run.tenant, rng, at, start: run.start, end: run.end }, params)) if (keep.has(a.category)) out.push(a);
  });
  out.sort(byTime);
  return out;
}

function byTime(a: ActivityBase, b: ActivityBase): number {
  return a.time - b.time || a.tick - b.tick;
}

/**
 * Running counts of a generation: per category, expected records so far (`acc`) and
 * records emitted; the count of a category in a minute is the number of integers its
 * running total crosses (systematic sampling), so every category gets its expected
 * share to within one record, whatever its size.
 */
interface Counts {
  readonly acc: Map<Category, number>;
  readonly emitted: Map<Category, number>;
  readonly offset: Map<Category, number>;
  total: number;
  /** Stop emitting baseline records once the run holds this many. */
  readonly target: number | undefined;
}

function newCounts(run: PlannedRun, label: string, target: number | undefined): Counts {
  const offset = new Map<Category, number>();
  for (const c of run.plan.categories) offset.set(c.category, new Rng(`${run.seed}/${label}/${c.category}`).next() * 0.999);
  return { acc: new Map(), emitted: new Map(), offset, total: 0, target };
}

/** Builds `n` more events of a category in a minute (records may come in pairs). */
function buildEvents(
  run: PlannedRun,
  driver: Driver,
  category: Category,
  minuteIndex: number,
  t0: number,
  span: number,
  firstK: number,
  wanted: number,
  out: ActivityBase[],
): { records: number; nextK: number } {
  let k = firstK;
  let records = 0;
  let empty = 0;
  while (records < wanted && empty < 20) {
    const rng = eventRng(run.seed, category, minuteIndex, k++);
    const time = Math.floor(t0 + rng.next() * span);
    const built = driver({ rng, tenant: run.tenant }, time);
    // A category with nothing to say for this draw (e.g. no eligible actor) skips it.
    if (built.length === 0) {
      empty++;
      continue;
    }
    empty = 0;
    for (const a of built) out.push(a);
    records += built.length;
  }
  return { records, nextK: k };
}

/** Baseline activities of one minute, sorted by time. */
function minuteActivities(
  run: PlannedRun,
  drivers: ReadonlyMap<Category, Driver>,
  minuteIndex: number,
  counts: Counts,
  windowEnd: number,
  fillTo?: number,
): ActivityBase[] {
  const t0 = run.start + minuteIndex * MINUTE;
  const batch: ActivityBase[] = [];
  const fraction = Math.min(1, (windowEnd - t0) / MINUTE);
  const span = MINUTE * fraction;
  let biggest: { category: Category; k: number; e: number } | undefined;
  for (const c of run.plan.categories) {
    const e = expectedAt(run.plan, c, t0, minuteIndex) * fraction;
    const acc = (counts.acc.get(c.category) ?? 0) + e;
    counts.acc.set(c.category, acc);
    const emitted = counts.emitted.get(c.category) ?? 0;
    let wanted = Math.floor(acc + counts.offset.get(c.category)!) - emitted;
    if (counts.target !== undefined) wanted = Math.min(wanted, counts.target - counts.total);
    if (wanted <= 0) continue;
    const { records, nextK } = buildEvents(run, drivers.get(c.category)!, c.category, minuteIndex, t0, span, 0, wanted, batch);
    // Pairs (an interrupt and its success) count against later minutes of the category.
    counts.emitted.set(c.category, emitted + Math.max(records, wanted));
    counts.total += records;
    if (!biggest || e > biggest.e) biggest = { category: c.category, k: nextK, e };
  }
  // The last minute of a counted run tops up from the busiest category, so the total is exact.
  if (fillTo !== undefined && counts.total < fillTo && biggest) {
    const { records } = buildEvents(run, drivers.get(biggest.category)!, biggest.category, minuteIndex, t0, span, biggest.k, fillTo - counts.total, batch);
    counts.total += records;
  }
  batch.sort(byTime);
  return batch;
}

/** Backfill activities in event-time order (synchronous: fixtures and file output). */
export function* backfillActivities(run: PlannedRun): Generator<ActivityBase> {
  const drivers = new Map(run.plan.categories.map((c) => [c.category, driverFor(c.module, run)] as const));
  const stories = storyActivities(run);
  const baselineTarget = run.count !== undefined ? Math.max(0, run.count - stories.length) : undefined;
  const scales = categoryScales(expectedByCategory(run.plan, run.start, run.end), baselineTarget);
  const scaled: PlannedRun = {
    ...run,
    plan: { ...run.plan, categories: run.plan.categories.map((c) => ({ ...c, perMinute: c.perMinute * (scales.get(c.category) ?? 1) })) },
  };
  const counts = newCounts(run, 'offset', baselineTarget);
  const minutes = Math.ceil((run.end - run.start) / MINUTE);
  const buffer = new ReorderBuffer();
  for (const a of stories) buffer.push(a);
  let total = 0;
  const limit = run.count;
  for (let m = 0; m < minutes; m++) {
    const fill = m === minutes - 1 ? baselineTarget : undefined;
    for (const a of minuteActivities(scaled, drivers, m, counts, run.end, fill)) buffer.push(a);
    for (const a of buffer.releaseBefore(run.start + m * MINUTE - REORDER_HORIZON)) {
      if (limit !== undefined && total >= limit) return;
      yield a;
      total++;
    }
  }
  for (const a of buffer.drain()) {
    if (limit !== undefined && total >= limit) return;
    yield a;
    total++;
  }
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

/**
 * The library entry: backfill, then (with live) real-time emission until the signal
 * aborts. `runScenario(scenario, { seed })` is what `generate`, the server and the
 * streaming outputs consume.
 */
export async function* runScenario(scenario: Scenario, options: RunOptions = {}): AsyncGenerator<ActivityBase> {
  const run = planScenario(scenario, options);
  let n = 0;
  for (const a of backfillActivities(run)) {
    yield a;
    if (++n % 5000 === 0) await new Promise<void>((r) => setImmediate(r));
  }
  if (!run.live) return;
  const drivers = new Map(run.plan.categories.map((c) => [c.category, driverFor(c.module, run)] as const));
  const wallStart = Date.now();
  const simStart = run.end;
  const liveRun: PlannedRun = { ...run, start: simStart, end: Number.MAX_SAFE_INTEGER };
  const counts = newCounts(run, 'live-offset', undefined);
  const buffer = new ReorderBuffer();
  for (let m = 0; !options.signal?.aborted; m++) {
    const minuteStart = simStart + m * MINUTE;
    for (const a of minuteActivities(liveRun, drivers, m, counts, minuteStart + MINUTE)) buffer.push(a);
    // Live records go out when their time comes; a token's earlier sign-in goes out at once.
    for (const a of buffer.releaseBefore(minuteStart + MINUTE)) {
      const due = wallStart + (a.time - simStart) / run.live.speed;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait, options.signal);
      if (options.signal?.aborted) return;
      yield a;
    }
  }
}

export { hash32 };
