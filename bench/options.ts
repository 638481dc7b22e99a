/**
 * Command-line flags of `npm run bench` and the sizes they imply. Default sizes are meant
 * to finish the whole suite in a few minutes on two cores; `--quick` in about 30 s.
 */
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES, SHAPES, parseCategory, type Category, type Shape } from '../src/core/categories.ts';

export interface Sizes {
  /** Records per default-mix measurement (sink, files, CLI). */
  readonly mix: number;
  /** Records per single-category measurement. */
  readonly perCategory: number;
  /** Records of the naive baseline. */
  readonly naive: number;
  /** Records of the memory run (diagnostic, default mix, discarding sink). */
  readonly memory: number;
  /** Window of the memory run in days: the engine's buffers follow records per minute, not the total. */
  readonly memoryDays: number;
  /** In-memory pool of pre-serialised records for the raw write. */
  readonly rawPoolBytes: number;
  /** Raw write size when entrasim's file run gave no byte count to match. */
  readonly rawMinBytes: number;
}

export interface BenchOptions {
  readonly quick: boolean;
  readonly sizes: Sizes;
  readonly memory: boolean;
  readonly shapes: ReadonlyArray<Shape>;
  /** Categories measured one by one (the default mix is always measured). */
  readonly categories: ReadonlyArray<Category>;
  readonly seed: number;
  readonly start: string;
  readonly users: number | undefined;
  /** Scratch directory for file output: put it on the disk you want measured. */
  readonly tmp: string;
  readonly pin: boolean;
  readonly hooks: boolean;
  readonly resultsDir: string;
}

export const USAGE = `usage: npm run bench -- [flags]

  --quick               ~30 s run: smaller sizes; per-category sink runs share one process per shape;
                        file and CLI runs for the diagnostic default mix only; no memory run, no hooks
  --records <n>         records per default-mix run and SignInLogs run (other categories: n/10, naive: n/2)
                        (defaults: 100,000 / 10,000 / 50,000; --quick: 20,000 / 1,000 / 10,000)
  --memory              include the 10M-record memory run (default: on, off with --quick)
  --no-memory           skip it
  --memory-records <n>  records of the memory run (default 10,000,000)
  --memory-days <n>     its window in days from --start (default 1, as 'generate --count' without --end)
  --shapes <list>       diagnostic,graph,loganalytics (default all)
  --categories <list>   categories measured one by one (default all; 'none' for the mix only)
  --seed <n>            seed (default 42)
  --start <iso>         fixed window start (default 2025-06-02T00:00:00Z)
  --users <n>           tenant size (default: the scenario's)
  --tmp <dir>           where file output goes (default: the OS temp dir); the disk measured
  --no-pin              do not pin jobs to one CPU with taskset
  --hooks               run the Graph paging and Event Hubs hook scripts (default: on, off with --quick)
  --no-hooks            skip them
  --results <dir>       where latest.json and latest.md go (default bench/results)
  --help
`;

export class OptionsError extends Error {}

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new OptionsError(`${flag} must be a positive integer, got '${value}'`);
  return n;
}

const FULL: Sizes = {
  mix: 100_000,
  perCategory: 10_000,
  naive: 50_000,
  memory: 10_000_000,
  memoryDays: 1,
  rawPoolBytes: 64 * 1024 * 1024,
  rawMinBytes: 512 * 1024 * 1024,
};
const QUICK: Sizes = {
  mix: 20_000,
  perCategory: 1_000,
  naive: 10_000,
  memory: 10_000_000,
  memoryDays: 1,
  rawPoolBytes: 16 * 1024 * 1024,
  rawMinBytes: 128 * 1024 * 1024,
};

export function parseOptions(argv: ReadonlyArray<string>, benchDir: string): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      quick: { type: 'boolean' },
      records: { type: 'string' },
      memory: { type: 'boolean' },
      'no-memory': { type: 'boolean' },
      'memory-records': { type: 'string' },
      'memory-days': { type: 'string' },
      shapes: { type: 'string' },
      categories: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      users: { type: 'string' },
      tmp: { type: 'string' },
      'no-pin': { type: 'boolean' },
      hooks: { type: 'boolean' },
      'no-hooks': { type: 'boolean' },
      results: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const quick = values.quick === true;
  const base = quick ? QUICK : FULL;
  const records = positive('--records', values.records);
  const sizes: Sizes = {
    ...base,
    ...(records !== undefined
      ? { mix: records, perCategory: Math.max(1_000, Math.round(records / 10)), naive: Math.max(1_000, Math.round(records / 2)) }
      : {}),
    memory: positive('--memory-records', values['memory-records']) ?? base.memory,
    memoryDays: positive('--memory-days', values['memory-days']) ?? base.memoryDays,
  };
  if (values.memory && values['no-memory']) throw new OptionsError('--memory and --no-memory contradict each other');
  if (values.hooks && values['no-hooks']) throw new OptionsError('--hooks and --no-hooks contradict each other');
  const memory = values.memory === true || (!quick && values['no-memory'] !== true);

  const shapes: Shape[] = [];
  for (const s of (values.shapes ?? SHAPES.join(',')).split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!(SHAPES as ReadonlyArray<string>).includes(s)) throw new OptionsError(`unknown shape '${s}' (known: ${SHAPES.join(', ')})`);
    if (!shapes.includes(s as Shape)) shapes.push(s as Shape);
  }
  if (shapes.length === 0) throw new OptionsError('--shapes needs at least one shape');

  let categories: Category[] = [...CATEGORIES];
  if (values.categories !== undefined) {
    categories = [];
    if (values.categories.trim().toLowerCase() !== 'none') {
      for (const name of values.categories.split(',').map((x) => x.trim()).filter(Boolean)) {
        const c = parseCategory(name);
        if (!c) throw new OptionsError(`unknown category '${name}'`);
        if (!categories.includes(c)) categories.push(c);
      }
    }
  }

  const start = values.start ?? '2025-06-02T00:00:00Z';
  if (!Number.isFinite(Date.parse(start))) throw new OptionsError(`--start is not a date: '${start}'`);
  const seed = values.seed === undefined ? 42 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new OptionsError(`--seed must be an integer, got '${values.seed}'`);

  return {
    quick,
    sizes,
    memory,
    shapes,
    categories,
    seed,
    start,
    users: positive('--users', values.users),
    tmp: resolve(values.tmp ?? tmpdir()),
    pin: values['no-pin'] !== true,
    hooks: values.hooks === true || (!quick && values['no-hooks'] !== true),
    resultsDir: resolve(values.results ?? resolve(benchDir, 'results')),
  };
}
