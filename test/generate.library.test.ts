import { describe, expect, it } from 'vitest';
import { CATEGORIES, GRAPH_OF, type Category } from '../src/core/categories.ts';
import { generate, generateSync } from '../src/engine/generate.ts';
import { planScenario, backfillActivities, runScenario } from '../src/engine/run.ts';
import { loadScenario } from '../src/scenarios/load.ts';
import { validateRecord } from '../src/schemas/index.ts';

const START = '2025-06-02T00:00:00Z';

describe('generate() — the library entry', () => {
  it('yields every category in every shape, each record valid against its schema', async () => {
    for (const shape of ['diagnostic', 'loganalytics', 'graph'] as const) {
      const seen = new Map<Category, number>();
      for await (const r of generate({ seed: 4, count: 1200, start: START, shape })) {
        seen.set(r.category, (seen.get(r.category) ?? 0) + 1);
        const version = shape === 'graph' ? 'beta' : undefined;
        const problems = validateRecord(shape, r.key, r.record, version);
        expect(problems, `${shape} ${r.category} ${JSON.stringify(problems.slice(0, 3))}`).toEqual([]);
      }
      const expected = shape === 'graph' ? CATEGORIES.filter((c) => GRAPH_OF[c]?.versions.includes('beta')) : CATEGORIES;
      expect([...seen.keys()].sort()).toEqual([...expected].sort());
    }
  });

  it('Graph v1.0 records validate against the v1.0 schemas', () => {
    let n = 0;
    for (const r of generateSync({ seed: 4, count: 600, start: START, shape: 'graph', graphVersion: 'v1.0' })) {
      expect(GRAPH_OF[r.category]?.versions).toContain('v1.0');
      expect(validateRecord('graph', r.key, r.record, 'v1.0')).toEqual([]);
      n++;
    }
    expect(n).toBeGreaterThan(0);
  });

  it('keeps realistic proportions: non-interactive and service-principal sign-ins several times interactive, risk rare', () => {
    const counts = new Map<Category, number>();
    for (const r of generateSync({ seed: 2, count: 20_000, start: START })) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
    const n = (c: Category): number => counts.get(c) ?? 0;
    expect(CATEGORIES.every((c) => n(c) > 0)).toBe(true);
    expect(n('NonInteractiveUserSignInLogs')).toBeGreaterThan(4 * n('SignInLogs'));
    expect(n('ServicePrincipalSignInLogs')).toBeGreaterThan(2 * n('SignInLogs'));
    expect(n('AuditLogs')).toBeLessThan(n('SignInLogs'));
    expect(n('UserRiskEvents')).toBeLessThan(n('AuditLogs'));
    expect(n('RiskyServicePrincipals')).toBeLessThan(n('UserRiskEvents') + 60);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(20_000);
  });

  it('follows the human curve: office hours are busier than the night, weekdays than Sunday', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const r of generateSync({ seed: 8, start: '2025-06-02T00:00:00Z', end: '2025-06-03T00:00:00Z', categories: ['SignInLogs'], users: 3000 })) {
      byHour[new Date(r.activity.time).getUTCHours()]!++;
    }
    // Users sit in US, European, Indian and Australian offices: the busiest UTC hour
    // (European afternoon, US morning) sees several times the quietest one.
    expect(Math.max(...byHour)).toBeGreaterThan(3 * Math.min(...byHour));
    const sunday = [...generateSync({ seed: 8, start: '2025-06-01T00:00:00Z', end: '2025-06-02T00:00:00Z', categories: ['SignInLogs'], users: 3000 })].length;
    const monday = byHour.reduce((a, b) => a + b, 0);
    expect(sunday).toBeGreaterThan(0);
    expect(monday).toBeGreaterThan(2.5 * sunday);
  });

  it('is reproducible: same seed and start give identical records, another seed differs', () => {
    const take = (seed: number): string[] => [...generateSync({ seed, count: 400, start: START })].map((r) => JSON.stringify(r.record));
    expect(take(5)).toEqual(take(5));
    expect(take(6)).not.toEqual(take(5));
  });

  it('shards: N slices with the same seed are disjoint and together equal the single run', () => {
    const base = { seed: 12, start: START, end: '2025-06-02T06:00:00Z', users: 400 } as const;
    const whole = [...generateSync(base)].map((r) => JSON.stringify(r.record)).sort();
    const parts = [0, 1, 2].map((index) => [...generateSync({ ...base, shard: { index, of: 3 } })].map((r) => JSON.stringify(r.record)));
    for (const p of parts) expect(p.length).toBeGreaterThan(1000);
    const union = parts.flat().sort();
    expect(union).toEqual(whole);
    expect(new Set(union).size).toBe(union.length);
  });

  it('refuses a count with shards (shards split a time window)', () => {
    expect(() => [...generateSync({ seed: 1, count: 100, start: START, shard: { index: 0, of: 2 } })]).toThrow(/--shard splits a time window/);
  });

  it('runScenario yields the scenario’s activities in time order', async () => {
    const { scenario } = loadScenario('enterprise-baseline');
    let last = 0;
    let n = 0;
    for await (const a of runScenario(scenario, { start: Date.parse(START), end: Date.parse(START) + 3_600_000, users: 500 })) {
      expect(a.time).toBeGreaterThanOrEqual(last);
      last = a.time;
      n++;
    }
    expect(n).toBeGreaterThan(100);
  });

  it('streams with flat memory: heap does not grow with the number of records', () => {
    const { scenario } = loadScenario('enterprise-baseline');
    const run = planScenario(scenario, { start: Date.parse(START), end: Date.parse(START) + 7 * 86_400_000, categories: ['SignInLogs', 'AuditLogs', 'UserRiskEvents'] });
    const gc = (globalThis as { gc?: () => void }).gc;
    const samples: number[] = [];
    let n = 0;
    for (const a of backfillActivities(run)) {
      void a;
      if (++n % 50_000 === 0) {
        gc?.();
        samples.push(process.memoryUsage().heapUsed);
      }
    }
    expect(n).toBeGreaterThan(200_000);
    // From the first checkpoint to the last (4× the records), the heap stays within 64 MB.
    expect(Math.max(...samples) - samples[0]!).toBeLessThan(64 * 1024 * 1024);
  });
});
