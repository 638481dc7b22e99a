/**
 * `npm run bench [-- flags]`: entrasim's benchmark suite. Every measurement runs in a
 * process of its own, one at a time (pinned to one CPU when taskset exists), so throughput
 * is per core and peak RSS per job. Order: probe the generators, the naive baseline, then per
 * shape the discarding sink, files (with the raw write limit right after diagnostic files)
 * and the real CLI, then the 10M-record memory run and the hook scripts of other parts.
 * Prints tables and ratios, and writes bench/results/latest.{json,md}.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, canPin, runNode, syncDisks, type ChildRun } from './child.ts';
import { describeEnvironment, loadAverage } from './environment.ts';
import { HOOKS, runHook, type HookResult } from './hooks.ts';
import { measurementId, targetsWithShape } from './jobs.ts';
import { NAIVE_SIGNIN_PROPERTY_KEYS } from './naive-signin-keys.ts';
import { OptionsError, USAGE, parseOptions, type BenchOptions } from './options.ts';
import { DEFAULT_CHUNK_BYTES } from './raw-write.ts';
import { compareKeys, computeRatios, contended, fmtInt, recordsPerSecond, renderMarkdown, renderText, type BenchReport } from './report.ts';
import type { EngineSettings, JobSpec, Measurement, ProbeResult, Run, Shape, Target } from './types.ts';

const MINUTE = 60_000;

interface Step {
  readonly label: string;
  readonly run: () => Promise<void>;
}

function log(text: string): void {
  process.stderr.write(text);
}

class Bench {
  readonly measurements: Measurement[] = [];
  readonly errors: Array<{ id: string; message: string }> = [];
  readonly notes: string[] = [];
  readonly hooks: HookResult[] = [];
  probe: ProbeResult | null = null;

  constructor(
    readonly options: BenchOptions,
    readonly cpu: number | undefined,
    readonly scratch: string,
  ) {}

  get engine(): EngineSettings {
    return { seed: this.options.seed, start: this.options.start, ...(this.options.users !== undefined ? { users: this.options.users } : {}) };
  }

  find(id: string): Measurement | undefined {
    return this.measurements.find((m) => m.id === id);
  }

  /** Runs one job process and files what it sends; a crash becomes an error entry. */
  async job(spec: JobSpec, id: string, timeoutMs: number): Promise<ChildRun> {
    const run = await runNode({ args: ['bench/job.ts', JSON.stringify(spec)], cpu: this.cpu, stdout: 'capture', timeoutMs });
    for (const m of run.messages) {
      if (m.type === 'measurement') this.measurements.push(m.measurement);
      else if (m.type === 'error') this.errors.push({ id: m.id, message: m.message });
      else if (m.type === 'probe') this.probe = m.probe;
    }
    if (run.code !== 0 || run.timedOut) {
      const last = run.stderr.split('\n').map((l) => l.trim()).filter(Boolean);
      const why = run.timedOut ? `timed out after ${timeoutMs / 1000} s` : `exit ${run.code ?? run.signal}`;
      this.errors.push({ id, message: `${why}: ${last.find((l) => /error/i.test(l)) ?? last.at(-1) ?? 'no output'}`.slice(0, 400) });
    }
    return run;
  }

  /** The real CLI, stdout to /dev/null; records and bytes come from the sink run of the same options. */
  async cli(shape: Shape, records: number): Promise<void> {
    const id = measurementId('cli', shape, 'mix');
    const args = ['src/cli.ts', 'generate', '--seed', String(this.options.seed), '--start', this.options.start, '--count', String(records), '--shape', shape, '--out', '-', '--no-progress'];
    if (this.options.users !== undefined) args.push('--users', String(this.options.users));
    const run = await runNode({ args, cpu: this.cpu, stdout: 'devnull', timeoutMs: 20 * MINUTE });
    if (run.code !== 0 || run.timedOut) {
      const err = run.stderr.trim().split('\n').at(-1) ?? '';
      this.errors.push({ id, message: `${run.timedOut ? 'timed out' : `exit ${run.code ?? run.signal}`}: ${err}`.slice(0, 400) });
      return;
    }
    const sink = this.find(measurementId('sink', shape, 'mix'));
    const same = sink !== undefined; // same seed, window and count as this run
    this.measurements.push({
      id,
      kind: 'cli',
      shape,
      target: 'mix',
      records: same ? sink.records : records,
      bytes: same ? sink.bytes : 0,
      seconds: run.wallSeconds,
      durableSeconds: null,
      cpuSeconds: run.exitCpuSeconds,
      peakRssBytes: run.exitRssBytes,
      rssScope: 'job',
      notes: [
        'wall time from spawn to exit: node + tsx startup and tenant build included',
        same ? 'records and bytes from the sink run with the same seed, window and count (output is byte-identical)' : 'bytes unknown: no matching sink run',
      ],
    });
  }

  /** Targets to measure in a shape: what the probe found working, filtered by --categories. */
  targets(shape: Shape): Target[] {
    const working = new Set(this.probe?.working[shape] ?? []);
    const wanted = targetsWithShape(shape).filter((t) => t === 'mix' || this.options.categories.includes(t));
    return wanted.filter((t) => working.has(t));
  }

  /**
   * The steps after the probe. Full run: every (kind, shape, target) in a process of its
   * own. Quick run: a shape's sink runs share one process (the mix first, so its RSS is
   * still its own); file and CLI runs for the diagnostic default mix only.
   */
  plan(): Step[] {
    const o = this.options;
    const s = o.sizes;
    const steps: Step[] = [];
    const add = (label: string, run: () => Promise<unknown>): void => void steps.push({ label, run: async () => void (await run()) });
    add(`naive baseline, ${fmtInt(s.naive)} sign-ins`, () => this.job({ kind: 'naive', records: s.naive, seed: o.seed }, 'naive', 20 * MINUTE));

    const engineWorks = this.probe?.engineLoads === true;
    const diagnosticMix = (this.probe?.working.diagnostic ?? []).includes('mix');
    const rawSource: 'entrasim' | 'naive' = engineWorks && diagnosticMix ? 'entrasim' : 'naive';
    const raw = (): Promise<ChildRun> => {
      // The same number of bytes as the file run it is compared with.
      const files = this.find('files/diagnostic/mix');
      const minBytes = files && files.bytes > 0 ? files.bytes : s.rawMinBytes;
      syncDisks();
      const dir = join(this.scratch, 'raw');
      return this.job({ kind: 'raw', source: rawSource, engine: this.engine, poolBytes: Math.min(s.rawPoolBytes, minBytes), minBytes, chunkBytes: DEFAULT_CHUNK_BYTES, dir }, 'raw', 20 * MINUTE);
    };
    let rawPlanned = false;

    if (engineWorks) {
      for (const shape of o.shapes) {
        const targets = this.targets(shape);
        const single = targets.filter((t): t is Exclude<Target, 'mix'> => t !== 'mix');
        const hasMix = targets.includes('mix');
        const mixRun: Run = { target: 'mix', records: s.mix };
        // SignInLogs carries the headline ratio against the naive baseline: it gets the mix's size.
        const catRuns: Run[] = single.map((target) => ({ target, records: target === 'SignInLogs' ? s.mix : s.perCategory }));
        const sink = (runs: Run[]): Promise<ChildRun> =>
          this.job({ kind: 'sink', engine: this.engine, shape, runs, warmup: true }, `sink/${shape}/${runs.length === 1 ? runs[0]!.target : 'batch'}`, 30 * MINUTE);
        const files = (runs: Run[]): Promise<ChildRun> => {
          syncDisks();
          return this.job({ kind: 'files', engine: this.engine, shape, runs, warmup: true, dir: join(this.scratch, 'files') }, `files/${shape}/${runs.length === 1 ? runs[0]!.target : 'batch'}`, 30 * MINUTE);
        };
        const eachCategory = `${fmtInt(s.perCategory)} records`;

        if (o.quick) {
          const runs = [...(hasMix ? [mixRun] : []), ...catRuns];
          if (runs.length) add(`sink ${shape}: default mix (${fmtInt(s.mix)}) and ${catRuns.length} categories (${eachCategory} each, SignInLogs ${fmtInt(s.mix)}), one process`, () => sink(runs));
        } else {
          if (hasMix) add(`sink ${shape} default mix, ${fmtInt(s.mix)} records`, () => sink([mixRun]));
          for (const r of catRuns) add(`sink ${shape} ${r.target}, ${fmtInt(r.records)} records`, () => sink([r]));
        }
        if (hasMix && (!o.quick || shape === 'diagnostic')) add(`files ${shape} default mix, ${fmtInt(s.mix)} records`, () => files([mixRun]));
        // Right after the file run it is compared with, on the same disk state.
        if (hasMix && shape === 'diagnostic') {
          add(`raw write limit (${rawSource} bytes)`, raw);
          rawPlanned = true;
        }
        if (!o.quick) for (const r of catRuns) add(`files ${shape} ${r.target}, ${fmtInt(r.records)} records`, () => files([r]));
        if (hasMix && (!o.quick || shape === 'diagnostic')) {
          add(`CLI generate --shape ${shape} --out - > /dev/null, ${fmtInt(s.mix)} records`, () => this.cli(shape, s.mix));
        }
      }
      if (o.quick) this.notes.push('--quick: per-category sink runs share one process per shape (their peak RSS is marked *); file and CLI runs for the diagnostic default mix only; no memory run.');
      if (o.memory && diagnosticMix) {
        const end = new Date(Date.parse(o.start) + s.memoryDays * 86_400_000).toISOString();
        const perMinute = s.memory / (s.memoryDays * 1440);
        add(`memory run: ${fmtInt(s.memory)} diagnostic records over ${s.memoryDays} day(s) → discarding sink`, () => {
          const mix = this.find('sink/diagnostic/mix');
          if (mix) log(` (about ${Math.round(s.memory / recordsPerSecond(mix))} s at the measured rate)`);
          return this.job(
            { kind: 'sink', engine: { ...this.engine, end }, shape: 'diagnostic', runs: [{ target: 'mix', records: s.memory }], warmup: false, memory: true },
            'memory/diagnostic/mix',
            120 * MINUTE,
          );
        });
        this.notes.push(`memory run window: ${o.start} to ${end}, ${fmtInt(perMinute)} records per simulated minute (what the engine's time-ordered buffers scale with).`);
      } else if (o.memory) {
        this.notes.push('memory run skipped: the diagnostic default mix does not generate');
      }
    }
    if (!rawPlanned) add(`raw write limit (${rawSource} bytes)`, raw);
    if (o.hooks) for (const h of HOOKS) add(`hook ${h.name}`, async () => this.hooks.push(await runHook(h, o.quick, this.cpu)));
    else this.notes.push(`hook scripts not run (${o.quick ? '--quick' : '--no-hooks'}; --hooks runs them): ${HOOKS.map((h) => h.name).join(', ')}`);
    return steps;
  }

  async runProbe(): Promise<void> {
    log('probing the generators … ');
    const t0 = performance.now();
    await this.job({ kind: 'probe', engine: this.engine, shapes: this.options.shapes, records: 10 }, 'probe', 10 * MINUTE);
    log(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    const p = this.probe;
    if (!p || !p.engineLoads) {
      const why = p?.engineError ?? this.errors.find((e) => e.id === 'probe')?.message ?? 'unknown';
      this.notes.push(`entrasim generators do not load yet (${why}): only the baselines were measured`);
      log(`  generators unavailable: ${why}\n  measuring the naive baseline and the raw write limit only\n`);
      return;
    }
    for (const f of p.failures) {
      // Only the targets that would have been measured count as not measured.
      if (f.target === 'mix' || this.options.categories.includes(f.target)) this.errors.push({ id: `${f.shape}/${f.target}`, message: `skipped, probe failed: ${f.message}` });
    }
    if (p.failures.length) log(`  ${p.failures.length} shape/category pairs fail and are skipped (listed at the end)\n`);
  }
}

function settingsOf(o: BenchOptions): Record<string, unknown> {
  return {
    quick: o.quick,
    sizes: o.sizes,
    memory: o.memory,
    shapes: o.shapes,
    categories: o.categories.length,
    seed: o.seed,
    start: o.start,
    users: o.users ?? null,
    pin: o.pin,
    hooks: o.hooks,
  };
}

async function main(): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2), BENCH_DIR);
  } catch (e) {
    if (e instanceof OptionsError || (e instanceof Error && 'code' in e)) {
      process.stderr.write(`bench: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const cpu = options.pin && canPin() ? os.availableParallelism() - 1 : undefined;
  mkdirSync(options.tmp, { recursive: true });
  const scratch = mkdtempSync(join(options.tmp, 'entrasim-bench-'));
  const cleanup = (): void => rmSync(scratch, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  const bench = new Bench(options, cpu, scratch);
  const started = performance.now();
  const loadAtStart = loadAverage();
  try {
    log(`entrasim bench (${options.quick ? 'quick' : 'full'}); scratch ${scratch}; ${cpu === undefined ? 'not pinned' : `pinned to CPU ${cpu}`}\n`);
    await bench.runProbe();
    const steps = bench.plan();
    for (const [i, step] of steps.entries()) {
      log(`[${i + 1}/${steps.length}] ${step.label} …`);
      const t0 = performance.now();
      await step.run();
      log(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    cleanup();
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s\n\n`);

  bench.notes.push(
    'Throughput is steady state: each in-process measurement follows an untimed warm-up of min(5,000, n/10) records; the CLI rows include process startup.',
    'Files (runGenerate) and the raw limit are both written with writeSync in 256 KB pieces; "MB/s" stops when the writes return (page cache), "MB/s to disk" after an fsync of every file written — the disk ratio uses the latter. The disk is synced before each disk measurement and outputs are deleted right after.',
    'Peak RSS is the whole process (Node, tsx loader thread, heap) from getrusage maxRSS; CPU is user + system of the whole process over the timed part (GC threads included), so it can exceed 100%.',
  );
  const shared = bench.measurements.filter(contended);
  if (shared.length) {
    bench.notes.push(`${shared.length} CPU-bound measurement(s) got less than 90% of their core (${shared.map((m) => m.id).join(', ')}): other processes were running; rerun on an idle machine for firm numbers.`);
  }
  const report: BenchReport = {
    schemaVersion: 1,
    environment: describeEnvironment(options.tmp, cpu ?? null, loadAtStart),
    settings: settingsOf(options),
    measurements: bench.measurements,
    ratios: computeRatios(bench.measurements),
    hooks: bench.hooks,
    probe: bench.probe,
    signInKeys: compareKeys(NAIVE_SIGNIN_PROPERTY_KEYS, bench.probe?.signInPropertyKeys),
    errors: bench.errors,
    notes: bench.notes,
  };
  process.stdout.write(renderText(report));
  mkdirSync(options.resultsDir, { recursive: true });
  writeFileSync(join(options.resultsDir, 'latest.json'), JSON.stringify(withDerived(report), null, 2) + '\n');
  writeFileSync(join(options.resultsDir, 'latest.md'), renderMarkdown(report));
  log(`\nwrote ${join(options.resultsDir, 'latest.json')} and latest.md\n`);
  return 0;
}

/** The JSON carries the derived rates too, so readers need not recompute them. */
function withDerived(report: BenchReport): unknown {
  return {
    ...report,
    measurements: report.measurements.map((m) => ({
      ...m,
      recordsPerSecond: m.seconds > 0 ? m.records / m.seconds : null,
      mbPerSecond: m.seconds > 0 ? m.bytes / 1e6 / m.seconds : null,
      avgBytesPerRecord: m.records > 0 ? m.bytes / m.records : null,
      recordsPerCpuSecond: m.cpuSeconds ? m.records / m.cpuSeconds : null,
    })),
  };
}

process.exitCode = await main();
