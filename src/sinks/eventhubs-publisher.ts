/**
 * Publishes diagnostic records to Event Hubs as Azure Monitor does: event bodies
 * `{"records":[…]}` of one category, no partition key or id (the service spreads events
 * round-robin), sent in SDK batches up to the hub's maximum message size.
 *
 * Delivery: `write` resolves once a record is buffered; the buffer is bounded (bytes), so
 * `write` waits when it is full. Several batches per hub are in flight at once. Failed sends
 * are retried with backoff, on top of the SDK's own retries, until they succeed: an accepted
 * record is only given up if it can never be sent (a single record above the size limit) or
 * when `close` runs out of time, and both are counted and reported.
 */
import {
  EventHubProducerClient,
  RetryMode,
  type EventDataBatch,
  type RetryOptions,
} from '@azure/event-hubs';
import { backoffDelay, drainWithin, sleep, type BackoffOptions } from './backoff.ts';
import type { CloseOptions } from './routed-record.ts';
import { Capacity } from './capacity.ts';
import { EventBodyBuilder, splitEvent, type SealedEvent } from './event-body.ts';

export { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limiter.ts';

export type EventHubsTier = 'basic' | 'standard' | 'premium' | 'dedicated';

/** Largest event (batch) per tier: 256 KB on Basic, 1 MB otherwise (notes §A.1, EH-QUOTA). */
export const MAX_MESSAGE_BYTES: Readonly<Record<EventHubsTier, number>> = {
  basic: 256 * 1024,
  standard: 1024 * 1024,
  premium: 1024 * 1024,
  dedicated: 1024 * 1024,
};

/** Room left in a batch for AMQP framing around one event body. */
const BATCH_OVERHEAD_BYTES = 2048;

export interface PublishItem {
  /** Event hub name in the namespace. */
  readonly hub: string;
  readonly category: string;
  /** One serialised diagnostic record. */
  readonly record: string;
}

export interface EventHubsPublisherOptions {
  /** Namespace connection string; an EntityPath in it is ignored (each item names its hub). */
  readonly connectionString: string;
  /** Sets the event size cap. Default 'standard' (1 MB). The link's own limit applies too. */
  readonly tier?: EventHubsTier;
  /** Records per event body. Default 500 (real bodies hold tens to a few hundred). */
  readonly maxRecordsPerEvent?: number;
  /** How long a partly filled body may wait for more records, ms. Default 250. */
  readonly lingerMs?: number;
  /**
   * Events per send. A whole batch lands on one partition, so smaller batches spread a burst over
   * the partitions the way per-event round-robin does on the service. Default 8; bytes cap it too.
   */
  readonly maxEventsPerBatch?: number;
  /** Batches in flight per hub. Default 4. */
  readonly maxConcurrentSends?: number;
  /** Buffer bound in bytes of record text; `write` waits beyond it. Default 32 MiB. */
  readonly maxBufferedBytes?: number;
  /** SDK retry options (per send). Default: 3 exponential retries from 500 ms, 30 s timeout. */
  readonly retryOptions?: RetryOptions;
  /** Backoff of the publisher's own retry loop around failed sends. */
  readonly backoff?: BackoffOptions;
  /** Told about every failed send attempt and every record given up. */
  readonly onError?: (error: Error, context: { readonly hub: string; readonly attempt: number; readonly gaveUpRecords?: number }) => void;
}

export interface PublisherStats {
  /** Records acknowledged by the service. */
  readonly records: number;
  /** Events (bodies) acknowledged. */
  readonly events: number;
  /** Batches (send calls) acknowledged. */
  readonly batches: number;
  /** Body bytes acknowledged. */
  readonly bytes: number;
  /** Send attempts that failed and were retried. */
  readonly retries: number;
  /** Records given up: larger than the event size limit on their own, or left when close timed out. */
  readonly droppedRecords: number;
  /** Records accepted and not yet acknowledged. */
  readonly bufferedRecords: number;
  /** Bytes of record text held by those records; bounded by maxBufferedBytes. */
  readonly bufferedBytes: number;
  readonly inflightBatches: number;
}

export interface EventHubsPublisher {
  write(item: PublishItem): Promise<void>;
  /** Sends everything buffered; resolves when the buffer is empty. */
  flush(): Promise<void>;
  /**
   * Flushes and closes the connections. Later writes reject. With `timeoutMs`, records still
   * unsent by then are given up (counted in droppedRecords) and close rejects saying how many.
   */
  close(options?: CloseOptions): Promise<void>;
  stats(): PublisherStats;
}

interface HubChannel {
  readonly hub: string;
  readonly producer: EventHubProducerClient;
  readonly builders: Map<string, EventBodyBuilder>;
  readonly ready: SealedEvent[];
  /** Batch size limit once known (min of tier and link); undefined until the first batch. */
  batchLimit: number | undefined;
  workers: number;
  /** Workers between starting a batch and taking events from `ready` (so kick does not over-spawn). */
  claiming: number;
}

const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 5000, mode: RetryMode.Exponential, timeoutInMs: 30_000 };

/** Drops `EntityPath=…` so one namespace string serves every hub. */
function namespaceConnectionString(connectionString: string): string {
  return connectionString
    .split(';')
    .filter((part) => part.trim() !== '' && !/^\s*EntityPath\s*=/i.test(part))
    .join(';');
}

export function createEventHubsPublisher(options: EventHubsPublisherOptions): EventHubsPublisher {
  const connectionString = namespaceConnectionString(options.connectionString);
  const tierLimit = MAX_MESSAGE_BYTES[options.tier ?? 'standard'];
  const maxRecords = options.maxRecordsPerEvent ?? 500;
  const lingerMs = options.lingerMs ?? 250;
  const maxConcurrent = Math.max(1, options.maxConcurrentSends ?? 4);
  const maxEventsPerBatch = Math.max(1, options.maxEventsPerBatch ?? 8);
  const retryOptions = { ...DEFAULT_RETRY, ...options.retryOptions };
  const capacity = new Capacity(options.maxBufferedBytes ?? 32 * 1024 * 1024);
  const channels = new Map<string, HubChannel>();
  const userOnError = options.onError ?? (() => undefined);
  // A throwing callback must not break a send loop (or surface as an unhandled rejection).
  const onError: typeof userOnError = (error, context) => {
    try {
      userOnError(error, context);
    } catch {
      // ignored: reporting is best effort
    }
  };

  let closing = false;
  let closed = false;
  let aborted = false;
  const abortController = new AbortController();
  let buffered = 0;
  let inflight = 0;
  const counters = { records: 0, events: 0, batches: 0, bytes: 0, retries: 0, droppedRecords: 0 };
  let progressWaiters: Array<() => void> = [];

  const notifyProgress = (): void => {
    const waiters = progressWaiters;
    progressWaiters = [];
    for (const w of waiters) w();
  };
  const nextProgress = (): Promise<void> => new Promise((resolve) => progressWaiters.push(resolve));

  const timer = setInterval(() => sealLingering(false), Math.max(5, Math.floor(lingerMs / 2)));
  timer.unref();

  function channelFor(hub: string): HubChannel {
    let ch = channels.get(hub);
    if (!ch) {
      ch = {
        hub,
        producer: new EventHubProducerClient(connectionString, hub, { retryOptions }),
        builders: new Map(),
        ready: [],
        batchLimit: undefined,
        workers: 0,
        claiming: 0,
      };
      channels.set(hub, ch);
    }
    return ch;
  }

  function bodyLimit(ch: HubChannel): number {
    return (ch.batchLimit ?? tierLimit) - BATCH_OVERHEAD_BYTES;
  }

  function sealLingering(all: boolean): void {
    const now = Date.now();
    for (const ch of channels.values()) {
      for (const builder of ch.builders.values()) {
        if (builder.size > 0 && (all || now - builder.openedAt >= lingerMs)) {
          ch.ready.push(builder.seal()!);
        }
      }
      kick(ch);
    }
  }

  function kick(ch: HubChannel): void {
    while (!aborted && ch.workers < maxConcurrent && ch.ready.length > ch.claiming * maxEventsPerBatch) {
      ch.workers++;
      ch.claiming++;
      void worker(ch).finally(() => {
        ch.workers--;
        notifyProgress();
        // Records may have become ready while this worker was finishing.
        if (ch.ready.length > 0) kick(ch);
      });
    }
  }

  function acknowledge(events: readonly SealedEvent[]): void {
    for (const ev of events) {
      counters.records += ev.records.length;
      counters.events++;
      counters.bytes += ev.body.length;
      buffered -= ev.records.length;
      capacity.release(ev.units);
    }
    counters.batches++;
  }

  function giveUp(ch: HubChannel, events: readonly SealedEvent[], error: Error): void {
    const records = events.reduce((n, ev) => n + ev.records.length, 0);
    counters.droppedRecords += records;
    buffered -= records;
    for (const ev of events) capacity.release(ev.units);
    onError(error, { hub: ch.hub, attempt: 0, gaveUpRecords: records });
  }

  async function createBatch(ch: HubChannel): Promise<EventDataBatch> {
    if (ch.batchLimit === undefined) {
      // The link advertises its limit; the first unrestricted batch reveals it.
      const probe = await ch.producer.createBatch();
      const linkLimit = Number.isFinite(probe.maxSizeInBytes) && probe.maxSizeInBytes > 0 ? probe.maxSizeInBytes : tierLimit;
      ch.batchLimit = Math.min(tierLimit, linkLimit);
      for (const b of ch.builders.values()) b.setMaxBodyBytes(bodyLimit(ch));
      if (ch.batchLimit === linkLimit) return probe;
    }
    return ch.producer.createBatch({ maxSizeInBytes: ch.batchLimit });
  }

  /** Fills a batch from the ready queue; undefined when nothing was left to send. Ends this worker's claim. */
  async function nextBatch(ch: HubChannel): Promise<{ batch: EventDataBatch; events: SealedEvent[] } | undefined> {
    try {
      return await fillBatch(ch);
    } finally {
      ch.claiming--;
    }
  }

  async function fillBatch(ch: HubChannel): Promise<{ batch: EventDataBatch; events: SealedEvent[] } | undefined> {
    for (let attempt = 0; ; attempt++) {
      if (ch.ready.length === 0 || aborted) return undefined;
      let batch: EventDataBatch;
      try {
        batch = await createBatch(ch);
      } catch (err) {
        counters.retries++;
        onError(err as Error, { hub: ch.hub, attempt });
        await sleep(backoffDelay(attempt, options.backoff), abortController.signal);
        continue;
      }
      const events: SealedEvent[] = [];
      while (ch.ready.length > 0 && events.length < maxEventsPerBatch && batch.tryAdd({ body: ch.ready[0]!.body })) events.push(ch.ready.shift()!);
      if (events.length > 0) return { batch, events };
      const head = ch.ready[0];
      if (!head) return undefined; // another worker took everything meanwhile
      ch.ready.shift();
      if (head.records.length > 1) {
        ch.ready.unshift(...splitEvent(head));
      } else {
        giveUp(ch, [head], new Error(`A ${head.body.length}-byte ${head.category} record exceeds the ${ch.batchLimit}-byte event size limit of hub '${ch.hub}'`));
      }
    }
  }

  async function worker(ch: HubChannel): Promise<void> {
    for (;;) {
      const next = await nextBatch(ch);
      if (!next) return;
      inflight++;
      try {
        await sendWithRetry(ch, next.batch, next.events);
      } finally {
        inflight--;
      }
      ch.claiming++;
    }
  }

  async function sendWithRetry(ch: HubChannel, batch: EventDataBatch, events: SealedEvent[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await ch.producer.sendBatch(batch);
        acknowledge(events);
        return;
      } catch (err) {
        const error = err as Error & { code?: string };
        if (aborted) {
          giveUp(ch, events, error);
          return;
        }
        if (error.code === 'MessageTooLargeError') {
          // The service refused the size; resend the events in smaller batches/bodies.
          const smaller = events.length > 1 ? events : events[0]!.records.length > 1 ? splitEvent(events[0]!) : undefined;
          if (!smaller) {
            giveUp(ch, events, error);
            return;
          }
          ch.batchLimit = Math.max(64 * 1024, Math.floor((ch.batchLimit ?? tierLimit) / 2));
          for (const b of ch.builders.values()) b.setMaxBodyBytes(bodyLimit(ch));
          ch.ready.unshift(...smaller);
          return;
        }
        counters.retries++;
        onError(error, { hub: ch.hub, attempt });
        await sleep(backoffDelay(attempt, options.backoff), abortController.signal);
        if (aborted) {
          giveUp(ch, events, error);
          return;
        }
      }
    }
  }

  async function drain(): Promise<void> {
    while (buffered > 0 || capacity.waiting > 0 || inflight > 0) {
      if (aborted && buffered === 0) break;
      sealLingering(true);
      if (buffered === 0 && capacity.waiting === 0 && inflight === 0) break;
      await nextProgress();
    }
  }

  return {
    async write(item) {
      if (closing) throw new Error('Event Hubs publisher is closed');
      const units = Buffer.byteLength(item.record, 'utf8');
      await capacity.acquire(units);
      if (aborted) {
        // close() gave up while this write waited for room: the record was never accepted.
        capacity.release(units);
        throw new Error('Event Hubs publisher is closed');
      }
      buffered++;
      const ch = channelFor(item.hub);
      let builder = ch.builders.get(item.category);
      if (!builder) {
        builder = new EventBodyBuilder(item.category, bodyLimit(ch), maxRecords);
        ch.builders.set(item.category, builder);
      }
      const sealed = builder.add(item.record, units, Date.now());
      if (sealed) {
        ch.ready.push(sealed);
        kick(ch);
      }
    },

    async flush() {
      await drain();
    },

    async close(closeOptions: CloseOptions = {}) {
      if (closed) return;
      closing = true;
      let timedOut = false;
      try {
        timedOut = await drainWithin(drain, closeOptions.timeoutMs, () => {
          aborted = true;
          abortController.abort();
          // Whatever never reached a send is given up here; sends under way give up as they fail.
          for (const ch of channels.values()) {
            for (const b of ch.builders.values()) {
              const ev = b.seal();
              if (ev) ch.ready.push(ev);
            }
            if (ch.ready.length > 0) giveUp(ch, ch.ready.splice(0), new Error('Event Hubs publisher closed before these records were sent'));
          }
          notifyProgress();
          // Sends blocked on an unreachable namespace end when their connection closes.
          for (const ch of channels.values()) void ch.producer.close().catch(() => undefined);
        });
      } finally {
        closed = true;
        clearInterval(timer);
        await Promise.all([...channels.values()].map((ch) => ch.producer.close().catch(() => undefined)));
      }
      if (timedOut) {
        throw new Error(`Event Hubs publisher close timed out after ${closeOptions.timeoutMs} ms; ${counters.droppedRecords} record(s) were not delivered`);
      }
    },

    stats() {
      return { ...counters, bufferedRecords: buffered, bufferedBytes: capacity.inUse, inflightBatches: inflight };
    },
  };
}
