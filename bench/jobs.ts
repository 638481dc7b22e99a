/**
 * The measured work, run inside a job process (bench/job.ts) so that each gets its own
 * heap and peak RSS. entrasim modules are imported dynamically: the naive and raw jobs
 * must run even while the generators do not load yet, and faker is only loaded by the
 * naive job so that it never inflates entrasim's RSS.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CATEGORIES, GRAPH_OF } from '../src/core/categories.ts';
import type { JsonObject } from '../src/core/activity.ts';
import { buildLineBuffer, writeRaw } from './raw-write.ts';
import type {
  ChildMessage,
  EngineSettings,
  FilesJob,
  Measurement,
  MeasurementKind,
  NaiveJob,
  ProbeJob,
  RawJob,
  Shape,
  SinkJob,
  Target,
} from './types.ts';

type EngineModule = typeof import('../src/engine/generate.ts');
type GenerateOptions = import('../src/engine/generate.ts').GenerateOptions;

/**
 * Where a job reports, as soon as each result is known (a batch that dies half-way still
 * delivers what it measured): measurements, errors for targets that could not be
 * measured, and the probe's findings.
 */
export type Emit = (message: ChildMessage) => void;

function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]!.slice(0, 300);
}

/** Untimed warm-up before a measurement of `records`: enough for the JIT, never dominant. */
export function warmupFor(records: number): number {
  return Math.min(5_000, Math.max(200, Math.round(records / 10)));
}

export function measurementId(kind: MeasurementKind, shape: Shape | null, target: Target | null): string {
  return [kind, shape, target].filter((p) => p !== null).join('/');
}

async function loadEngine(): Promise<EngineModule> {
  return import('../src/engine/generate.ts');
}

async function loadSerializer(): Promise<(record: JsonObject) => string> {
  const { serializeDiagnostic } = await import('../src/core/serialize.ts');
  return serializeDiagnostic;
}

function generateOptions(engine: EngineSettings, shape: Shape, target: Target, count: number): GenerateOptions {
  return {
    seed: engine.seed,
    start: engine.start,
    ...(engine.end !== undefined ? { end: engine.end } : {}),
    count,
    shape,
    ...(engine.users !== undefined ? { users: engine.users } : {}),
    ...(target === 'mix' ? {} : { categories: [target] }),
  };
}

interface Timed {
  readonly records: number;
  readonly bytes: number;
  readonly seconds: number;
  /** null where a CPU share means nothing (the raw write is mostly waiting on the kernel). */
  readonly cpuSeconds: number | null;
  readonly durableSeconds?: number;
}

/** Wall and CPU time of `fn`; CPU is process-wide (GC and libuv threads included). */
async function timed(fn: () => Promise<{ records: number; bytes: number }> | { records: number; bytes: number }): Promise<Timed> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { records, bytes } = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { records, bytes, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

function toMeasurement(
  kind: MeasurementKind,
  shape: Shape | null,
  target: Target | null,
  t: Timed,
  batch: boolean,
  notes: string[] = [],
): Measurement {
  return {
    id: measurementId(kind, shape, target),
    kind,
    shape,
    target,
    records: t.records,
    bytes: t.bytes,
    seconds: t.seconds,
    durableSeconds: t.durableSeconds ?? null,
    cpuSeconds: t.cpuSeconds,
    peakRssBytes: peakRss(),
    rssScope: batch ? 'batch' : 'job',
    notes,
  };
}

/**
 * The discarding sink: every record serialised as the shape's files hold it
 * (`serializeDiagnostic` for diagnostic, `JSON.stringify` otherwise) and its UTF-8 bytes
 * counted (plus the newline of JSON Lines); nothing is kept or written.
 */
function drainToSink(engine: EngineModule, serialize: (r: JsonObject) => string, options: GenerateOptions): { records: number; bytes: number } {
  const diagnostic = (options.shape ?? 'diagnostic') === 'diagnostic';
  let records = 0;
  let bytes = 0;
  for (const r of engine.generateSync(options)) {
    const line = diagnostic ? serialize(r.record) : JSON.stringify(r.record);
    bytes += Buffer.byteLength(line) + 1;
    records++;
  }
  return { records, bytes };
}

/** Memory depends on records per simulated minute, so the memory run says what it had. */
function windowNote(engine: EngineSettings, records: number): string {
  const start = Date.parse(engine.start);
  const end = engine.end !== undefined ? Date.parse(engine.end) : start + 86_400_000;
  const minutes = Math.max(1, (end - start) / 60_000);
  return `window ${minutes / 1440} day(s) from ${engine.start}: ${Math.round(records / minutes).toLocaleString('en-US')} records per simulated minute`;
}

export async function runSink(job: SinkJob, emit: Emit): Promise<void> {
  const engine = await loadEngine();
  const serialize = await loadSerializer();
  for (const [i, { target, records }] of job.runs.entries()) {
    const kind: MeasurementKind = job.memory ? 'memory' : 'sink';
    try {
      if (job.warmup) drainToSink(engine, serialize, generateOptions(job.engine, job.shape, target, warmupFor(records)));
      const t = await timed(() => drainToSink(engine, serialize, generateOptions(job.engine, job.shape, target, records)));
      const notes = job.memory ? [windowNote(job.engine, records)] : [];
      emit({ type: 'measurement', measurement: toMeasurement(kind, job.shape, target, t, i > 0, notes) });
    } catch (e) {
      emit({ type: 'error', id: measurementId(kind, job.shape, target), message: oneLine(e) });
    }
  }
}

/** A writable that throws everything away (runGenerate's stdout when writing files). */
function discard(): Writable {
  return new Writable({ write: (_chunk, _enc, done) => done() });
}

/** Collects what runGenerate says on stderr (notes about skipped categories). */
function collector(lines: string[]): Writable {
  return new Writable({
    write: (chunk: Buffer | string, _enc, done) => {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(l.trim());
      done();
    },
  });
}

/** Puts every written file on the device, as the raw writer's fsync does for its one file. */
function fsyncAll(paths: ReadonlyArray<string>): void {
  for (const p of paths) {
    const fd = openSync(p, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

export async function runFiles(job: FilesJob, emit: Emit): Promise<void> {
  const { runGenerate } = await import('../src/commands/generate.ts');
  mkdirSync(job.dir, { recursive: true });
  for (const [i, { target, records }] of job.runs.entries()) {
    const dir = join(job.dir, `${job.shape}-${target}`);
    const notes: string[] = [];
    try {
      if (job.warmup) {
        await runGenerate({ ...generateOptions(job.engine, job.shape, target, warmupFor(records)), out: `${dir}-warmup`, progress: false }, discard(), discard());
        rmSync(`${dir}-warmup`, { recursive: true, force: true });
      }
      let written: ReadonlyArray<string> = [];
      const t0 = performance.now();
      const t = await timed(async () => {
        const summary = await runGenerate(
          { ...generateOptions(job.engine, job.shape, target, records), out: dir, progress: false },
          discard(),
          collector(notes),
        );
        written = summary.files;
        return { records: summary.records, bytes: summary.bytes };
      });
      fsyncAll(written);
      const durable: Timed = { ...t, durableSeconds: (performance.now() - t0) / 1000 };
      const fileCount = written.length;
      emit({ type: 'measurement', measurement: toMeasurement('files', job.shape, target, durable, i > 0, [`${fileCount} files`, ...notes]) });
    } catch (e) {
      emit({ type: 'error', id: measurementId('files', job.shape, target), message: oneLine(e) });
    } finally {
      // Deleting right away also drops the dirty pages, so write-back of this run
      // does not compete with the next measurement.
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-warmup`, { recursive: true, force: true });
    }
  }
}

export async function runNaive(job: NaiveJob, emit: Emit): Promise<void> {
  const naive = await import('./naive-signins.ts');
  naive.seedNaive(job.seed);
  const drain = (n: number): { records: number; bytes: number } => {
    let bytes = 0;
    for (let i = 0; i < n; i++) bytes += Buffer.byteLength(naive.naiveSignInLine()) + 1;
    return { records: n, bytes };
  };
  drain(warmupFor(job.records));
  const t = await timed(() => drain(job.records));
  emit({ type: 'measurement', measurement: toMeasurement('naive', 'diagnostic', 'SignInLogs', t, false, ['faker per field + JSON.stringify']) });
}

/** An endless supply of serialised records for the raw pool. */
async function lineSource(job: RawJob): Promise<() => string> {
  if (job.source === 'naive') {
    const naive = await import('./naive-signins.ts');
    naive.seedNaive(1);
    return naive.naiveSignInLine;
  }
  const engine = await loadEngine();
  const serialize = await loadSerializer();
  const start = (): Iterator<{ record: JsonObject }> =>
    engine.generateSync({ seed: job.engine.seed, start: job.engine.start, count: 100_000, shape: 'diagnostic', ...(job.engine.users !== undefined ? { users: job.engine.users } : {}) });
  let it = start();
  return () => {
    let r = it.next();
    if (r.done) {
      it = start();
      r = it.next();
    }
    if (r.done) throw new Error('the generator produced no records');
    return serialize(r.value.record);
  };
}

export async function runRaw(job: RawJob, emit: Emit): Promise<void> {
  const next = await lineSource(job);
  const { buffer, lines } = buildLineBuffer(next, job.poolBytes);
  mkdirSync(job.dir, { recursive: true });
  const path = join(job.dir, 'raw.ndjson');
  try {
    const r = writeRaw(buffer, path, job.minBytes, { chunkBytes: job.chunkBytes, linesPerBuffer: lines });
    const t: Timed = {
      records: r.records,
      bytes: r.bytes,
      seconds: r.seconds,
      cpuSeconds: null,
      ...(r.durableSeconds !== null ? { durableSeconds: r.durableSeconds } : {}),
    };
    const notes = [
      `${job.source} bytes, ${(buffer.length / 1e6).toFixed(0)} MB pool written ${Math.round(r.bytes / buffer.length)}×`,
      `${r.writes} writes of ≤${job.chunkBytes / 1024} KB, then one fsync`,
    ];
    emit({ type: 'measurement', measurement: toMeasurement('raw', null, null, t, false, notes) });
  } finally {
    rmSync(path, { force: true });
  }
}

/** Targets that have a form in a shape (the Graph shape has no ADFS, Graph activity, enriched M365). */
export function targetsWithShape(shape: Shape): Target[] {
  const cats = shape === 'graph' ? CATEGORIES.filter((c) => GRAPH_OF[c]?.versions.includes('beta')) : [...CATEGORIES];
  return ['mix', ...cats];
}

/** Which (shape, target) pairs generate at all: the runner measures only those. */
export async function runProbe(job: ProbeJob, emit: Emit): Promise<void> {
  let engine: EngineModule;
  try {
    engine = await loadEngine();
  } catch (e) {
    emit({ type: 'probe', probe: { engineLoads: false, engineError: oneLine(e), working: {}, failures: [] } });
    return;
  }
  const working: Partial<Record<Shape, Target[]>> = {};
  const failures: Array<{ shape: Shape; target: Target; message: string }> = [];
  const keys = new Set<string>();
  for (const shape of job.shapes) {
    const ok: Target[] = [];
    for (const target of targetsWithShape(shape)) {
      try {
        let n = 0;
        for (const r of engine.generateSync(generateOptions(job.engine, shape, target, job.records))) {
          n++;
          if (shape === 'diagnostic' && r.category === 'SignInLogs') {
            const props = r.record.properties;
            if (props && typeof props === 'object' && !Array.isArray(props)) for (const k of Object.keys(props)) keys.add(k);
          }
          // Serialising is part of every measurement: make sure it works too.
          JSON.stringify(r.record);
        }
        if (n === 0) failures.push({ shape, target, message: 'produced no records' });
        else ok.push(target);
      } catch (e) {
        failures.push({ shape, target, message: oneLine(e) });
      }
    }
    working[shape] = ok;
  }
  emit({ type: 'probe', probe: { engineLoads: true, working, failures, ...(keys.size > 0 ? { signInPropertyKeys: [...keys] } : {}) } });
}
