#!/usr/bin/env node
/**
 * The entrasim command line. Every error a user can cause ends with one line on stderr
 * and exit code 2; unexpected failures exit 1 with one line too.
 */
import { Command, CommanderError, Option } from 'commander';
import { CATEGORIES, GRAPH_OF, SHAPES, TABLE_OF, hubName, parseCategory, type Category, type Shape } from './core/categories.ts';
import { parseUserTime } from './core/time.ts';
import { runGenerate, type OutputFormat } from './commands/generate.ts';
import { runServe } from './commands/serve.ts';
import { defaultScenario } from './scenarios/default.ts';
import { parseDuration } from './engine/run.ts';
import { UsageError, oneLine } from './commands/errors.ts';
import { runValidate } from './validate/index.ts';
import { builtinScenarios, loadScenario, ScenarioError } from './scenarios/load.ts';
import { allStories } from './stories/index.ts';
import type { Scenario } from './scenarios/types.ts';

function scenarioArg(value: string): Scenario {
  try {
    return loadScenario(value).scenario;
  } catch (e) {
    if (e instanceof ScenarioError) throw new UsageError(e.message);
    throw e;
  }
}

function positiveInt(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) <= 0) throw new UsageError(`${flag} must be a positive integer, got '${value}'`);
    return Number(value);
  };
}

function dateArg(flag: string) {
  return (value: string): number => {
    const ms = parseUserTime(value);
    if (!Number.isFinite(ms)) throw new UsageError(`${flag} is not a valid ISO 8601 date or datetime: '${value}'`);
    return ms;
  };
}

function categoriesArg(value: string): Category[] {
  const out: Category[] = [];
  for (const name of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const c = parseCategory(name);
    if (!c) throw new UsageError(`unknown category '${name}' (known: ${CATEGORIES.join(', ')})`);
    if (!out.includes(c)) out.push(c);
  }
  if (out.length === 0) throw new UsageError('--categories needs at least one category');
  return out;
}

function shardArg(value: string): { index: number; of: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const of = m ? Number(m[2]) : NaN;
  if (!m || of < 1 || index >= of) throw new UsageError(`--shard must be K/N with 0 ≤ K < N (e.g. 0/4), got '${value}'`);
  return { index, of };
}

function portArg(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`${flag} must be a port number (0–65535), got '${value}'`);
    return Number(value);
  };
}

function durationArg(flag: string) {
  return (value: string): number => {
    try {
      return parseDuration(value);
    } catch {
      throw new UsageError(`${flag} must be a duration like 30m, 12h or 7d, got '${value}'`);
    }
  };
}

function speedArg(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--speed must be a positive number, got '${value}'`);
  return n;
}

function rateArg(value: string): number | 'max' {
  if (value === 'max') return 'max';
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--rate must be records per second (> 0) or 'max', got '${value}'`);
  return n;
}

function fractionArg(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${flag} must be a fraction between 0 and 1, got '${value}'`);
    return n;
  };
}

function latencyArg(value: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(value.trim());
  if (!m) throw new UsageError(`--graph-latency must be milliseconds or a range like 50-300, got '${value}'`);
  const min = Number(m[1]);
  const max = m[2] !== undefined ? Number(m[2]) : min;
  if (max < min) throw new UsageError(`--graph-latency range must go up, got '${value}'`);
  return [min, max];
}

function seedArg(value: string): number | string {
  return /^-?\d+$/.test(value) ? Number(value) : value;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('entrasim')
    .description('Simulated Microsoft Entra ID activity logs: every diagnostic category, in diagnostic, Graph and Log Analytics shapes')
    .version('0.1.0')
    .showHelpAfterError(false);

  program
    .command('generate')
    .description('generate records into files (storage-archive layout, Graph NDJSON, or Log Analytics tables) or to stdout')
    .option('--scenario <name|file>', 'scenario to run (built-in name or YAML file; default enterprise-baseline, 1,000 users, one day)', scenarioArg)
    .option('--seed <seed>', "seed for the tenant and the traffic (default: the scenario's, else 1)", seedArg)
    .option('--count <n>', 'total number of records (default: the tenant’s natural volume over the window)', positiveInt('--count'))
    .option('--start <datetime>', 'window start, ISO 8601 UTC (default: end minus one day)', dateArg('--start'))
    .option('--end <datetime>', 'window end, ISO 8601 UTC (default: start plus one day, or now)', dateArg('--end'))
    .option('--categories <list>', 'comma-separated categories (default: all)', categoriesArg)
    .addOption(new Option('--shape <shape>', 'record shape').choices([...SHAPES]).default('diagnostic'))
    .addOption(new Option('--format <format>', 'file format').choices(['ndjson', 'json', 'csv']).default('ndjson'))
    .addOption(new Option('--graph-version <version>', 'Graph version for --shape graph').choices(['beta', 'v1.0']).default('beta'))
    .option('--users <n>', "number of users in the simulated tenant (default: the scenario's)", positiveInt('--users'))
    .option('--out <dir>', "output directory, or '-' for JSON Lines on stdout", './out')
    .option('--shard <K/N>', 'produce only slice K (0-based) of N: N processes with the same seed and window produce the whole run between them', shardArg)
    .option('--no-progress', 'never show a progress bar')
    .action(async (opts: {
      scenario?: Scenario;
      seed?: number | string;
      count?: number;
      start?: number;
      end?: number;
      categories?: Category[];
      shape: Shape;
      format: OutputFormat;
      graphVersion: 'beta' | 'v1.0';
      users?: number;
      out: string;
      progress: boolean;
      shard?: { index: number; of: number };
    }) => {
      const summary = await runGenerate(
        {
          ...(opts.scenario ? { scenario: opts.scenario } : {}),
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          ...(opts.users !== undefined ? { users: opts.users } : {}),
          ...(opts.shard ? { shard: opts.shard } : {}),
          count: opts.count,
          start: opts.start,
          end: opts.end,
          categories: opts.categories,
          shape: opts.shape,
          format: opts.format,
          graphVersion: opts.graphVersion,
          out: opts.out,
          progress: opts.progress === false ? false : undefined,
        },
        process.stdout,
        process.stderr,
      );
      if (opts.out !== '-') {
        process.stderr.write(`wrote ${summary.records} records (${(summary.bytes / 1e6).toFixed(1)} MB) in ${summary.files.length} files under ${opts.out}\n`);
      }
    });

  program
    .command('validate')
    .description('check files of any shape against the schemas; reports file:line and JSON pointer per bad record')
    .argument('<paths...>', 'files or directories')
    .action(async (paths: string[]) => {
      process.exitCode = await runValidate(paths, process.stdout);
    });

  program
    .command('categories')
    .description('list the log categories with their Log Analytics table, Graph resource and event hub')
    .action(() => {
      for (const c of CATEGORIES) {
        const g = GRAPH_OF[c];
        process.stdout.write(
          `${c.padEnd(34)} ${TABLE_OF[c].padEnd(38)} ${(g ? `${g.entityType} (${g.versions.join(', ')})` : '-').padEnd(42)} ${hubName(c)}\n`,
        );
      }
    });

  const scenarios = program
    .command('scenarios')
    .description('list the built-in scenarios, one line each')
    .action(() => {
      for (const name of builtinScenarios()) {
        const { scenario } = loadScenario(name);
        process.stdout.write(`${name.padEnd(28)} ${scenario.description ?? ''}\n`);
      }
    });
  scenarios
    .command('show')
    .description('print a scenario file')
    .argument('<name>', 'built-in scenario name or YAML file')
    .action((name: string) => {
      try {
        process.stdout.write(loadScenario(name).text);
      } catch (e) {
        if (e instanceof ScenarioError) throw new UsageError(e.message);
        throw e;
      }
    });
  scenarios
    .command('stories')
    .description('list the built-in stories you can place in a scenario')
    .action(() => {
      for (const s of allStories()) process.stdout.write(`${s.id.padEnd(30)} ${s.title} [${s.categories.join(', ')}]\n`);
    });

  const serve = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .option('--scenario <name|file>', 'scenario to run (default: enterprise-baseline with 1,000 users)', scenarioArg)
      .option('--seed <seed>', "seed (default: the scenario's, else 1)", seedArg)
      .option('--users <n>', 'tenant size', positiveInt('--users'))
      .option('--backfill <duration>', 'history to generate before going live (30m, 12h, 7d)', durationArg('--backfill'), 86_400_000)
      .option('--no-live', 'stop after the backfill instead of generating in real time')
      .option('--speed <factor>', 'live speed factor (2 = twice real time)', speedArg, 1)
      .option('--rate <records/s|max>', "live emission at a fixed rate instead of the scenario's curves ('max': as fast as the outputs take it)", rateArg)
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--port <port>', 'HTTPS port of Graph, the token service and the ARM API', portArg('--port'), 8443)
      .option('--eventhubs-port <port>', 'port of the embedded Event Hubs endpoint', portArg('--eventhubs-port'), 5672)
      .option('--no-eventhubs', 'do not start the embedded Event Hubs endpoint')
      .option('--data-dir <dir>', 'settings, certificate and workspace tables', '.entrasim')
      .option('--out <dir>', "folder of the default setting's storage destination", './out')
      .option('--open', 'no token checks on Graph and ARM (quick local use)', false)
      .option('--no-throttling', "don't throttle Graph at the reporting APIs' real limits")
      .option('--graph-error-rate <fraction>', 'share of Graph requests answered with a 5xx (seeded)', fractionArg('--graph-error-rate'))
      .option('--graph-latency <ms|min-max>', 'added Graph latency in milliseconds', latencyArg)
      .option('--realism', 'delivery realism: records out of order, occasional duplicates, late arrivals', false)
      .option('--destinations <file>', 'JSON mapping destination resource ids to Event Hubs / storage connection strings or folders')
      .option('--settings <file>', 'diagnostic settings to create at start ({"value":[{name, properties}]}) instead of the default one')
      .action(
        async (opts: {
          scenario?: Scenario;
          seed?: number | string;
          users?: number;
          backfill: number;
          live: boolean;
          speed: number;
          rate?: number | 'max';
          host: string;
          port: number;
          eventhubsPort: number;
          eventhubs: boolean;
          dataDir: string;
          out: string;
          open: boolean;
          throttling: boolean;
          graphErrorRate?: number;
          graphLatency?: [number, number];
          realism: boolean;
          destinations?: string;
          settings?: string;
        }) => {
          await runServe(
            {
              scenario: opts.scenario ?? defaultScenario(),
              ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
              ...(opts.users !== undefined ? { users: opts.users } : {}),
              backfillMs: opts.backfill,
              live: opts.live,
              speed: opts.speed,
              ...(opts.rate !== undefined ? { rate: opts.rate } : {}),
              host: opts.host,
              port: opts.port,
              eventHubsPort: opts.eventhubs ? opts.eventhubsPort : false,
              dataDir: opts.dataDir,
              out: opts.out,
              open: opts.open,
              throttling: opts.throttling,
              ...(opts.graphErrorRate !== undefined ? { errorRate: opts.graphErrorRate } : {}),
              ...(opts.graphLatency ? { latencyMs: opts.graphLatency } : {}),
              realism: opts.realism,
              ...(opts.destinations ? { destinations: opts.destinations } : {}),
              ...(opts.settings ? { settings: opts.settings } : {}),
            },
            process.stdout,
          );
        },
      );
  serve('serve', 'run the simulated tenant: Graph, token service, ARM diagnostic settings, embedded Event Hubs, streaming every category');
  serve('start', 'what `npm start` runs: `serve` with the defaults');

  return program;
}

export async function main(argv: string[]): Promise<number> {
  // A reader that stops early (`… --out - | head`) closes the pipe: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: () => undefined });
  const quiet = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({ writeErr: () => undefined });
    cmd.commands.forEach(quiet);
  };
  program.commands.forEach(quiet);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      process.stderr.write(`entrasim: ${e.message.replace(/^error: /, '')}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`entrasim: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`entrasim: unexpected error: ${oneLine(e)}\n`);
    if (process.env.ENTRASIM_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ''}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /cli\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
