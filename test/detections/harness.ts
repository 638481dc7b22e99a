/**
 * Runs scenarios the way a SIEM would see them and hands the rows to detection
 * conditions: Log Analytics rows per table (what Sentinel's analytics rules query) and
 * diagnostic records per category (what Sigma's Azure rules match on, under `properties`).
 */
import type { ActivityBase, JsonObject, RenderContext } from '../../src/core/activity.ts';
import { TABLE_OF, type Category } from '../../src/core/categories.ts';
import { stableUuid } from '../../src/core/random.ts';
import { categoryModule } from '../../src/categories/index.ts';
import { backfillActivities, planScenario, type RunOptions } from '../../src/engine/run.ts';
import { loadScenario } from '../../src/scenarios/load.ts';
import type { Scenario, StoryPlacement } from '../../src/scenarios/types.ts';

export interface Observed {
  /** LA rows by table name (`SigninLogs`, `AuditLogs`, …), projected to the asked columns. */
  readonly la: ReadonlyMap<string, JsonObject[]>;
  /** Diagnostic records by category (only when asked: they are large). */
  readonly diagnostic: ReadonlyMap<Category, JsonObject[]>;
  readonly activities: ReadonlyArray<ActivityBase>;
  readonly tenantId: string;
  readonly start: number;
  readonly end: number;
}

export interface ObserveOptions {
  /**
   * Columns to keep per LA table (a week of a 10,000-user tenant is hundreds of
   * thousands of rows: keep what the detection reads). Absent: every column.
   */
  readonly columns?: Readonly<Record<string, ReadonlyArray<string>>>;
  /** Keep diagnostic records too. */
  readonly diagnostic?: boolean;
  /** Keep the canonical activities too. */
  readonly activities?: boolean;
}

/** Renders every activity of a run in the LA (and optionally diagnostic) shape. */
export function observe(scenario: Scenario, options: RunOptions, keep: ObserveOptions = {}): Observed {
  const run = planScenario(scenario, options);
  const ctx: RenderContext = { tenant: run.tenant, workspaceId: stableUuid('detections/workspace') };
  const la = new Map<string, JsonObject[]>();
  const diagnostic = new Map<Category, JsonObject[]>();
  const activities: ActivityBase[] = [];
  for (const a of backfillActivities(run)) {
    const m = categoryModule(a.category);
    if (keep.activities) activities.push(a);
    const table = TABLE_OF[a.category];
    let rows = la.get(table);
    if (!rows) la.set(table, (rows = []));
    const row = m.toLogAnalytics(a, ctx);
    const cols = keep.columns?.[table];
    if (cols) {
      const projected: JsonObject = {};
      for (const c of cols) projected[c] = row[c] ?? null;
      rows.push(projected);
    } else rows.push(row);
    if (keep.diagnostic) {
      let recs = diagnostic.get(a.category);
      if (!recs) diagnostic.set(a.category, (recs = []));
      recs.push(m.toDiagnostic(a, ctx));
    }
  }
  return { la, diagnostic, activities, tenantId: run.tenant.id, start: run.start, end: run.end };
}

export const WEEK_START = Date.UTC(2025, 5, 2); // a Monday

/**
 * The default enterprise baseline (10,000 users) over a week, restricted to the
 * categories a detection reads (generating all of them would only slow the test).
 */
export function baselineWeek(categories: ReadonlyArray<Category>, keep: ObserveOptions = {}, users?: number): Observed {
  const { scenario } = loadScenario('enterprise-baseline');
  return observe(
    scenario,
    {
      start: WEEK_START,
      end: WEEK_START + 7 * 86_400_000,
      categories,
      ...(users ? { users } : {}),
    },
    keep,
  );
}

/** One story on a small tenant, with a little baseline around it for realism. */
export function storyRun(placement: StoryPlacement, categories: ReadonlyArray<Category>, keep: ObserveOptions = { diagnostic: true, activities: true }, users = 500): Observed {
  const scenario: Scenario = {
    name: 'story-under-test',
    seed: 5,
    tenant: { users, licence: 'p2', workloadIdentitiesPremium: true, globalSecureAccess: true },
    traffic: { backfill: '1d', randomizeCount: 0.15 },
    stories: [{ at: '+10h', ...placement }],
  };
  return observe(scenario, { start: WEEK_START, end: WEEK_START + 86_400_000, categories }, keep);
}

/** Rows of a table within [from, to) by TimeGenerated (ISO strings compare in order). */
export function within(rows: ReadonlyArray<JsonObject>, from: number, to: number, column = 'TimeGenerated'): JsonObject[] {
  const a = new Date(from).toISOString();
  const b = new Date(to).toISOString();
  return rows.filter((r) => {
    const t = r[column];
    return typeof t === 'string' && t >= a && t < b;
  });
}

/** Epoch ms of an LA datetime cell. */
export function ms(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : NaN;
}

/** A string cell that holds JSON (AADNonInteractiveUserSignInLogs & co.) or a dynamic value, parsed. */
export function dyn<T = unknown>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
