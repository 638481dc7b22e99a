/**
 * Delivery realism in front of a real folder sink: out-of-order records within the shuffle
 * window, injected duplicates (same properties, a later envelope time, counted), late arrivals
 * landing in a later hour's file, reproducible per seed, and a pass-through when switched off.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDeliveryRealism, withEnvelopeTime, type DeliveryRealismOptions } from '../src/sinks/delivery-realism.ts';
import { createFolderSink } from '../src/sinks/folder-sink.ts';
import type { RoutedRecord } from '../src/sinks/routed-record.ts';
import { idOf, makeRecords, TENANT_ID } from './helpers/sink-records.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'entrasim-realism-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Line {
  file: string;
  id: string;
  time: string;
  properties: string;
}

async function run(name: string, records: RoutedRecord[], options: DeliveryRealismOptions) {
  const dir = join(root, name);
  const sink = createFolderSink({ root: dir, tenantId: TENANT_ID, lingerMs: 10, maxOpenFiles: 4 });
  const injected: Array<{ kind: string; record: RoutedRecord }> = [];
  const realism = createDeliveryRealism(sink, { ...options, onInject: (kind, record) => injected.push({ kind, record }) });
  for (const r of records) await realism.write(r);
  await realism.close();
  const lines: Line[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name).slice(dir.length + 1);
    for (const text of (await readFile(join(dir, file), 'utf8')).trim().split('\n')) {
      const parsed = JSON.parse(text) as { time: string; properties: unknown };
      lines.push({ file, id: idOf(text), time: parsed.time, properties: JSON.stringify(parsed.properties) });
    }
  }
  return { lines, counters: { ...realism.counters }, injected };
}

const records = makeRecords(3000, { categories: ['SignInLogs', 'AuditLogs'], startMs: Date.UTC(2025, 5, 1, 10), spanMs: 2 * 3_600_000, seed: 'realism' });

describe('delivery realism', () => {
  test('duplicates: same properties, later envelope time, counted exactly', async () => {
    const { lines, counters } = await run('dupes', records, { seed: 7, duplicateRate: 0.05 });
    expect(counters.duplicatesInjected).toBeGreaterThan(80);
    expect(counters.duplicatesInjected).toBeLessThan(230);
    expect(lines).toHaveLength(3000 + counters.duplicatesInjected);
    const byId = new Map<string, Line[]>();
    for (const l of lines) byId.set(l.id, [...(byId.get(l.id) ?? []), l]);
    expect(byId.size).toBe(3000);
    const doubled = [...byId.values()].filter((ls) => ls.length > 1);
    // Consumers dedupe on properties.id; here every repeat is an injected one.
    expect(doubled).toHaveLength(counters.duplicatesInjected);
    for (const [a, b] of doubled.map((ls) => ls.sort((x, y) => x.time.localeCompare(y.time)))) {
      expect(b!.properties).toBe(a!.properties);
      expect(b!.time > a!.time).toBe(true);
      const gap = Date.parse(b!.time) - Date.parse(a!.time);
      expect(gap).toBeGreaterThanOrEqual(5000);
      expect(gap).toBeLessThanOrEqual(60_000);
      expect(b!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{7})?Z$/);
    }
  });

  test('shuffle window: records out of order, none lost', async () => {
    const { lines, counters } = await run('shuffle', records, { seed: 1, shuffleWindow: 50 });
    expect(counters.outOfOrder).toBeGreaterThan(1000);
    expect(lines).toHaveLength(3000);
    expect(new Set(lines.map((l) => l.id)).size).toBe(3000);
  });

  test('late arrivals are held minutes and land in the hour they arrive in', async () => {
    const { lines, counters } = await run('late', records, { seed: 3, lateRate: 0.03, lateDelayMs: [10 * 60_000, 20 * 60_000] });
    expect(counters.lateReleased).toBeGreaterThan(40);
    expect(counters.lateHeld).toBe(0);
    expect(lines).toHaveLength(3000);
    // A record whose envelope hour differs from its file's hour arrived late (records outside the hour, §A.5).
    const outside = lines.filter((l) => Number(/h=(\d\d)/.exec(l.file)![1]) !== new Date(l.time).getUTCHours());
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.length).toBeLessThanOrEqual(counters.lateReleased);
    for (const l of outside) expect(Number(/h=(\d\d)/.exec(l.file)![1])).toBeGreaterThan(new Date(l.time).getUTCHours());
  });

  test('same seed, same delivery; all off is a pass-through', async () => {
    const all = { shuffleWindow: 20, duplicateRate: 0.02, lateRate: 0.01 };
    const a = await run('seed-a', records.slice(0, 500), { seed: 42, ...all });
    const b = await run('seed-b', records.slice(0, 500), { seed: 42, ...all });
    // Something was actually injected and reordered, so the equalities below compare real work.
    expect(a.injected.length).toBeGreaterThan(0);
    expect(a.counters.outOfOrder).toBeGreaterThan(0);
    expect(b.lines.map((l) => [l.file, l.id, l.time])).toEqual(a.lines.map((l) => [l.file, l.id, l.time]));
    expect(b.injected.map((i) => [i.kind, i.record.diagnostic])).toEqual(a.injected.map((i) => [i.kind, i.record.diagnostic]));
    expect(b.counters).toEqual(a.counters);
    const off = await run('off', records.slice(0, 500), { seed: 42 });
    expect(off.counters).toMatchObject({ emitted: 500, duplicatesInjected: 0, outOfOrder: 0, lateReleased: 0 });
    // Pass-through: each record once, unchanged, in its envelope hour's file.
    expect(off.injected).toEqual([]);
    expect(off.lines.map((l) => l.id).sort()).toEqual(records.slice(0, 500).map((r) => idOf(r.diagnostic)).sort());
    const byId = new Map(records.slice(0, 500).map((r) => [idOf(r.diagnostic), JSON.parse(r.diagnostic) as { time: string }]));
    for (const l of off.lines) expect(l.time).toBe(byId.get(l.id)!.time);
  });

  test('withEnvelopeTime keeps the time format of the record', () => {
    const iso = records[0]!;
    expect(JSON.parse(withEnvelopeTime(iso, Date.UTC(2025, 5, 1, 12, 0, 1, 250)).diagnostic).time).toBe('2025-06-01T12:00:01.2500000Z');
    const us: RoutedRecord = { ...iso, category: 'RiskyUsers', diagnostic: '{ "time": "4/14/2025 11:35:37 AM", "category": "RiskyUsers"}' };
    expect(JSON.parse(withEnvelopeTime(us, Date.UTC(2025, 3, 14, 13, 5, 9)).diagnostic).time).toBe('4/14/2025 1:05:09 PM');
  });
});
