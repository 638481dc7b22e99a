/**
 * The machine a run was measured on: numbers mean little without it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statfsSync } from 'node:fs';
import os from 'node:os';

export interface Environment {
  readonly date: string;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryBytes: number;
  /** Free space on the file system of the scratch directory. */
  readonly diskFreeBytes: number | null;
  readonly scratchDir: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews rates. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  /** CPU every job was pinned to, or null when unpinned. */
  readonly pinnedCpu: number | null;
  readonly gitCommit: string | null;
  readonly versions: Readonly<Record<string, string>>;
}

function packageVersion(name: string): string {
  try {
    const url = new URL(`../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'], cwd: new URL('..', import.meta.url) })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

export function loadAverage(): number {
  return os.loadavg()[0] ?? 0;
}

export function describeEnvironment(scratchDir: string, pinnedCpu: number | null, loadAtStart: number): Environment {
  let diskFreeBytes: number | null = null;
  try {
    const s = statfsSync(scratchDir);
    diskFreeBytes = s.bavail * s.bsize;
  } catch {
    // statfs unsupported here: leave unknown
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    diskFreeBytes,
    scratchDir,
    loadAverage: { start: loadAtStart, end: loadAverage() },
    pinnedCpu,
    gitCommit: gitCommit(),
    versions: { tsx: packageVersion('tsx'), '@faker-js/faker': packageVersion('@faker-js/faker') },
  };
}
