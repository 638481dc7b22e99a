/**
 * The library entry for fixtures: `generate({ seed, count, categories, shape })` yields
 * records of one shape, reproducibly. The CLI's `generate` command writes the same
 * stream to files. Both run a scenario (by default the enterprise baseline).
 */
import type { ActivityBase, CategoryModule, JsonObject, RenderContext } from '../core/activity.ts';
import { CATEGORIES, GRAPH_OF, TABLE_OF, type Category, type GraphVersion, type Shape } from '../core/categories.ts';
import { stableUuid } from '../core/random.ts';
import { DAY, MINUTE } from '../core/time.ts';
import { categoryModule } from '../categories/index.ts';
import type { Scenario } from '../scenarios/types.ts';
import { defaultScenario } from '../scenarios/default.ts';
import { backfillActivities, planScenario, type PlannedRun, type Shard } from './run.ts';

export interface GenerateOptions {
  /** Seed for the tenant and the traffic (default: the scenario's, else 1). */
  readonly seed?: number | string;
  /** Total number of records. When absent, the scenario's volumes over the window. */
  readonly count?: number;
  /** Window start (default: end minus one day). With a fixed start, output is byte-identical per seed. */
  readonly start?: Date | number | string;
  /** Window end (default: start plus one day, or now rounded down to the minute). */
  readonly end?: Date | number | string;
  /** Categories to produce (default all). */
  readonly categories?: ReadonlyArray<Category>;
  /** Output shape (default diagnostic). */
  readonly shape?: Shape;
  /** Graph version for the graph shape (default beta). */
  readonly graphVersion?: GraphVersion;
  /** Number of users (default: the scenario's, else 1,000). */
  readonly users?: number;
  /** Scenario to run (default: the built-in enterprise baseline). */
  readonly scenario?: Scenario;
  /** Log Analytics workspace id for the loganalytics shape (default derived from the seed). */
  readonly workspaceId?: string;
  /** Clock for the default window (tests pin it). */
  readonly now?: number;
  /**
   * Produce only this shard's slice (minutes m with m mod N = K): N processes with the
   * same seed and window together produce exactly the unsharded run's records.
   */
  readonly shard?: Shard;
}

/** One generated record in the chosen shape. */
export interface GeneratedRecord {
  readonly category: Category;
  readonly shape: Shape;
  /** The Graph entity type, the LA table, or the category (diagnostic). */
  readonly key: string;
  /** Envelope (arrival) time, epoch ms — the storage layout buckets by it. */
  readonly envelopeTime: number;
  readonly record: JsonObject;
  readonly activity: ActivityBase;
}

function toMs(value: Date | number | string, what: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid date: ${String(value)}`);
  return ms;
}

/** The window: given start/end, or a day (the scenario's backfill) ending now. */
export function resolveWindow(
  options: Pick<GenerateOptions, 'start' | 'end'>,
  now: number,
  backfill = DAY,
): { start: number; end: number } {
  const start = options.start === undefined ? undefined : toMs(options.start, 'start');
  const end = options.end === undefined ? undefined : toMs(options.end, 'end');
  if (start !== undefined && end !== undefined) {
    if (!(end > start)) throw new RangeError('end must be after start');
    return { start, end };
  }
  if (start !== undefined) return { start, end: start + backfill };
  const e = end ?? Math.floor(now / MINUTE) * MINUTE;
  return { start: e - backfill, end: e };
}

/** Renders one activity into a shape; undefined where the shape has no form for it. */
export function render(
  module: CategoryModule,
  activity: ActivityBase,
  shape: Shape,
  ctx: RenderContext,
  graphVersion: GraphVersion = 'beta',
): { key: string; record: JsonObject } | undefined {
  switch (shape) {
    case 'diagnostic':
      return { key: module.category, record: module.toDiagnostic(activity, ctx) };
    case 'graph': {
      const binding = GRAPH_OF[module.category];
      if (!binding || !binding.versions.includes(graphVersion)) return undefined;
      const record = module.toGraph(activity, graphVersion, ctx);
      return record ? { key: binding.entityType, record } : undefined;
    }
    case 'loganalytics':
      return { key: TABLE_OF[module.category], record: module.toLogAnalytics(activity, ctx) };
  }
}

/** Categories that have a form in the shape (the Graph shape skips categories without a resource). */
export function categoriesWithShape(
  categories: ReadonlyArray<Category>,
  shape: Shape,
  graphVersion: GraphVersion = 'beta',
): { kept: Category[]; skipped: Category[] } {
  if (shape !== 'graph') return { kept: [...categories], skipped: [] };
  const kept: Category[] = [];
  const skipped: Category[] = [];
  for (const c of categories) (GRAPH_OF[c]?.versions.includes(graphVersion) ? kept : skipped).push(c);
  return { kept, skipped };
}

export interface GenerationPlan {
  readonly run: PlannedRun;
  readonly shape: Shape;
  readonly graphVersion: GraphVersion;
  readonly ctx: RenderContext;
}

/** Checks the options and plans the run; throws RangeError with a one-line message on bad input. */
export function planGeneration(options: GenerateOptions = {}): GenerationPlan {
  const shape = options.shape ?? 'diagnostic';
  const graphVersion = options.graphVersion ?? 'beta';
  const { kept } = categoriesWithShape(options.categories ?? CATEGORIES, shape, graphVersion);
  if (kept.length === 0) throw new RangeError(`none of the selected categories has a ${shape} ${shape === 'graph' ? graphVersion + ' ' : ''}form`);
  if (options.count !== undefined && (!Number.isInteger(options.count) || options.count <= 0)) {
    throw new RangeError(`count must be a positive integer, got ${options.count}`);
  }
  if (options.shard && options.count !== undefined) throw new RangeError('--shard splits a time window: give --start/--end instead of --count');
  if (options.shard && (!Number.isInteger(options.shard.of) || options.shard.of < 1 || options.shard.index < 0 || options.shard.index >= options.shard.of)) {
    throw new RangeError(`shard must be K/N with 0 ≤ K < N, got ${options.shard.index}/${options.shard.of}`);
  }
  const scenario = options.scenario ?? defaultScenario();
  const haveWindow = options.start !== undefined || options.end !== undefined;
  const window = haveWindow ? resolveWindow(options, options.now ?? Date.now()) : undefined;
  const run = planScenario(scenario, {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(window ? { start: window.start, end: window.end } : {}),
    ...(options.count !== undefined ? { count: options.count } : {}),
    ...(options.users !== undefined ? { users: options.users } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    categories: kept,
  });
  const ctx: RenderContext = { tenant: run.tenant, workspaceId: options.workspaceId ?? stableUuid(`${run.seed}/workspace`) };
  return { run, shape, graphVersion, ctx };
}

/** Generates records of one shape, in event-time order. */
export function generateSync(options: GenerateOptions = {}): Generator<GeneratedRecord> {
  return generatePlanned(planGeneration(options), options.shard);
}

/** The records of a plan already made (the CLI plans first to report bad input early). */
export function* generatePlanned(plan: GenerationPlan, shard?: Shard): Generator<GeneratedRecord> {
  const { run, shape, graphVersion, ctx } = plan;
  const modules = new Map<Category, CategoryModule>(run.categories.map((c) => [c, categoryModule(c)]));
  for (const activity of backfillActivities(run, shard)) {
    const module = modules.get(activity.category)!;
    const out = render(module, activity, shape, ctx, graphVersion);
    if (!out) continue;
    yield { category: activity.category, shape, key: out.key, envelopeTime: activity.envelopeTime, record: out.record, activity };
  }
}

/** Async form for `for await` in test suites; yields to the event loop now and then. */
export async function* generate(options: GenerateOptions = {}): AsyncGenerator<GeneratedRecord> {
  let n = 0;
  for (const record of generateSync(options)) {
    yield record;
    if (++n % 5000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
