/**
 * What the benchmark runner and its job processes exchange: job specs go to the child as
 * JSON on argv, measurements come back as JSON lines on file descriptor 3 (stdout and stderr
 * stay free for whatever the measured code prints).
 */
import type { Category, Shape } from '../src/core/categories.ts';

export type { Category, Shape };

/** A single category, or the default mix of every category (no `categories` option). */
export type Target = Category | 'mix';

/** Engine settings shared by every entrasim job so that runs are comparable. */
export interface EngineSettings {
  readonly seed: number;
  /** Fixed window start (ISO 8601): a fixed start makes output byte-identical per seed. */
  readonly start: string;
  /** Window end (ISO 8601); absent = start plus one day, as `generate --count` does. */
  readonly end?: string;
  /** Tenant size; absent = the scenario's default. */
  readonly users?: number;
}

export interface ProbeJob {
  readonly kind: 'probe';
  readonly engine: EngineSettings;
  readonly shapes: ReadonlyArray<Shape>;
  /** Records per (shape, target) to try. */
  readonly records: number;
}

/** One measurement of a job: a target and how many records to generate for it. */
export interface Run {
  readonly target: Target;
  readonly records: number;
}

/** entrasim into a discarding sink: serialise every record, count its bytes, keep nothing. */
export interface SinkJob {
  readonly kind: 'sink';
  readonly engine: EngineSettings;
  readonly shape: Shape;
  /** Measured in turn; usually one per process (the quick run batches them). */
  readonly runs: ReadonlyArray<Run>;
  /** Generate untimed warm-up records first (JIT), per run. */
  readonly warmup: boolean;
  /** Marks the long run for the memory target. */
  readonly memory?: boolean;
}

/** entrasim to files through `runGenerate`, into a temporary directory. */
export interface FilesJob {
  readonly kind: 'files';
  readonly engine: EngineSettings;
  readonly shape: Shape;
  readonly runs: ReadonlyArray<Run>;
  readonly warmup: boolean;
  /** Scratch directory on the disk being measured; emptied after each measurement. */
  readonly dir: string;
}

/** The faker-per-field baseline into the same kind of discarding sink. */
export interface NaiveJob {
  readonly kind: 'naive';
  readonly records: number;
  readonly seed: number;
}

/** Pre-serialised bytes written with FileSet's chunking: the disk's ceiling. */
export interface RawJob {
  readonly kind: 'raw';
  /** Whose bytes: entrasim's diagnostic mix when it runs, else naive sign-ins. */
  readonly source: 'entrasim' | 'naive';
  readonly engine: EngineSettings;
  /** Size of the in-memory pool of records, written over and over. */
  readonly poolBytes: number;
  /** At least this many bytes are written (whole copies of the pool). */
  readonly minBytes: number;
  readonly chunkBytes: number;
  readonly dir: string;
}

export type JobSpec = ProbeJob | SinkJob | FilesJob | NaiveJob | RawJob;

export type MeasurementKind = 'sink' | 'files' | 'cli' | 'naive' | 'raw' | 'memory';

/**
 * Where a peak RSS comes from: `job` — a process that ran only this measurement (or ran it
 * first); `batch` — the peak so far of a process that ran other measurements before it.
 */
export type RssScope = 'job' | 'batch';

export interface Measurement {
  /** Unique per run, e.g. `sink/diagnostic/SignInLogs`. */
  readonly id: string;
  readonly kind: MeasurementKind;
  readonly shape: Shape | null;
  readonly target: Target | null;
  readonly records: number;
  readonly bytes: number;
  /** Wall-clock seconds of the timed part. */
  readonly seconds: number;
  /**
   * Disk runs only: seconds until the bytes are on the device — the timed part plus an
   * fsync of every file written. `seconds` alone ends when the data is in the page cache.
   */
  readonly durableSeconds: number | null;
  /** User + system CPU seconds of the whole process over the timed part (null when unknown). */
  readonly cpuSeconds: number | null;
  readonly peakRssBytes: number | null;
  readonly rssScope: RssScope;
  readonly notes: ReadonlyArray<string>;
}

/** What the probe learned about the generators. */
export interface ProbeResult {
  readonly engineLoads: boolean;
  readonly engineError?: string;
  /** Targets that produced records without throwing, per shape. */
  readonly working: Readonly<Partial<Record<Shape, ReadonlyArray<Target>>>>;
  readonly failures: ReadonlyArray<{ readonly shape: Shape; readonly target: Target; readonly message: string }>;
  /** Union of `properties` keys over the sampled SignInLogs diagnostic records. */
  readonly signInPropertyKeys?: ReadonlyArray<string>;
}

/** One line on fd 3. */
export type ChildMessage =
  | { readonly type: 'measurement'; readonly measurement: Measurement }
  | { readonly type: 'error'; readonly id: string; readonly message: string }
  | { readonly type: 'probe'; readonly probe: ProbeResult }
  | { readonly type: 'exit-rss'; readonly maxRssBytes: number; readonly cpuSeconds: number };
