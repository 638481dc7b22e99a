/**
 * Benchmarks other parts of entrasim bring along as scripts of their own (Graph API paging,
 * Event Hubs publishing into the embedded endpoint). The suite runs each one if its module
 * resolves, in a child process like every other job, and keeps its output and the rates it
 * prints; a missing script is skipped with a note.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runNode } from './child.ts';

export interface HookSpec {
  readonly name: string;
  /** Module specifier relative to bench/. */
  readonly module: string;
  readonly args: (quick: boolean) => string[];
  readonly what: string;
}

export interface HookResult {
  readonly name: string;
  readonly script: string;
  readonly status: 'ran' | 'skipped' | 'failed';
  readonly note: string;
  readonly seconds: number | null;
  readonly peakRssBytes: number | null;
  /** Rates found in the output, by unit (`events/s`, `MB/s`, `pages/s`, …). */
  readonly metrics: Readonly<Record<string, number>>;
  readonly output: ReadonlyArray<string>;
}

export const HOOKS: ReadonlyArray<HookSpec> = [
  {
    name: 'graph-paging',
    module: './graph-paging.ts',
    args: (quick) => [quick ? '5000' : '50000'], // [records] (its default, 200,000, takes minutes)
    what: 'Graph API paging throughput',
  },
  {
    name: 'eventhubs-endpoint',
    module: './eventhubs-endpoint.ts',
    args: (quick) => [quick ? '1' : '10', '4'], // [seconds] [concurrent senders]
    what: 'Event Hubs publishing into the embedded endpoint',
  },
];

/** Does the hook's module resolve to a file? (tsx resolves .ts specifiers without checking.) */
export function resolveHook(module: string): string | undefined {
  try {
    const path = fileURLToPath(import.meta.resolve(module));
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** What a rate line is about: its text up to the first colon, wide gap or number (`produced`, `HttpHandler, no filter`). */
function lineLabel(line: string): string {
  return (line.split(/:|\s{2,}|\s(?=\d)/)[0] ?? '').trim().slice(0, 48);
}

/**
 * Rates a script prints: a `BENCH_RESULT {json}` line if it has one (numbers taken as they
 * are), else every `<number> <unit>/s` in its output, keyed `<unit>/s (<line label>)`
 * (numbers may have thousands separators: `3,010 records/s`).
 */
export function parseMetrics(lines: ReadonlyArray<string>): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const line of lines) {
    const m = /^BENCH_RESULT\s+(\{.*\})\s*$/.exec(line);
    if (m) {
      try {
        for (const [k, v] of Object.entries(JSON.parse(m[1]!) as Record<string, unknown>)) if (typeof v === 'number') metrics[k] = v;
        continue;
      } catch {
        // not JSON after all: fall through to the rate pattern
      }
    }
    const label = lineLabel(line);
    for (const r of line.matchAll(/(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([A-Za-z]+\/s)\b/g)) {
      metrics[label ? `${r[3]} (${label})` : r[3]!] = Number(r[1]!.replace(/,/g, '') + (r[2] ?? ''));
    }
  }
  return metrics;
}

export async function runHook(spec: HookSpec, quick: boolean, cpu: number | undefined): Promise<HookResult> {
  const path = resolveHook(spec.module);
  const script = `bench/${spec.module.replace(/^\.\//, '')}`;
  if (!path) {
    return { name: spec.name, script, status: 'skipped', note: `${script} does not exist yet`, seconds: null, peakRssBytes: null, metrics: {}, output: [] };
  }
  const args = spec.args(quick);
  const run = await runNode({
    args: [script, ...args],
    cpu,
    stdout: 'capture',
    timeoutMs: quick ? 90_000 : 600_000,
    env: { ENTRASIM_BENCH_QUICK: quick ? '1' : '0' },
  });
  const output = run.stdout.split('\n').filter((l) => l.trim());
  const base = { name: spec.name, script: [script, ...args].join(' '), seconds: run.wallSeconds, peakRssBytes: run.exitRssBytes, output };
  if (run.code !== 0 || run.timedOut) {
    const why = run.timedOut ? 'timed out' : `exit ${run.code ?? run.signal}`;
    const err = run.stderr.split('\n').map((l) => l.trim()).filter(Boolean);
    const first = err.find((l) => /error/i.test(l)) ?? err[0] ?? '';
    return { ...base, status: 'failed', note: `${why}${first ? `: ${first.slice(0, 300)}` : ''}`, metrics: parseMetrics(output) };
  }
  return { ...base, status: 'ran', note: spec.what, metrics: parseMetrics(output) };
}
