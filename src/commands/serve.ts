/**
 * `entrasim serve` (and `npm start`): runs the simulated tenant until interrupted,
 * printing the endpoints and connection strings to use.
 */
import { readFileSync } from 'node:fs';
import { COLLECTOR_DEFAULT_SECRET, collectorClient } from '../api/token/clients.ts';
import type { DestinationRegistry } from '../sinks/index.ts';
import type { Scenario } from '../scenarios/types.ts';
import { describeServe, startServe } from '../server/serve.ts';
import { UsageError } from './errors.ts';

export interface ServeCommandOptions {
  readonly scenario: Scenario;
  readonly seed?: number | string;
  readonly users?: number;
  readonly backfillMs?: number;
  readonly live: boolean;
  readonly speed: number;
  readonly host: string;
  readonly port: number;
  readonly eventHubsPort: number | false;
  readonly dataDir: string;
  readonly out: string;
  readonly open: boolean;
  readonly throttling: boolean;
  readonly realism: boolean;
  /** JSON file mapping destination resource ids to connection strings or folders. */
  readonly destinations?: string;
  /** Stop after the backfill (scripts, CI). */
  readonly exitAfterBackfill?: boolean;
}

function readDestinations(file: string): DestinationRegistry {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read --destinations ${file}`);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as DestinationRegistry;
  } catch (e) {
    throw new UsageError(`--destinations ${file} is not a JSON object: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function runServe(options: ServeCommandOptions, stdout: NodeJS.WritableStream): Promise<void> {
  const destinations = options.destinations ? readDestinations(options.destinations) : undefined;
  let running;
  try {
    running = await startServe({
      scenario: options.scenario,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.users !== undefined ? { users: options.users } : {}),
      ...(options.backfillMs !== undefined ? { backfillMs: options.backfillMs } : {}),
      live: options.live,
      speed: options.speed,
      host: options.host,
      port: options.port,
      eventHubsPort: options.eventHubsPort,
      dataDir: options.dataDir,
      outDir: options.out,
      open: options.open,
      ...(options.throttling ? {} : { faults: false as const }),
      realism: options.realism,
      ...(destinations ? { destinations } : {}),
      log: (line) => stdout.write(`${line}\n`),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') throw new UsageError(`cannot listen: ${(e as Error).message} (choose other ports with --port / --eventhubs-port)`);
    throw e;
  }
  const collector = collectorClient(running.tenantId);
  for (const line of describeServe(running, COLLECTOR_DEFAULT_SECRET, collector.clientId)) stdout.write(`${line}\n`);
  stdout.write(`  records              every category to ${options.out}/insights-logs-<category>/… and to the hubs (setting 'entrasim-default')\n`);
  stdout.write(`backfilling ${Math.round((running.run.end - running.run.start) / 3_600_000)} h of history…\n`);
  const closed = new Promise<void>((resolve) => {
    const stop = (): void => {
      stdout.write('stopping: flushing what was generated…\n');
      void running.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void running.backfilled.then((n) => {
      stdout.write(`backfill done: ${n} records; ${options.live ? 'now generating live (Ctrl+C to stop)' : 'not live'}\n`);
      if (options.exitAfterBackfill || !options.live) stop();
    });
  });
  await closed;
}
