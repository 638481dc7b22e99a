/**
 * One job process: `node --import tsx --import ./bench/exit-rss.ts bench/job.ts '<JobSpec JSON>'`.
 * Runs the job; results go to the runner over the results channel (bench/channel.ts) as
 * they come. Exit code 1 only when the job as a whole failed.
 */
import { send } from './channel.ts';
import { runFiles, runNaive, runProbe, runRaw, runSink } from './jobs.ts';
import type { JobSpec } from './types.ts';

async function run(spec: JobSpec): Promise<void> {
  switch (spec.kind) {
    case 'probe':
      return runProbe(spec, send);
    case 'sink':
      return runSink(spec, send);
    case 'files':
      return runFiles(spec, send);
    case 'naive':
      return runNaive(spec, send);
    case 'raw':
      return runRaw(spec, send);
  }
}

const arg = process.argv[2];
if (!arg) {
  process.stderr.write('usage: bench/job.ts <JobSpec JSON>\n');
  process.exit(2);
}
try {
  await run(JSON.parse(arg) as JobSpec);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
}
