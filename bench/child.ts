/**
 * Starts measured Node processes: tsx loaded the way users run entrasim, the exit-RSS
 * preload, an optional CPU pin (taskset) so every job gets the same single core, and the
 * results channel on fd 3.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHANNEL_ENV } from './channel.ts';
import type { ChildMessage } from './types.ts';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = dirname(BENCH_DIR);
const EXIT_RSS = pathToFileURL(join(BENCH_DIR, 'exit-rss.ts')).href;
/** Keep only the end of long outputs: enough to show an error, bounded in memory. */
const KEEP_CHARS = 64 * 1024;

export interface ChildOptions {
  /** Script and arguments, relative to the repository root (`bench/job.ts`, `src/cli.ts`). */
  readonly args: ReadonlyArray<string>;
  /** Pin to this CPU with taskset; undefined = no pin. */
  readonly cpu?: number;
  /** `devnull`: stdout goes to /dev/null (the CLI run); `capture`: kept (tail) for the report. */
  readonly stdout: 'devnull' | 'capture';
  readonly timeoutMs: number;
  readonly env?: Readonly<Record<string, string>>;
}

export interface ChildRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  /** Spawn to exit, startup included. */
  readonly wallSeconds: number;
  readonly messages: ReadonlyArray<ChildMessage>;
  readonly stdout: string;
  readonly stderr: string;
  /** From the exit preload; null if the process died before reporting. */
  readonly exitRssBytes: number | null;
  /** CPU seconds of the whole process, from the exit preload. */
  readonly exitCpuSeconds: number | null;
}

let tasksetChecked: boolean | undefined;
/** Is taskset available (util-linux)? Checked once. */
export function canPin(): boolean {
  if (tasksetChecked === undefined) {
    const r = spawnSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    tasksetChecked = r.status === 0;
  }
  return tasksetChecked;
}

function tail(text: string, add: string): string {
  const joined = text + add;
  return joined.length > KEEP_CHARS ? joined.slice(joined.length - KEEP_CHARS) : joined;
}

export function runNode(options: ChildOptions): Promise<ChildRun> {
  const nodeArgs = ['--import', 'tsx', '--import', EXIT_RSS, ...options.args];
  const [cmd, args] =
    options.cpu === undefined ? [process.execPath, nodeArgs] : ['taskset', ['-c', String(options.cpu), process.execPath, ...nodeArgs]];
  const devnull = options.stdout === 'devnull' ? openSync('/dev/null', 'w') : undefined;
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', devnull ?? 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, [CHANNEL_ENV]: '3' },
  });
  if (devnull !== undefined) closeSync(devnull); // the child holds its own copy
  let stdout = '';
  let stderr = '';
  let channel = '';
  const messages: ChildMessage[] = [];
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout = tail(stdout, d)));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr = tail(stderr, d)));
  const fd3 = child.stdio[3];
  if (fd3 && 'setEncoding' in fd3) {
    fd3.setEncoding('utf8');
    fd3.on('data', (d: string) => {
      channel += d;
      let nl: number;
      while ((nl = channel.indexOf('\n')) >= 0) {
        const line = channel.slice(0, nl);
        channel = channel.slice(nl + 1);
        if (!line.trim()) continue;
        try {
          messages.push(JSON.parse(line) as ChildMessage);
        } catch {
          stderr = tail(stderr, `[bench] unreadable channel line: ${line.slice(0, 200)}\n`);
        }
      }
    });
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      let exitRssBytes: number | null = null;
      let exitCpuSeconds: number | null = null;
      for (const m of messages) {
        if (m.type !== 'exit-rss') continue;
        exitRssBytes = m.maxRssBytes;
        exitCpuSeconds = m.cpuSeconds;
      }
      resolve({ code, signal, timedOut, wallSeconds, messages, stdout, stderr, exitRssBytes, exitCpuSeconds });
    });
  });
}

/** Flushes dirty pages before a disk measurement so earlier runs' write-back does not interfere. */
export function syncDisks(): void {
  spawnSync('sync', { stdio: 'ignore' });
}
