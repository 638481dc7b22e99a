/**
 * Smoke test of the benchmark's own parts that do not need the generators: the naive
 * faker baseline and the raw writer. Checks what they produce, never how fast — speed is
 * measured by `npm run bench`, not by tests.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NAIVE_SIGNIN_ENVELOPE_KEYS, NAIVE_SIGNIN_PROPERTY_KEYS, naiveSignIn, naiveSignInLine, seedNaive } from '../bench/naive-signins.ts';
import { buildLineBuffer, writeRaw } from '../bench/raw-write.ts';
import { computeRatios } from '../bench/report.ts';
import { parseMetrics } from '../bench/hooks.ts';
import type { Measurement } from '../bench/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'entrasim-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('naive sign-in baseline', () => {
  it('writes SignInLogs diagnostic records with the envelope and the 67 property keys', () => {
    seedNaive(7);
    const lines = Array.from({ length: 200 }, () => naiveSignInLine());
    for (const line of lines) {
      const r = JSON.parse(line) as Record<string, unknown>;
      const envelope = NAIVE_SIGNIN_ENVELOPE_KEYS.filter((k) => k !== 'resultDescription');
      expect(Object.keys(r).filter((k) => k !== 'resultDescription')).toEqual(envelope);
      expect(r.category).toBe('SignInLogs');
      expect(r.Level).toBe(4);
      expect(typeof r.resultType).toBe('string');
      expect(r.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
      const p = r.properties as Record<string, unknown>;
      expect(Object.keys(p)).toEqual([...NAIVE_SIGNIN_PROPERTY_KEYS]);
      expect(Object.keys(p.deviceDetail as object)).toContain('operatingSystem');
      expect(Object.keys(p.location as object)).toEqual(['city', 'state', 'countryOrRegion', 'geoCoordinates']);
      expect(Object.keys(p.status as object)).toEqual(['errorCode', 'failureReason', 'additionalDetails']);
      expect((p.status as { errorCode: unknown }).errorCode).toBe(Number(r.resultType));
      expect(Array.isArray(p.appliedConditionalAccessPolicies)).toBe(true);
      const steps = p.authenticationDetails as Array<Record<string, unknown>>;
      expect(steps.length).toBeGreaterThan(0);
      expect(steps[0]).toHaveProperty('StatusSequence');
    }
    expect(NAIVE_SIGNIN_PROPERTY_KEYS).toHaveLength(67);
    const avg = lines.reduce((n, l) => n + Buffer.byteLength(l), 0) / lines.length;
    // About the ~3.8 KB of a real sign-in (the key set alone makes ~3.6 KB).
    expect(avg).toBeGreaterThan(3_400);
    expect(avg).toBeLessThan(4_800);
  });

  it('is repeatable per seed', () => {
    seedNaive(3);
    const a = naiveSignIn();
    seedNaive(3);
    expect(naiveSignIn()).toEqual(a);
  });
});

describe('raw writer', () => {
  it('writes whole copies of the pre-serialised buffer as valid JSON Lines', () => {
    seedNaive(1);
    const { buffer, lines } = buildLineBuffer(naiveSignInLine, 64 * 1024);
    expect(buffer.length).toBeGreaterThanOrEqual(64 * 1024);
    const path = join(dir, 'raw.ndjson');
    // Small chunks so that chunk and line boundaries fall apart.
    const r = writeRaw(buffer, path, 200 * 1024, { chunkBytes: 10_000, linesPerBuffer: lines });
    const copies = Math.ceil((200 * 1024) / buffer.length);
    expect(r.bytes).toBe(copies * buffer.length);
    expect(statSync(path).size).toBe(r.bytes);
    expect(r.records).toBe(copies * lines);
    expect(r.writes).toBe(copies * Math.ceil(buffer.length / 10_000));
    expect(r.durableSeconds).not.toBeNull();
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const parsed = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { category: string; properties: object });
    expect(parsed).toHaveLength(r.records);
    for (const rec of parsed) {
      expect(rec.category).toBe('SignInLogs');
      expect(Object.keys(rec.properties)).toHaveLength(67);
    }
  });

  it('skips the fsync when asked', () => {
    const r = writeRaw(Buffer.from('{"a":1}\n'), join(dir, 'tiny.ndjson'), 1, { fsync: false });
    expect(r.bytes).toBe(8);
    expect(r.durableSeconds).toBeNull();
  });
});

describe('report arithmetic', () => {
  const m = (id: string, kind: Measurement['kind'], records: number, bytes: number, seconds: number, extra: Partial<Measurement> = {}): Measurement => ({
    id,
    kind,
    shape: null,
    target: null,
    records,
    bytes,
    seconds,
    durableSeconds: null,
    cpuSeconds: seconds,
    peakRssBytes: 100e6,
    rssScope: 'job',
    notes: [],
    ...extra,
  });

  it('compares like with like and judges against the targets', () => {
    const ratios = computeRatios([
      m('naive/diagnostic/SignInLogs', 'naive', 10_000, 40e6, 1),
      m('sink/diagnostic/SignInLogs', 'sink', 150_000, 600e6, 1),
      m('files/diagnostic/mix', 'files', 100_000, 300e6, 1, { durableSeconds: 1.5 }),
      m('raw', 'raw', 100_000, 300e6, 0.1, { durableSeconds: 1 }),
      m('memory/diagnostic/mix', 'memory', 10_000_000, 3e10, 100, { peakRssBytes: 350e6 }),
    ]);
    const [naive, disk, ...rest] = ratios;
    expect(naive!.value).toBeCloseTo(15);
    expect(naive!.status).toBe('pass');
    // 300 MB in 1.5 s to disk against 300 MB in 1 s: 67 %, under the 70 % target.
    expect(disk!.value).toBeCloseTo(66.7, 0);
    expect(disk!.status).toBe('fail');
    const memory = rest.find((r) => r.unit === 'MB')!;
    expect(memory.value).toBeCloseTo(350);
    expect(memory.status).toBe('fail');
  });

  it('reads the rates hook scripts print', () => {
    expect(parseMetrics(['produced: 280 events, 91 events/s, 33.2 MB/s', 'HttpHandler, no filter   200,000 records in 66439 ms: 3,010 records/s'])).toEqual({
      'events/s (produced)': 91,
      'MB/s (produced)': 33.2,
      'records/s (HttpHandler, no filter)': 3010,
    });
  });
});
