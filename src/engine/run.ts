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
import { categoryScales, cellSeed, curveFor, eventRng, expectedAt, expectedByCategory, type CategoryPlan, type TrafficPlan } from './traffic.ts';
import { driverFor, graphCellBuilder, type Driver, type GraphCellBuilder } from './drivers.ts';
import { ReorderBuffer } from './reorder.ts';

/** How far an event's records may reach before or after its minute (token sign-ins, bursts). */
const REORDER_HORIZON = 6 * MINUTE;

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
      jitterSeed: hash32(`${seed}/jitter/${category}`),
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
 * Events per category per minute by systematic sampling: the count of a category in a
 * minute is the number of integers its running expected total crosses (from a seeded
 * offset), so every category gets its expected share to within one event whatever its
 * size — and the counts depend on the plan alone, never on what was built, so any slice
 * of minutes (a shard, a worker) can be produced on its own. An event may bring several
 * records (an interrupt and its outcome, a tunnel flap, a token and its calls); the
 * expected records are turned into events with each category's records per event.
 */
class MinuteCounts {
  private readonly acc: Float64Array;
  private readonly offset: Float64Array;

  constructor(
    private readonly run: PlannedRun,
    label: string,
    private readonly windowEnd: number,
    /** Records per event, per category (plan order). */
    private readonly perEvent: ReadonlyArray<number>,
  ) {
    const n = run.plan.categories.length;
    this.acc = new Float64Array(n);
    this.offset = new Float64Array(n);
    run.plan.categories.forEach((c, i) => (this.offset[i] = new Rng(`${run.seed}/${label}/${c.category}`).next() * 0.999));
  }

  /** Advances one minute; returns the events wanted per category (plan order). */
  next(minuteIndex: number): number[] {
    const t0 = this.run.start + minuteIndex * MINUTE;
    const fraction = Math.min(1, (this.windowEnd - t0) / MINUTE);
    return this.run.plan.categories.map((c, i) => {
      const before = Math.floor(this.acc[i]! + this.offset[i]!);
      this.acc[i]! += (expectedAt(this.run.plan, c, t0, minuteIndex) * fraction) / this.perEvent[i]!;
      return Math.floor(this.acc[i]! + this.offset[i]!) - before;
    });
  }
}

/**
 * Records per event of each category, measured on a sample of events the way the run
 * builds them (seeded: the same for every shard). Graph activity counts only its calls:
 * the token sign-ins it brings are accounted separately.
 */
function recordsPerEvent(run: PlannedRun, builders: Builders): number[] {
  return run.plan.categories.map((c) => {
    if (c.category === 'MicrosoftGraphActivityLogs') return 1;
    const driver = builders.drivers.get(c.category)!;
    let events = 0;
    let records = 0;
    for (let k = 0; k < 96; k++) {
      const rng = eventRng(run.seed, c.category, -1, k);
      const time = run.start + Math.floor(((k + rng.next()) / 96) * (run.end - run.start));
      const built = driver({ rng, tenant: run.tenant }, time).length;
      if (built > 0) {
        events++;
        records += built;
      }
    }
    return events > 0 ? Math.max(1, records / events) : 1;
  });
}

/** Builds `wanted` events of a category in a minute, every record of each kept. */
function buildEvents(
  run: PlannedRun,
  driver: Driver,
  category: Category,
  minuteIndex: number,
  t0: number,
  span: number,
  wanted: number,
  out: ActivityBase[],
  firstK = 0,
): number {
  const cell = cellSeed(run.seed, category, minuteIndex);
  let k = firstK;
  let events = 0;
  let empty = 0;
  let records = 0;
  while (events < wanted && empty < 20) {
    const rng = Rng.forIndex(cell, k++);
    const time = Math.floor(t0 + rng.next() * span);
    const built = driver({ rng, tenant: run.tenant }, time);
    // A category with nothing to say for this draw (e.g. no eligible actor) skips it.
    if (built.length === 0) {
      empty++;
      continue;
    }
    empty = 0;
    events++;
    for (const a of built) out.push(a);
    records += built.length;
  }
  return records;
}

interface Builders {
  readonly drivers: ReadonlyMap<Category, Driver>;
  readonly graph: GraphCellBuilder;
}

function buildersFor(run: PlannedRun): Builders {
  return {
    drivers: new Map(run.plan.categories.map((c) => [c.category, driverFor(c.module, run)] as const)),
    graph: graphCellBuilder(run),
  };
}

/** Baseline activities of one minute; returns how many records were built. */
function minuteActivities(run: PlannedRun, builders: Builders, minuteIndex: number, wanted: ReadonlyArray<number>, windowEnd: number, out: ActivityBase[]): number {
  const t0 = run.start + minuteIndex * MINUTE;
  const span = MINUTE * Math.min(1, (windowEnd - t0) / MINUTE);
  let records = 0;
  run.plan.categories.forEach((c, i) => {
    const n = wanted[i]!;
    if (n <= 0) return;
    if (c.category === 'MicrosoftGraphActivityLogs') {
      const before = out.length;
      builders.graph.build({ rng: eventRng(run.seed, c.category, minuteIndex, 0), tenant: run.tenant }, t0, span, n, out);
      records += out.length - before;
    } else records += buildEvents(run, builders.drivers.get(c.category)!, c.category, minuteIndex, t0, span, n, out);
  });
  return records;
}

/** Which shard a minute (and the records built for it) belongs to. */
export interface Shard {
  /** 0-based index of this shard. */
  readonly index: number;
  /** Number of shards. */
  readonly of: number;
}

function ownsMinute(shard: Shard | undefined, minuteIndex: number): boolean {
  return !shard || ((minuteIndex % shard.of) + shard.of) % shard.of === shard.index;
}

/**
 * Backfill activities in event-time order (synchronous: fixtures and file output). With
 * a shard, only the minutes (and stories) that shard owns: N shards together produce
 * exactly the records of the unsharded run. With a count (unsharded runs only), the run
 * holds exactly that many records: volumes are scaled to it, the last minute tops up and
 * the stream stops at the count.
 */
export function* backfillActivities(run: PlannedRun, shard?: Shard): Generator<ActivityBase> {
  if (shard && run.count !== undefined) throw new RangeError('--shard splits a time window: give --start/--end instead of --count');
  const builders = buildersFor(run);
  const stories = storyActivities(run);
  const baselineTarget = run.count !== undefined ? Math.max(0, run.count - stories.length) : undefined;
  const natural = expectedByCategory(run.plan, run.start, run.end);
  const perEvent = recordsPerEvent(run, builders);
  const minutes = Math.ceil((run.end - run.start) / MINUTE);
  const scaledBy = (target: number | undefined): PlannedRun => {
    const scales = categoryScales(natural, target);
    return { ...run, plan: { ...run.plan, categories: run.plan.categories.map((c) => ({ ...c, perMinute: c.perMinute * (scales.get(c.category) ?? 1) })) } };
  };
  let scaled = scaledBy(baselineTarget);
  if (baselineTarget !== undefined) {
    // Graph calls bring their tokens' sign-ins along: leave room for them in the count.
    const g = scaled.plan.categories.findIndex((c) => c.category === 'MicrosoftGraphActivityLogs');
    if (g >= 0) {
      const dry = new MinuteCounts(scaled, 'offset', run.end, perEvent);
      let tokens = 0;
      for (let m = 0; m < minutes; m++) tokens += builders.graph.tokensFor(dry.next(m)[g]!);
      scaled = scaledBy(Math.max(0, baselineTarget - tokens));
    }
  }
  const counts = new MinuteCounts(scaled, 'offset', run.end, perEvent);
  const buffer = new ReorderBuffer();
  for (const a of stories) if (ownsMinute(shard, Math.max(0, Math.floor((a.time - run.start) / MINUTE)))) buffer.push(a);
  const limit = run.count;
  let total = 0;
  let built = stories.length;
  const release = function* (items: Iterable<ActivityBase>): Generator<ActivityBase, boolean> {
    for (const a of items) {
      if (limit !== undefined && total >= limit) return false;
      yield a;
      total++;
    }
    return true;
  };
  const batch: ActivityBase[] = [];
  for (let m = 0; m < minutes; m++) {
    const wanted = counts.next(m);
    if (!ownsMinute(shard, m)) continue;
    batch.length = 0;
    built += minuteActivities(scaled, builders, m, wanted, run.end, batch);
    if (m === minutes - 1 && limit !== undefined && built < limit) {
      // Top up the last minute from the busiest category so the run holds exactly `count`.
      const t0 = run.start + m * MINUTE;
      let best = -1;
      scaled.plan.categories.forEach((c, i) => {
        if (c.category !== 'MicrosoftGraphActivityLogs' && (best < 0 || c.perMinute > scaled.plan.categories[best]!.perMinute)) best = i;
      });
      if (best >= 0) {
        const c = scaled.plan.categories[best]!;
        const driver = builders.drivers.get(c.category)!;
        // Draws far from the minute's own (k ≥ 10⁶, 100 apart), so no event repeats.
        const tries = 10 * (limit - built) + 20;
        for (let i = 0; built < limit && i < tries; i++) {
          built += buildEvents(scaled, driver, c.category, m, t0, Math.min(MINUTE, run.end - t0), 1, batch, 1_000_000 + 100 * i);
        }
      }
    }
    for (const a of batch) buffer.push(a);
    if (!(yield* release(buffer.releaseBefore(run.start + m * MINUTE - REORDER_HORIZON)))) return;
  }
  yield* release(buffer.drain());
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
export function runScenario(scenario: Scenario, options: RunOptions = {}): AsyncGenerator<ActivityBase> {
  return runPlanned(planScenario(scenario, options), options.signal);
}

/** The activities of a run already planned (the server plans first to wire its outputs). */
export async function* runPlanned(run: PlannedRun, signal?: AbortSignal): AsyncGenerator<ActivityBase> {
  let n = 0;
  for (const a of backfillActivities(run)) {
    yield a;
    if (++n % 5000 === 0) await new Promise<void>((r) => setImmediate(r));
  }
  if (!run.live) return;
  const builders = buildersFor(run);
  const wallStart = Date.now();
  const simStart = run.end;
  const liveRun: PlannedRun = { ...run, start: simStart, end: Number.MAX_SAFE_INTEGER };
  const counts = new MinuteCounts(liveRun, 'live-offset', Number.MAX_SAFE_INTEGER, recordsPerEvent(run, builders));
  const buffer = new ReorderBuffer();
  const batch: ActivityBase[] = [];
  for (let m = 0; !signal?.aborted; m++) {
    const minuteStart = simStart + m * MINUTE;
    batch.length = 0;
    minuteActivities(liveRun, builders, m, counts.next(m), minuteStart + MINUTE, batch);
    for (const a of batch) buffer.push(a);
    // Live records go out when their time comes; a token's earlier sign-in goes out at once.
    for (const a of buffer.releaseBefore(minuteStart + MINUTE)) {
      const due = wallStart + (a.time - simStart) / run.live.speed;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait, signal);
      if (signal?.aborted) return;
      yield a;
    }
  }
}

