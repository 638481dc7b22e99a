/**
 * Event-hub destinations as RecordSinks: the real one over the publisher, and a folder
 * stand-in that writes the same event bodies (`{"records":[…]}`, one category each), one
 * per line, to `<root>/<hub>.ndjson`.
 * The hub is the setting's `eventHubName`, or per category `insights-logs-<category>`.
 */
import { join } from 'node:path';
import { hubName, type Category } from '../core/categories.ts';
import { EventBodyBuilder, type SealedEvent } from './event-body.ts';
import { createEventHubsPublisher, MAX_MESSAGE_BYTES, type EventHubsPublisher, type EventHubsPublisherOptions, type PublisherStats } from './eventhubs-publisher.ts';
import { FileAppender, type FileAppenderOptions, type FileAppenderStats } from './file-appender.ts';
import type { RecordSink } from './routed-record.ts';

/** The hub a category goes to: the fixed name when given, else Azure Monitor's per-category default. */
export const hubFor = (category: Category, eventHubName: string | undefined): string => eventHubName ?? hubName(category);

export interface EventHubsSink extends RecordSink {
  stats(): PublisherStats;
}

export function createEventHubsSink(options: EventHubsPublisherOptions & { readonly eventHubName?: string }): EventHubsSink {
  const publisher: EventHubsPublisher = createEventHubsPublisher(options);
  return {
    write: (record) => publisher.write({ hub: hubFor(record.category, options.eventHubName), category: record.category, record: record.diagnostic }),
    flush: () => publisher.flush(),
    close: () => publisher.close(),
    stats: () => publisher.stats(),
  };
}

export interface EventHubsFolderSinkOptions extends FileAppenderOptions {
  readonly root: string;
  readonly eventHubName?: string;
  /** Records per body. Default 500. */
  readonly maxRecordsPerEvent?: number;
  /** Body size cap. Default 1 MiB minus framing. */
  readonly maxEventBytes?: number;
  readonly appender?: FileAppender;
}

export interface EventHubsFolderSink extends RecordSink {
  stats(): FileAppenderStats & { readonly events: number };
}

export function createEventHubsFolderSink(options: EventHubsFolderSinkOptions): EventHubsFolderSink {
  const appender = options.appender ?? new FileAppender(options);
  const owned = !options.appender;
  const maxRecords = options.maxRecordsPerEvent ?? 500;
  const maxBytes = options.maxEventBytes ?? MAX_MESSAGE_BYTES.standard - 2048;
  const lingerMs = options.lingerMs ?? 200;
  const builders = new Map<string, { hub: string; builder: EventBodyBuilder }>();
  let events = 0;
  let closing = false;
  const pending = new Set<Promise<void>>();

  const emit = (hub: string, ev: SealedEvent): void => {
    events++;
    const p = appender.append(join(options.root, `${hub}.ndjson`), ev.body.toString('utf8') + '\n');
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  const sealAll = (all: boolean): void => {
    const now = Date.now();
    for (const { hub, builder } of builders.values()) {
      if (builder.size > 0 && (all || now - builder.openedAt >= lingerMs)) emit(hub, builder.seal()!);
    }
  };
  const timer = setInterval(() => sealAll(false), Math.max(10, Math.floor(lingerMs / 2)));
  timer.unref();

  const flush = async (): Promise<void> => {
    sealAll(true);
    await Promise.all(pending);
    await appender.flush();
  };

  return {
    async write(record) {
      if (closing) throw new Error('event hub folder sink is closed');
      const hub = hubFor(record.category, options.eventHubName);
      const key = `${hub}\u0000${record.category}`;
      let entry = builders.get(key);
      if (!entry) {
        entry = { hub, builder: new EventBodyBuilder(record.category, maxBytes, maxRecords) };
        builders.set(key, entry);
      }
      const sealed = entry.builder.add(record.diagnostic, Buffer.byteLength(record.diagnostic, 'utf8'), Date.now());
      // Awaiting the append carries the appender's backpressure back to the writer.
      if (sealed) {
        events++;
        await appender.append(join(options.root, `${hub}.ndjson`), sealed.body.toString('utf8') + '\n');
      }
    },
    flush,
    async close() {
      closing = true;
      try {
        await flush();
      } finally {
        clearInterval(timer);
        if (owned) await appender.close();
      }
    },
    stats: () => ({ ...appender.stats(), events }),
  };
}
