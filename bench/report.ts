/**
 * Turns measurements into what people read: text tables for the terminal, the ratios that
 * matter with their targets, `latest.json` for machines and `latest.md` for the README.
 * MB are 10^6 bytes throughout (also for RSS, which makes the 300 MB target a little stricter).
 */
import type { Environment } from './environment.ts';
import type { HookResult } from './hooks.ts';
import type { Measurement, ProbeResult, Shape } from './types.ts';

export interface Ratio {
  readonly name: string;
  readonly value: number | null;
  readonly unit: '×' | '%' | 'MB';
  readonly target: string;
  readonly status: 'pass' | 'fail' | 'n/a';
  readonly detail: string;
}

export interface KeyComparison {
  readonly naive: number;
  readonly entrasim: number;
  readonly onlyNaive: ReadonlyArray<string>;
  readonly onlyEntrasim: ReadonlyArray<string>;
}

export interface BenchReport {
  readonly schemaVersion: 1;
  readonly environment: Environment;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly measurements: ReadonlyArray<Measurement>;
  readonly ratios: ReadonlyArray<Ratio>;
  readonly hooks: ReadonlyArray<HookResult>;
  readonly probe: ProbeResult | null;
  readonly signInKeys: KeyComparison | null;
  readonly errors: ReadonlyArray<{ readonly id: string; readonly message: string }>;
  readonly notes: ReadonlyArray<string>;
}

export const MB = 1e6;

export function recordsPerSecond(m: Measurement): number {
  return m.seconds > 0 ? m.records / m.seconds : 0;
}
export function mbPerSecond(m: Measurement): number {
  return m.seconds > 0 ? m.bytes / MB / m.seconds : 0;
}
export function avgBytes(m: Measurement): number {
  return m.records > 0 ? m.bytes / m.records : 0;
}
/**
 * Records per CPU-second: less sensitive than records/s to other processes sharing the core
 * (slightly pessimistic, as GC threads count too). Null where CPU time is unknown.
 */
export function recordsPerCpuSecond(m: Measurement): number | null {
  return m.cpuSeconds !== null && m.cpuSeconds > 0 ? m.records / m.cpuSeconds : null;
}
/** MB/s until the bytes are on the device (disk runs); null elsewhere. */
export function durableMbPerSecond(m: Measurement): number | null {
  return m.durableSeconds !== null && m.durableSeconds > 0 ? m.bytes / MB / m.durableSeconds : null;
}
/** Below this CPU share a single-threaded job was not alone on its core. */
export const CONTENDED_CPU_SHARE = 0.9;
export function contended(m: Measurement): boolean {
  // Only jobs that never wait on I/O: file and CLI runs legitimately idle at times.
  const cpuBound = m.kind === 'sink' || m.kind === 'naive' || m.kind === 'memory';
  return cpuBound && m.cpuSeconds !== null && m.seconds > 0.2 && m.cpuSeconds / m.seconds < CONTENDED_CPU_SHARE;
}

function find(ms: ReadonlyArray<Measurement>, id: string): Measurement | undefined {
  return ms.find((m) => m.id === id);
}

/** The ratios the targets are about, computed from whatever was measured. */
export function computeRatios(ms: ReadonlyArray<Measurement>): Ratio[] {
  const ratios: Ratio[] = [];
  const naive = find(ms, 'naive/diagnostic/SignInLogs');
  const signIns = find(ms, 'sink/diagnostic/SignInLogs');
  if (naive && signIns && recordsPerSecond(naive) > 0) {
    const v = recordsPerSecond(signIns) / recordsPerSecond(naive);
    const byBytes = mbPerSecond(signIns) / mbPerSecond(naive);
    const cpuA = recordsPerCpuSecond(signIns);
    const cpuB = recordsPerCpuSecond(naive);
    const byCpu = cpuA !== null && cpuB !== null ? `; per CPU-second ${(cpuA / cpuB).toFixed(1)}×` : '';
    ratios.push({
      name: 'generation → discarding sink ÷ naive baseline (SignInLogs diagnostic, records/s)',
      value: v,
      unit: '×',
      target: '≥ 10×',
      status: v >= 10 ? 'pass' : 'fail',
      detail: `${fmtInt(recordsPerSecond(signIns))} vs ${fmtInt(recordsPerSecond(naive))} records/s; avg ${fmtInt(avgBytes(signIns))} vs ${fmtInt(avgBytes(naive))} B/record; by MB/s ${byBytes.toFixed(1)}×${byCpu}`,
    });
  } else {
    ratios.push({ name: 'generation → discarding sink ÷ naive baseline', value: null, unit: '×', target: '≥ 10×', status: 'n/a', detail: missing(naive, signIns, 'naive', 'sink/diagnostic/SignInLogs') });
  }
  // The disk's ceiling is the durable rate (fsync included): without it both runs only
  // measure copying into the page cache. The page-cache ratio is given for information.
  const raw = find(ms, 'raw');
  const files = find(ms, 'files/diagnostic/mix');
  const rawDurable = raw ? durableMbPerSecond(raw) : null;
  const filesDurable = files ? durableMbPerSecond(files) : null;
  if (raw && files && rawDurable && filesDurable) {
    const v = (filesDurable / rawDurable) * 100;
    ratios.push({
      name: 'generation to files ÷ raw write limit (diagnostic default mix, MB/s to disk, fsync included)',
      value: v,
      unit: '%',
      target: '≥ 70%',
      status: v >= 70 ? 'pass' : 'fail',
      detail: `${fmtMb(filesDurable)} vs ${fmtMb(rawDurable)} MB/s for ${fmtMb(files.bytes / MB)} MB`,
    });
  } else {
    ratios.push({ name: 'generation to files ÷ raw write limit', value: null, unit: '%', target: '≥ 70%', status: 'n/a', detail: missing(raw, files, 'raw', 'files/diagnostic/mix') });
  }
  for (const shape of ['diagnostic', 'graph', 'loganalytics'] as const) {
    const f = find(ms, `files/${shape}/mix`);
    if (!raw || !f || mbPerSecond(raw) <= 0) continue;
    if (shape !== 'diagnostic' && rawDurable && durableMbPerSecond(f)) {
      const v = (durableMbPerSecond(f)! / rawDurable) * 100;
      ratios.push({ name: `(info) ${shape} to files ÷ raw write limit, to disk`, value: v, unit: '%', target: '—', status: 'n/a', detail: `${fmtMb(durableMbPerSecond(f)!)} vs ${fmtMb(rawDurable)} MB/s` });
    }
    const v = (mbPerSecond(f) / mbPerSecond(raw)) * 100;
    ratios.push({ name: `(info) ${shape} to files ÷ raw write limit, page cache only (no fsync)`, value: v, unit: '%', target: '—', status: 'n/a', detail: `${fmtMb(mbPerSecond(f))} vs ${fmtMb(mbPerSecond(raw))} MB/s` });
  }
  const memory = ms.find((m) => m.kind === 'memory');
  if (memory && memory.peakRssBytes !== null) {
    const v = memory.peakRssBytes / MB;
    ratios.push({
      name: `peak RSS, ${fmtInt(memory.records)} diagnostic records → discarding sink`,
      value: v,
      unit: 'MB',
      target: '< 300 MB',
      status: v < 300 && memory.records >= 10_000_000 ? 'pass' : v >= 300 ? 'fail' : 'n/a',
      detail: `${fmtInt(recordsPerSecond(memory))} records/s over ${memory.seconds.toFixed(0)} s; ${memory.notes.join('; ')}${memory.records < 10_000_000 ? ' (fewer than 10M records: not the target run)' : ''}`,
    });
  } else {
    ratios.push({ name: 'peak RSS, 10M records', value: null, unit: 'MB', target: '< 300 MB', status: 'n/a', detail: 'memory run not measured (--quick or --no-memory, or it failed)' });
  }
  return ratios;
}

function missing(a: Measurement | undefined, b: Measurement | undefined, an: string, bn: string): string {
  return `not measured: ${[a ? null : an, b ? null : bn].filter(Boolean).join(', ')}`;
}

export function compareKeys(naive: ReadonlyArray<string>, entrasim: ReadonlyArray<string> | undefined): KeyComparison | null {
  if (!entrasim) return null;
  const n = new Set(naive);
  const e = new Set(entrasim);
  return {
    naive: n.size,
    entrasim: e.size,
    onlyNaive: [...n].filter((k) => !e.has(k)).sort(),
    onlyEntrasim: [...e].filter((k) => !n.has(k)).sort(),
  };
}

// ---- formatting ----------------------------------------------------------------------

export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
function fmtMb(n: number): string {
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}
function fmtRss(m: { peakRssBytes: number | null; rssScope?: string }): string {
  if (m.peakRssBytes === null) return '—';
  return `${(m.peakRssBytes / MB).toFixed(0)}${m.rssScope === 'batch' ? '*' : ''}`;
}
function fmtCpu(m: Measurement): string {
  return m.cpuSeconds === null || m.seconds <= 0 ? '—' : `${Math.round((m.cpuSeconds / m.seconds) * 100)}%`;
}
function fmtRatio(r: Ratio): string {
  if (r.value === null) return '—';
  return r.unit === '×' ? `${r.value.toFixed(1)}×` : r.unit === '%' ? `${r.value.toFixed(0)}%` : `${r.value.toFixed(0)} MB`;
}

type Row = ReadonlyArray<string>;
const HEAD: Row = ['measurement', 'records', 'seconds', 'records/s', 'MB/s', 'MB/s to disk', 'avg B/rec', 'peak RSS MB', 'CPU'];

function row(label: string, m: Measurement): Row {
  const durable = durableMbPerSecond(m);
  return [
    label,
    fmtInt(m.records),
    m.seconds.toFixed(2),
    fmtInt(recordsPerSecond(m)),
    fmtMb(mbPerSecond(m)),
    durable === null ? '—' : fmtMb(durable),
    fmtInt(avgBytes(m)),
    fmtRss(m),
    `${fmtCpu(m)}${contended(m) ? '!' : ''}`,
  ];
}

const FOOTNOTES = [
  'MB/s: bytes / wall time of the run; for file runs the data is then in the page cache. MB/s to disk: until fsync of every file returned.',
  'CPU: user + system CPU of the process ÷ wall time. "!" = below 90% for a single-threaded job: it shared its core with other processes, so its rate is understated.',
];

/** Monospace table: first column left-aligned, numbers right-aligned. */
export function textTable(head: Row, rows: ReadonlyArray<Row>): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: Row): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(head: Row, rows: ReadonlyArray<Row>): string {
  const esc = (c: string): string => c.replace(/\|/g, '\\|');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

interface Section {
  readonly title: string;
  readonly rows: Row[];
}

const SHAPE_ORDER: ReadonlyArray<Shape> = ['diagnostic', 'graph', 'loganalytics'];

/** Measurements grouped into the tables printed (order: baselines, sink, files, CLI, memory). */
function sections(ms: ReadonlyArray<Measurement>): Section[] {
  const out: Section[] = [];
  const baselines: Row[] = [];
  for (const m of ms) if (m.kind === 'naive') baselines.push(row('naive faker sign-ins → discarding sink', m));
  for (const m of ms) if (m.kind === 'raw') baselines.push(row('raw write limit (pre-serialised → disk)', m));
  if (baselines.length) out.push({ title: 'Baselines', rows: baselines });
  const byKind = (kind: Measurement['kind'], title: string): void => {
    const rows: Row[] = [];
    for (const shape of SHAPE_ORDER) {
      const of = ms.filter((m) => m.kind === kind && m.shape === shape);
      of.sort((a, b) => (a.target === 'mix' ? -1 : b.target === 'mix' ? 1 : 0));
      for (const m of of) rows.push(row(`${shape} ${m.target === 'mix' ? 'default mix' : m.target}`, m));
    }
    if (rows.length) out.push({ title, rows });
  };
  byKind('sink', 'entrasim → discarding sink (serialise + count bytes, write nothing)');
  byKind('files', 'entrasim → files (runGenerate, temp dir on the measured disk)');
  byKind('cli', 'real CLI: generate --out - > /dev/null (child process, startup included)');
  byKind('memory', 'memory run (discarding sink)');
  return out;
}

export function renderText(report: BenchReport): string {
  const parts: string[] = [];
  for (const s of sections(report.measurements)) parts.push(`${s.title}\n${textTable(HEAD, s.rows)}`);
  const foot = [...FOOTNOTES];
  if (report.measurements.some((m) => m.rssScope === 'batch')) {
    foot.push('*: peak RSS of a process that ran several measurements in turn (--quick batches categories); the default run gives each its own process.');
  }
  parts.push(foot.map((f) => `  ${f}`).join('\n'));
  if (report.hooks.length) {
    const rows = report.hooks.map((h) => [h.name, h.status, h.seconds === null ? '—' : h.seconds.toFixed(1), h.peakRssBytes === null ? '—' : (h.peakRssBytes / MB).toFixed(0), h.note]);
    parts.push(`Hooks (benchmark scripts of other parts, run as they are; seconds include startup)\n${textTable(['hook', 'status', 'seconds', 'peak RSS MB', 'note'], rows)}`);
    for (const h of report.hooks) {
      const rates = Object.entries(h.metrics).map(([k, v]) => `    ${fmtNum(v)} ${k}`);
      if (h.output.length) parts.push(`  $ ${h.script}\n${h.output.map((l) => `    | ${l}`).join('\n')}${rates.length ? `\n  rates:\n${rates.join('\n')}` : ''}`);
    }
  }
  if (report.signInKeys) {
    const k = report.signInKeys;
    parts.push(
      `SignInLogs properties keys (same record type check): naive ${k.naive}, entrasim ${k.entrasim} (union over the probe's sample)` +
        (k.onlyNaive.length ? `\n  only naive: ${shortList(k.onlyNaive)}` : '') +
        (k.onlyEntrasim.length ? `\n  only entrasim: ${shortList(k.onlyEntrasim)}` : ''),
    );
  }
  parts.push(`Ratios\n${textTable(['ratio', 'value', 'target', 'status', 'detail'], report.ratios.map((r) => [r.name, fmtRatio(r), r.target, r.status.toUpperCase(), r.detail]))}`);
  parts.push(`Environment\n${environmentLines(report.environment).map((l) => `  ${l}`).join('\n')}`);
  if (report.errors.length) parts.push(`Not measured (errors)\n${report.errors.map((e) => `  ${e.id}: ${e.message}`).join('\n')}`);
  if (report.notes.length) parts.push(`Notes\n${report.notes.map((n) => `  - ${n}`).join('\n')}`);
  return parts.join('\n\n') + '\n';
}

function shortList(items: ReadonlyArray<string>, max = 25): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} … and ${items.length - max} more`;
}

function fmtNum(v: number): string {
  return Math.abs(v) >= 100 ? fmtInt(v) : String(Math.round(v * 10) / 10);
}

export function environmentLines(env: Environment): string[] {
  const gb = (b: number): string => `${(b / 1e9).toFixed(1)} GB`;
  return [
    `date: ${env.date}`,
    `node: ${env.node} (V8 ${env.v8}), tsx ${env.versions['tsx'] ?? '?'}, faker ${env.versions['@faker-js/faker'] ?? '?'}`,
    `cpu: ${env.cpuModel}, ${env.cores} cores; jobs ${env.pinnedCpu === null ? 'not pinned' : `pinned to CPU ${env.pinnedCpu} (taskset)`}, one at a time`,
    `load average (1 min) at start ${env.loadAverage.start.toFixed(2)}, at end ${env.loadAverage.end.toFixed(2)}${Math.max(env.loadAverage.start, env.loadAverage.end) > 0.5 ? ' — other processes were running: treat rates as lower bounds' : ''}`,
    `memory: ${gb(env.memoryBytes)}; disk free at ${env.scratchDir}: ${env.diskFreeBytes === null ? 'unknown' : gb(env.diskFreeBytes)}`,
    `platform: ${env.platform}${env.gitCommit ? `; commit ${env.gitCommit}` : ''}`,
  ];
}

/** A snippet for the README's performance section. */
export function renderMarkdown(report: BenchReport): string {
  const ms = report.measurements;
  const out: string[] = [];
  const env = report.environment;
  out.push(`<!-- generated by \`npm run bench${report.settings['quick'] ? ' -- --quick' : ''}\` on ${env.date.slice(0, 10)} -->`);
  out.push(
    `Measured on ${env.cpuModel} (${env.cores} cores, ${(env.memoryBytes / 1e9).toFixed(0)} GB), Node ${env.node}, one job at a time` +
      `${env.pinnedCpu === null ? '' : ' pinned to one core'}; MB = 10^6 bytes.`,
  );
  out.push('');
  out.push(markdownTable(['target', 'measured', 'goal', ''], report.ratios.filter((r) => !r.name.startsWith('(info)')).map((r) => [r.name, fmtRatio(r), r.target, r.status === 'pass' ? '✅' : r.status === 'fail' ? '❌' : '—'])));
  out.push('');
  const mixRows: Row[] = [];
  for (const m of ms) if (m.kind === 'naive') mixRows.push(row('naive faker sign-ins (baseline)', m));
  for (const kind of ['sink', 'files', 'cli'] as const) {
    for (const shape of SHAPE_ORDER) {
      const m = find(ms, `${kind}/${shape}/mix`);
      if (m) mixRows.push(row(`${shape}, default mix → ${kind === 'sink' ? 'discarding sink' : kind === 'files' ? 'files' : 'CLI `--out -`'}`, m));
    }
  }
  const signIns = find(ms, 'sink/diagnostic/SignInLogs');
  if (signIns) mixRows.push(row('diagnostic, SignInLogs → discarding sink', signIns));
  for (const m of ms) if (m.kind === 'raw') mixRows.push(row('raw write limit (pre-serialised bytes → disk)', m));
  for (const m of ms) if (m.kind === 'memory') mixRows.push(row('memory run (diagnostic mix → discarding sink)', m));
  if (mixRows.length) out.push(markdownTable(HEAD, mixRows), '');
  const perCategory = ms.filter((m) => (m.kind === 'sink' || m.kind === 'files') && m.target !== 'mix');
  if (perCategory.length) {
    out.push('<details><summary>Per category</summary>', '');
    out.push(markdownTable(HEAD, perCategory.map((m) => row(`${m.kind === 'sink' ? 'sink' : 'files'} · ${m.shape} · ${m.target}`, m))));
    out.push('', '</details>', '');
  }
  for (const f of FOOTNOTES) out.push(`${f}  `);
  if (ms.some((m) => m.rssScope === 'batch')) out.push('\\*: peak RSS of a process that measured several categories in turn.');
  out.push('');
  return out.join('\n');
}
