/**
 * Routes records to destinations according to the saved diagnostic settings: a record of
 * category C goes to every destination of every setting that enables C. The route table is
 * rebuilt whenever the settings change; a destination no longer referenced is closed in the
 * background, so what it already accepted is still delivered while nothing new reaches it.
 */
import { parseCategory, type Category } from '../core/categories.ts';
import { destinationValue, type DiagnosticSetting } from '../api/arm/diagnostic-setting.ts';
import type { SettingsSource } from '../api/arm/settings-store.ts';
import { createBlobSink } from './blob-sink.ts';
import { hubOfRule, resolveEventHubs, resolveStorage, resolveWorkspace, type DestinationRegistry } from './destinations.ts';
import { createEventHubsFolderSink, createEventHubsSink } from './eventhubs-sink.ts';
import { FileAppender, type FileAppenderOptions } from './file-appender.ts';
import { createFolderSink } from './folder-sink.ts';
import type { CloseOptions, RecordSink, RoutedRecord } from './routed-record.ts';
import { createWorkspaceSink } from './workspace-sink.ts';

export type DestinationKind = 'eventhubs' | 'eventhubs-folder' | 'storage' | 'storage-folder' | 'workspace';

export interface RouteInfo {
  readonly setting: string;
  readonly kind: DestinationKind;
  /** The destination id from the setting. */
  readonly destinationId: string;
  /** Where records go: hub name, folder path, or `storage`. */
  readonly target: string;
}

export interface RouterOptions {
  readonly settings: SettingsSource;
  readonly registry: DestinationRegistry;
  /** Data directory (workspace folders default to `<dataDir>/workspaces/<name>`). */
  readonly dataDir: string;
  readonly tenantId: string;
  /** Options of the one file appender all on-disk destinations share (it bounds open handles overall). */
  readonly files?: FileAppenderOptions;
  /** Tuning passed to Event Hubs publishers (linger, concurrency, buffer, retries). */
  readonly eventHubs?: { readonly lingerMs?: number; readonly maxConcurrentSends?: number; readonly maxBufferedBytes?: number };
  /** Tuning passed to blob sinks. */
  readonly storage?: { readonly lingerMs?: number; readonly maxBufferedBytes?: number };
  /** A destination id in a setting has no registry entry (said once per id). */
  readonly onWarning?: (message: string) => void;
  readonly onError?: (error: Error, destination: string) => void;
}

export interface RouterStats {
  /** Records written to the router. */
  readonly received: number;
  /** Record deliveries handed to destinations (one record to two destinations counts 2). */
  readonly delivered: number;
  /** Records of categories no setting enables. */
  readonly unrouted: number;
  /** Deliveries skipped because the destination id is not in the registry. */
  readonly unresolved: number;
  readonly activeDestinations: number;
}

export interface Router extends RecordSink {
  /** Destinations currently receiving a category. */
  routesFor(category: Category): readonly RouteInfo[];
  stats(): RouterStats;
}

interface Target {
  readonly info: RouteInfo;
  /** Shared sink key; undefined when the destination could not be resolved. */
  readonly key: string | undefined;
}

interface Planned {
  readonly key: string;
  readonly create: () => RecordSink;
}

export function createRouter(options: RouterOptions): Router {
  const appender = new FileAppender(options.files);
  const warned = new Set<string>();
  const warn = (message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    (options.onWarning ?? ((m: string) => console.warn(m)))(message);
  };
  const onError = options.onError ?? ((error: Error, destination: string) => console.error(`delivery to ${destination} failed:`, error.message));

  let table = new Map<Category, Target[]>();
  const sinks = new Map<string, RecordSink>();
  /** Keys hold connection strings (secrets); errors name destinations by these labels instead. */
  const labels = new Map<string, string>();
  const retiring = new Set<Promise<void>>();
  const counters = { received: 0, delivered: 0, unrouted: 0, unresolved: 0 };
  let closed = false;

  /** Destinations of one setting, resolved against the registry. */
  function plan(setting: DiagnosticSetting): Array<{ info: RouteInfo; planned: Planned | undefined }> {
    const p = setting.properties;
    const out: Array<{ info: RouteInfo; planned: Planned | undefined }> = [];
    const ruleId = destinationValue(p, 'eventHubAuthorizationRuleId') ?? destinationValue(p, 'serviceBusRuleId');
    if (ruleId) {
      const hub = destinationValue(p, 'eventHubName') ?? hubOfRule(ruleId);
      const dest = resolveEventHubs(options.registry, ruleId);
      const hubKey = (hub ?? '*').toLowerCase();
      if (!dest) {
        warn(`diagnostic setting '${setting.name}': no event hub destination registered for '${ruleId}'; its records are not delivered there`);
        out.push({ info: { setting: setting.name, kind: 'eventhubs', destinationId: ruleId, target: hub ?? 'insights-logs-<category>' }, planned: undefined });
      } else if ('folder' in dest) {
        out.push({
          info: { setting: setting.name, kind: 'eventhubs-folder', destinationId: ruleId, target: dest.folder },
          planned: {
            key: `ehf|${dest.folder}|${hubKey}`,
            create: () => createEventHubsFolderSink({ root: dest.folder, eventHubName: hub, appender }),
          },
        });
      } else {
        out.push({
          info: { setting: setting.name, kind: 'eventhubs', destinationId: ruleId, target: hub ?? 'insights-logs-<category>' },
          planned: {
            key: `eh|${dest.connectionString}|${hubKey}`,
            create: () =>
              createEventHubsSink({
                connectionString: dest.connectionString,
                tier: dest.tier,
                maxRecordsPerEvent: dest.maxRecordsPerEvent,
                eventHubName: hub,
                ...options.eventHubs,
                onError: (e, ctx) => onError(e, `event hub ${ctx.hub}`),
              }),
          },
        });
      }
    }
    const storageId = destinationValue(p, 'storageAccountId');
    if (storageId) {
      const dest = resolveStorage(options.registry, storageId);
      if (!dest) {
        warn(`diagnostic setting '${setting.name}': no storage destination registered for '${storageId}'; its records are not delivered there`);
        out.push({ info: { setting: setting.name, kind: 'storage', destinationId: storageId, target: 'storage' }, planned: undefined });
      } else if ('folder' in dest) {
        out.push({
          info: { setting: setting.name, kind: 'storage-folder', destinationId: storageId, target: dest.folder },
          planned: { key: `sf|${dest.folder}`, create: () => createFolderSink({ root: dest.folder, tenantId: options.tenantId, appender }) },
        });
      } else {
        out.push({
          info: { setting: setting.name, kind: 'storage', destinationId: storageId, target: 'storage' },
          planned: {
            key: `st|${dest.connectionString}`,
            create: () =>
              createBlobSink({
                connectionString: dest.connectionString,
                tenantId: options.tenantId,
                ...options.storage,
                onError: (e, ctx) => onError(e, `blob ${ctx.blob}`),
              }),
          },
        });
      }
    }
    const workspaceId = destinationValue(p, 'workspaceId');
    if (workspaceId) {
      const dest = resolveWorkspace(options.registry, workspaceId, options.dataDir);
      out.push({
        info: { setting: setting.name, kind: 'workspace', destinationId: workspaceId, target: dest.folder },
        planned: { key: `ws|${dest.folder}`, create: () => createWorkspaceSink({ directory: dest.folder, appender }) },
      });
    }
    return out;
  }

  function rebuild(settings: readonly DiagnosticSetting[]): void {
    if (closed) return;
    const next = new Map<Category, Target[]>();
    const used = new Set<string>();
    for (const setting of settings) {
      const categories = setting.properties.logs
        .filter((l) => l.enabled)
        .map((l) => parseCategory(l.category))
        .filter((c): c is Category => c !== undefined);
      if (categories.length === 0) continue;
      for (const { info, planned } of plan(setting)) {
        if (planned) {
          used.add(planned.key);
          if (!sinks.has(planned.key)) {
            sinks.set(planned.key, planned.create());
            labels.set(planned.key, `${info.kind} ${info.destinationId} (${info.target})`);
          }
        }
        for (const category of categories) {
          const list = next.get(category) ?? [];
          list.push({ info, key: planned?.key });
          next.set(category, list);
        }
      }
    }
    table = next;
    for (const [key, sink] of sinks) {
      if (used.has(key)) continue;
      sinks.delete(key);
      const label = labels.get(key) ?? 'destination';
      labels.delete(key);
      const closing = sink.close().catch((err: unknown) => onError(err as Error, label));
      retiring.add(closing);
      void closing.finally(() => retiring.delete(closing));
    }
  }

  const unsubscribe = options.settings.onChange((change) => rebuild(change.settings));
  rebuild(options.settings.list());

  return {
    async write(record: RoutedRecord) {
      if (closed) throw new Error('router is closed');
      counters.received++;
      const targets = table.get(record.category);
      if (!targets || targets.length === 0) {
        counters.unrouted++;
        return;
      }
      // Look sinks up now, synchronously, so a settings change after this point cannot hand
      // the record to a destination that is already being retired.
      const writes: Promise<void>[] = [];
      for (const t of targets) {
        const sink = t.key !== undefined ? sinks.get(t.key) : undefined;
        if (!sink) {
          counters.unresolved++;
          continue;
        }
        counters.delivered++;
        writes.push(sink.write(record));
      }
      await Promise.all(writes);
    },
    async flush() {
      await Promise.all([...sinks.values()].map((s) => s.flush()));
      await Promise.all(retiring);
      await appender.flush();
    },
    async close(closeOptions?: CloseOptions) {
      if (closed) return;
      closed = true;
      unsubscribe();
      const all = [...sinks.entries()];
      sinks.clear();
      const failures: string[] = [];
      await Promise.all(
        all.map(([key, s]) =>
          s.close(closeOptions).catch((err: unknown) => {
            failures.push((err as Error).message);
            onError(err as Error, labels.get(key) ?? 'destination');
          }),
        ),
      );
      await Promise.all(retiring);
      await appender.close();
      if (failures.length > 0) throw new Error(`router closed with undelivered records: ${failures.join('; ')}`);
    },
    routesFor(category) {
      return (table.get(category) ?? []).map((t) => t.info);
    },
    stats() {
      return { ...counters, activeDestinations: sinks.size };
    },
  };
}
