/**
 * `entrasim serve`: the whole simulated tenant on loopback. One scenario run feeds every
 * output — the mock Graph API, the diagnostic-settings router (Event Hubs, storage,
 * workspaces, folders) — with the same records; an HTTPS origin serves Graph, the token
 * service and the ARM diagnostic-settings API; an embedded Event Hubs endpoint receives
 * what the settings route to it.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ActivityBase, RenderContext } from '../core/activity.ts';
import { CATEGORIES, TABLE_OF } from '../core/categories.ts';
import { stableUuid } from '../core/random.ts';
import { serializeDiagnostic } from '../core/serialize.ts';
import { DAY } from '../core/time.ts';
import { categoryModule } from '../categories/index.ts';
import { createGraphEnvironment, type GraphEnvironment } from '../api/graph/environment.ts';
import { InMemoryGraphLogSource } from '../api/graph/in-memory-source.ts';
import type { FaultOptions } from '../api/faults/faults.ts';
import { bearerVerifier, createArmHandler, DiagnosticSettingsStore, openVerifier, type DiagnosticSettingProperties } from '../api/arm/index.ts';
import { composeHandlers } from '../http/compose.ts';
import { startHttpServer, type RunningServer } from '../http/fastify-adapter.ts';
import { createLoopbackCertificate } from '../http/tls.ts';
import { startEventHubsEndpoint, type EventHubsEndpoint } from '../transports/eventhubs-endpoint/index.ts';
import { createDeliveryRealism, createRateLimiter, createRouter, type DestinationRegistry, type RecordSink, type Router } from '../sinks/index.ts';
import { planScenario, runPlanned, type PlannedRun } from '../engine/run.ts';
import type { Scenario } from '../scenarios/types.ts';
import { feedGraph } from './graph-feed.ts';
import { EngineRiskActions } from './risk-actions.ts';

/** Resource ids of the destinations the default diagnostic setting names. */
export const DEFAULT_EVENT_HUB_RULE_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/entrasim/providers/Microsoft.EventHub/namespaces/entrasim/authorizationRules/RootManageSharedAccessKey';
export const DEFAULT_STORAGE_ACCOUNT_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/entrasim/providers/Microsoft.Storage/storageAccounts/entrasimout';
export const DEFAULT_SETTING_NAME = 'entrasim-default';

export interface ServeOptions {
  readonly scenario: Scenario;
  readonly seed?: number | string;
  readonly users?: number;
  /** History generated before going live (ms). Default: the scenario's backfill, else a day. */
  readonly backfillMs?: number;
  /** Keep generating in real time after the backfill (default true); a speed factor. */
  readonly live?: boolean;
  readonly speed?: number;
  /**
   * Live emission at a fixed rate instead of the scenario's curves: records per second, or
   * 'max' for as fast as the outputs take them (load tests). The backfill always runs at full speed.
   */
  readonly rate?: number | 'max';
  /** Loopback by default. */
  readonly host?: string;
  /** HTTPS port of Graph, token service and ARM (default 8443; 0 = any). */
  readonly port?: number;
  /** Embedded Event Hubs endpoint port (default 5672; 0 = any); false to not start it. */
  readonly eventHubsPort?: number | false;
  /** Settings, certificate, workspaces. Default ./.entrasim */
  readonly dataDir?: string;
  /** Folder the default setting's storage destination writes to. Default ./out */
  readonly outDir?: string;
  /** Skip token checks on Graph and ARM. */
  readonly open?: boolean;
  /** Graph faults: throttling at the real limits unless false; random 5xx and latency. */
  readonly faults?: FaultOptions;
  /** Delivery realism: out-of-order batches, occasional duplicates, late arrivals. */
  readonly realism?: boolean;
  /** Extra destinations (real Event Hubs namespaces, storage accounts), merged over the defaults. */
  readonly destinations?: DestinationRegistry;
  /** Create the default setting when none exists (default true). */
  readonly defaultSetting?: boolean;
  /** Settings to create at start when no setting of that name exists (instead of the default one). */
  readonly initialSettings?: ReadonlyArray<{ readonly name: string; readonly properties: DiagnosticSettingProperties }>;
  readonly log?: (line: string) => void;
  /** Clock (tests). */
  readonly now?: number;
}

export interface RunningServe {
  readonly url: string;
  readonly tenantId: string;
  readonly caFile: string;
  readonly eventHubs: EventHubsEndpoint | undefined;
  readonly graph: GraphEnvironment;
  readonly settings: DiagnosticSettingsStore;
  readonly router: Router;
  readonly run: PlannedRun;
  /** Resolves when the backfill has been delivered. */
  readonly backfilled: Promise<number>;
  /** Records generated so far. */
  generated(): number;
  /** Called for every record handed to the outputs, in order (`seq` counts from 1). */
  onRecord(listener: (record: { readonly seq: number; readonly category: ActivityBase['category']; readonly id: string; readonly time: number }) => void): () => void;
  close(): Promise<void>;
}

/** Lines a user needs: where everything is and how to point clients at it. */
export function describeServe(s: RunningServe, collectorSecret: string, collectorId: string): string[] {
  const lines = [
    `entrasim: tenant ${s.tenantId} (${s.run.tenant.name}, ${s.run.tenant.userCount} users), scenario ${s.run.scenario.name}, seed ${s.run.seed}`,
    `  Microsoft Graph      ${s.url}/v1.0  and  ${s.url}/beta`,
    `  token service        ${s.url}/${s.tenantId}/oauth2/v2.0/token   (authorityHost ${s.url})`,
    `  client credentials   client id ${collectorId}, secret ${collectorSecret}`,
    `  diagnostic settings  ${s.url}/providers/microsoft.aadiam/diagnosticSettings?api-version=2017-04-01`,
    `  trust the certificate: export NODE_EXTRA_CA_CERTS=${s.caFile}`,
  ];
  if (s.eventHubs) {
    lines.push(`  Event Hubs           ${s.eventHubs.connectionString()}`);
    lines.push(`                       one hub per category: insights-logs-<category lower-case> (e.g. insights-logs-signinlogs)`);
  }
  return lines;
}

export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const log = options.log ?? ((): void => undefined);
  const dataDir = resolve(options.dataDir ?? '.entrasim');
  const outDir = resolve(options.outDir ?? 'out');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const now = options.now ?? Date.now();
  const backfillMs = options.backfillMs ?? DAY;
  const run = planScenario(options.scenario, {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.users !== undefined ? { users: options.users } : {}),
    start: now - backfillMs,
    end: now,
    live: options.live === false ? false : { speed: options.rate !== undefined ? 1e9 : (options.speed ?? 1) },
  });
  const limiter = typeof options.rate === 'number' ? createRateLimiter(options.rate) : undefined;
  const tenant = run.tenant;
  const ctx: RenderContext = { tenant, workspaceId: stableUuid(`${run.seed}/workspace`) };

  // Graph API + token service, fed below.
  const source = new InMemoryGraphLogSource({
    retentionMs: { signIns: 30 * DAY, directoryAudits: 30 * DAY, provisioning: 30 * DAY },
  });
  // Risk actions posted to Graph change state and write their records through `deliver`.
  let emitActivity: (a: ActivityBase) => Promise<void> = async () => undefined;
  const riskActions = new EngineRiskActions(tenant, String(run.seed), (a) => emitActivity(a));
  const graph = createGraphEnvironment({
    tenantId: tenant.id,
    riskActions,
    tenantDomains: tenant.domains,
    source,
    auth: options.open ? 'open' : 'token',
    licence: { edition: tenant.licence, workloadIdentitiesPremium: tenant.workloadIdentitiesPremium },
    faults: { seed: String(run.seed), throttling: {}, ...(options.faults ?? {}) },
  });

  // Diagnostic settings: persisted in the data directory.
  const settings = await DiagnosticSettingsStore.open({ dataDir });
  const arm = createArmHandler({
    store: settings,
    verifier: options.open
      ? openVerifier
      : bearerVerifier({
          validate: async (token) => {
            const check = await graph.tokens.verify(token);
            return check.ok ? { valid: true, audience: check.claims.aud ?? '' } : { valid: false, reason: check.detail };
          },
        }),
  });

  let eventHubs: EventHubsEndpoint | undefined;
  if (options.eventHubsPort !== false) {
    eventHubs = await startEventHubsEndpoint({ host: options.host ?? '127.0.0.1', port: options.eventHubsPort ?? 5672 });
  }
  const registry: DestinationRegistry = {
    eventHubs: {
      ...(eventHubs ? { [DEFAULT_EVENT_HUB_RULE_ID]: { connectionString: eventHubs.connectionString() } } : {}),
      ...(options.destinations?.eventHubs ?? {}),
    },
    storageAccounts: { [DEFAULT_STORAGE_ACCOUNT_ID]: { folder: outDir }, ...(options.destinations?.storageAccounts ?? {}) },
    workspaces: { ...(options.destinations?.workspaces ?? {}) },
  };
  const router = createRouter({
    settings,
    registry,
    dataDir,
    tenantId: tenant.id,
    onWarning: (m) => log(`warning: ${m}`),
    onError: (e, d) => log(`delivery to ${d} failed: ${e.message}`),
  });
  const sink: RecordSink = options.realism
    ? createDeliveryRealism(router, { seed: `${run.seed}/delivery`, shuffleWindow: 50, duplicateRate: 0.0005, lateRate: 0.002 })
    : router;
  if (options.initialSettings) {
    for (const setting of options.initialSettings) {
      if (!settings.get(setting.name)) await settings.put(setting.name, setting.properties);
    }
  } else if ((options.defaultSetting ?? true) && settings.list().length === 0) {
    const properties: DiagnosticSettingProperties = {
      storageAccountId: DEFAULT_STORAGE_ACCOUNT_ID,
      ...(eventHubs ? { eventHubAuthorizationRuleId: DEFAULT_EVENT_HUB_RULE_ID } : {}),
      logs: CATEGORIES.map((category) => ({ category, enabled: true, retentionPolicy: { enabled: false, days: 0 } })),
    };
    await settings.put(DEFAULT_SETTING_NAME, properties);
  }

  const certificate = await createLoopbackCertificate({ caFile: join(dataDir, 'entrasim-ca.pem') });
  const server: RunningServer = await startHttpServer(composeHandlers(graph.handler, arm), {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 8443,
    tls: certificate,
  });

  // One stream feeds every output.
  let generated = 0;
  const listeners = new Set<(record: { seq: number; category: ActivityBase['category']; id: string; time: number }) => void>();
  const stop = new AbortController();
  const deliver = async (a: ActivityBase): Promise<void> => {
    const module = categoryModule(a.category);
    feedGraph(source, a, ctx);
    generated++;
    for (const l of listeners) l({ seq: generated, category: a.category, id: a.id, time: a.time });
    await sink.write({
      category: a.category,
      envelopeTime: a.envelopeTime,
      diagnostic: serializeDiagnostic(module.toDiagnostic(a, ctx)),
      logAnalytics: module.toLogAnalytics(a, ctx),
      table: TABLE_OF[a.category],
    });
  };
  emitActivity = deliver;
  let resolveBackfill: (n: number) => void = () => undefined;
  const backfilled = new Promise<number>((r) => (resolveBackfill = r));
  const pump = (async (): Promise<void> => {
    const end = run.end;
    let done = false;
    try {
      for await (const a of runPlanned(run, stop.signal)) {
        if (!done && a.time >= end) {
          done = true;
          await sink.flush();
          resolveBackfill(generated);
        }
        if (done && limiter) await limiter.take();
        await deliver(a);
      }
      if (!done) {
        await sink.flush();
        resolveBackfill(generated);
      }
    } catch (e) {
      log(`generation stopped: ${e instanceof Error ? e.message : String(e)}`);
      resolveBackfill(generated);
    }
  })();

  return {
    url: server.url,
    tenantId: tenant.id,
    caFile: certificate.caFile,
    eventHubs,
    graph,
    settings,
    router,
    run,
    backfilled,
    generated: () => generated,
    onRecord(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close(): Promise<void> {
      stop.abort();
      await pump;
      await sink.close({ timeoutMs: 10_000 }).catch((e: unknown) => log(`close: ${e instanceof Error ? e.message : String(e)}`));
      await server.close();
      await eventHubs?.close();
    },
  };
}
