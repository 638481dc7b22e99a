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
import type { DiagnosticSettingProperties } from '../api/arm/index.ts';
import { CATEGORIES } from '../core/categories.ts';

/** The checks the ARM API makes on a PUT body, for settings given at start. */
function validateProperties(p: object): string | undefined {
  const props = p as Partial<DiagnosticSettingProperties>;
  if (!Array.isArray(props.logs)) return 'logs must be an array';
  for (const log of props.logs) {
    if (!(CATEGORIES as ReadonlyArray<string>).includes(log.category)) return `unknown category '${String(log.category)}'`;
    if (typeof log.enabled !== 'boolean') return `logs entry ${log.category} needs enabled: true|false`;
  }
  if (!props.eventHubAuthorizationRuleId && !props.storageAccountId && !props.workspaceId) return 'no destination (eventHubAuthorizationRuleId, storageAccountId or workspaceId)';
  return undefined;
}

export interface ServeCommandOptions {
  readonly scenario: Scenario;
  readonly seed?: number | string;
  readonly users?: number;
  readonly backfillMs?: number;
  readonly live: boolean;
  readonly speed: number;
  readonly rate?: number | 'max';
  readonly host: string;
  readonly port: number;
  readonly eventHubsPort: number | false;
  readonly dataDir: string;
  readonly out: string;
  readonly open: boolean;
  readonly throttling: boolean;
  /** Share of Graph requests answered with a 5xx. */
  readonly errorRate?: number;
  /** Added Graph latency, [min, max] ms. */
  readonly latencyMs?: readonly [number, number];
  readonly realism: boolean;
  /** JSON file mapping destination resource ids to connection strings or folders. */
  readonly destinations?: string;
  /** JSON file of settings to create at start (the ARM list shape: `{"value":[{name, properties}]}`). */
  readonly settings?: string;
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

function readSettings(file: string): Array<{ name: string; properties: DiagnosticSettingProperties }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read --settings ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { value?: unknown })?.value;
  if (!Array.isArray(list)) throw new UsageError(`--settings ${file} must hold {"value":[{"name":…,"properties":…}]}`);
  return list.map((item: unknown, i: number) => {
    const s = item as { name?: unknown; properties?: unknown };
    if (typeof s?.name !== 'string' || typeof s.properties !== 'object' || s.properties === null) {
      throw new UsageError(`--settings ${file}: value[${i}] needs a name and properties`);
    }
    const problem = validateProperties(s.properties);
    if (problem) throw new UsageError(`--settings ${file}: value[${i}] (${s.name}): ${problem}`);
    return { name: s.name, properties: s.properties as DiagnosticSettingProperties };
  });
}

export async function runServe(options: ServeCommandOptions, stdout: NodeJS.WritableStream): Promise<void> {
  const destinations = options.destinations ? readDestinations(options.destinations) : undefined;
  const initialSettings = options.settings ? readSettings(options.settings) : undefined;
  let running;
  try {
    running = await startServe({
      scenario: options.scenario,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.users !== undefined ? { users: options.users } : {}),
      ...(options.backfillMs !== undefined ? { backfillMs: options.backfillMs } : {}),
      live: options.live,
      speed: options.speed,
      ...(options.rate !== undefined ? { rate: options.rate } : {}),
      host: options.host,
      port: options.port,
      eventHubsPort: options.eventHubsPort,
      dataDir: options.dataDir,
      outDir: options.out,
      open: options.open,
      faults: {
        ...(options.throttling ? {} : { throttling: false as const }),
        ...(options.errorRate !== undefined || options.latencyMs
          ? { random: { ...(options.errorRate !== undefined ? { errorRate: options.errorRate } : {}), ...(options.latencyMs ? { latencyMs: options.latencyMs } : {}) } }
          : {}),
      },
      realism: options.realism,
      ...(destinations ? { destinations } : {}),
      ...(initialSettings ? { initialSettings } : {}),
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
