/**
 * Delivery the way Azure Monitor delivers, as a seeded transform in front of a sink
 * (notes §A.5): records out of order within a window, an occasional duplicate (same record,
 * new envelope `time`, a little later), and a few late arrivals held back for minutes and
 * then delivered into a later hour's blob. Each effect switches on and off independently;
 * counters tell injected duplicates from pipeline bugs.
 *
 * Time is the stream's own: late records are released once the envelope times flowing
 * through have advanced past their due time, so backfills (fast) and live runs behave
 * alike. While the stream is idle, a timer advances that clock with wall time.
 */
import { Rng } from '../core/random.ts';
import { envelopeTime, usTime } from '../core/time.ts';
import type { CloseOptions, RecordSink, RoutedRecord } from './routed-record.ts';

export interface DeliveryRealismOptions {
  /** Seed of every random choice. Default 'delivery'. */
  readonly seed?: string | number;
  /** Records held and released in random order; 0 or 1 = keep order. Default 0. */
  readonly shuffleWindow?: number;
  /** Probability that a record is delivered twice. Default 0. */
  readonly duplicateRate?: number;
  /** Delay of the duplicate's envelope time after the original, ms. Default [5 s, 60 s] (observed: 21 s). */
  readonly duplicateDelayMs?: readonly [number, number];
  /** Probability that a record is held back. Default 0. */
  readonly lateRate?: number;
  /** How long a late record is held, ms. Default [2 min, 15 min]. */
  readonly lateDelayMs?: readonly [number, number];
  /** Called for each injected duplicate (the copy) and each late record (when released). */
  readonly onInject?: (kind: 'duplicate' | 'late', record: RoutedRecord) => void;
}

export interface DeliveryCounters {
  readonly received: number;
  readonly emitted: number;
  readonly duplicatesInjected: number;
  /** Records currently held back as late. */
  readonly lateHeld: number;
  readonly lateReleased: number;
  /** Records emitted with an envelope time earlier than one emitted before them. */
  readonly outOfOrder: number;
}

export interface DeliveryRealism extends RecordSink {
  readonly counters: DeliveryCounters;
  /** Changes options at run time (e.g. switch duplicates off); the seed stays. */
  configure(options: Omit<DeliveryRealismOptions, 'seed'>): void;
}

/**
 * The record with a new envelope `time`, in the format the record already uses (7-digit ISO,
 * whole-second ISO, or the US format of the risk categories). The first `"time"` member is the
 * envelope's: Entra writes it first.
 */
export function withEnvelopeTime(record: RoutedRecord, ms: number): RoutedRecord {
  const diagnostic = record.diagnostic.replace(/"time"(\s*):(\s*)"([^"]*)"/, (_m, s1: string, s2: string, old: string) => {
    const formatted = /^\d{1,2}\/\d{1,2}\/\d{4} /.test(old) ? usTime(ms) : envelopeTime(ms);
    return `"time"${s1}:${s2}"${formatted}"`;
  });
  return { ...record, envelopeTime: ms, arrivalTime: undefined, diagnostic };
}

interface Held {
  readonly record: RoutedRecord;
  readonly due: number;
}

export function createDeliveryRealism(downstream: RecordSink, initial: DeliveryRealismOptions = {}): DeliveryRealism {
  const rng = new Rng(initial.seed ?? 'delivery');
  let opts: Omit<DeliveryRealismOptions, 'seed'> = { ...initial };
  const window: RoutedRecord[] = [];
  const late: Held[] = [];
  const counters = { received: 0, emitted: 0, duplicatesInjected: 0, lateHeld: 0, lateReleased: 0, outOfOrder: 0 };
  let maxEmitted = -Infinity;
  let streamTime = -Infinity;
  let streamSeenAt = Date.now();
  let closing = false;
  // Emissions are serialised so the downstream sees one write at a time (its backpressure holds).
  let chain: Promise<void> = Promise.resolve();
  /** A failure of a timer-driven release, reported by the next write or flush. */
  let backgroundError: unknown;

  const between = (range: readonly [number, number] | undefined, fallback: readonly [number, number]): number => {
    const [lo, hi] = range ?? fallback;
    return Math.round(lo + rng.next() * Math.max(0, hi - lo));
  };

  async function emit(record: RoutedRecord): Promise<void> {
    if (record.envelopeTime < maxEmitted) counters.outOfOrder++;
    maxEmitted = Math.max(maxEmitted, record.envelopeTime);
    counters.emitted++;
    await downstream.write(record);
  }

  /** The stream clock: the latest envelope time seen, advanced by wall time while idle. */
  const clock = (): number => streamTime + (Date.now() - streamSeenAt);

  async function releaseDue(all: boolean): Promise<void> {
    const now = clock();
    for (let i = 0; i < late.length; ) {
      const held = late[i]!;
      if (all || held.due <= now) {
        late.splice(i, 1);
        counters.lateHeld--;
        counters.lateReleased++;
        // It arrives now, so it lands in the current hour's blob although its time is older.
        const record: RoutedRecord = { ...held.record, arrivalTime: Math.max(held.due, arrivalBase(held.record)) };
        opts.onInject?.('late', record);
        await emit(record);
      } else i++;
    }
  }

  const arrivalBase = (r: RoutedRecord): number => r.arrivalTime ?? r.envelopeTime;

  async function pushThroughWindow(record: RoutedRecord): Promise<void> {
    const size = opts.shuffleWindow ?? 0;
    if (size <= 1) return emit(record);
    window.push(record);
    if (window.length >= size) {
      const i = rng.int(window.length);
      const picked = window[i]!;
      window[i] = window[window.length - 1]!;
      window.pop();
      await emit(picked);
    }
  }

  async function drainWindow(): Promise<void> {
    while (window.length > 0) {
      const i = rng.int(window.length);
      const picked = window[i]!;
      window[i] = window[window.length - 1]!;
      window.pop();
      await emit(picked);
    }
  }

  async function handle(record: RoutedRecord): Promise<void> {
    counters.received++;
    streamTime = Math.max(streamTime, record.envelopeTime);
    streamSeenAt = Date.now();
    if ((opts.lateRate ?? 0) > 0 && rng.bool(opts.lateRate)) {
      late.push({ record, due: record.envelopeTime + between(opts.lateDelayMs, [120_000, 900_000]) });
      counters.lateHeld++;
    } else {
      await pushThroughWindow(record);
    }
    if ((opts.duplicateRate ?? 0) > 0 && rng.bool(opts.duplicateRate)) {
      const copy = withEnvelopeTime(record, record.envelopeTime + between(opts.duplicateDelayMs, [5_000, 60_000]));
      counters.duplicatesInjected++;
      opts.onInject?.('duplicate', copy);
      await pushThroughWindow(copy);
    }
    await releaseDue(false);
  }

  const enqueue = (task: () => Promise<void>): Promise<void> => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };

  // While the stream is idle, release due late records and let the shuffle window go.
  const background = (task: () => Promise<void>): void => {
    enqueue(task).catch((err: unknown) => {
      backgroundError ??= err;
    });
  };
  const throwBackgroundError = (): void => {
    if (backgroundError === undefined) return;
    const err = backgroundError;
    backgroundError = undefined;
    throw err;
  };
  const timer = setInterval(() => {
    if (late.length > 0 && Number.isFinite(streamTime)) background(() => releaseDue(false));
    if (window.length > 0 && Date.now() - streamSeenAt >= 1000) background(drainWindow);
  }, 1000);
  timer.unref();

  const flushAll = async (): Promise<void> => {
    throwBackgroundError();
    await enqueue(async () => {
      await drainWindow();
      await releaseDue(true);
    });
    await downstream.flush();
  };

  return {
    counters,
    configure(next) {
      opts = { ...opts, ...next };
    },
    write(record) {
      if (closing) return Promise.reject(new Error('delivery transform is closed'));
      try {
        throwBackgroundError();
      } catch (err) {
        return Promise.reject(err);
      }
      return enqueue(() => handle(record));
    },
    // Flush delivers everything, held-back records included: a flush means "deliver what you have".
    flush: flushAll,
    async close(options?: CloseOptions) {
      closing = true;
      clearInterval(timer);
      try {
        // Held and shuffled records are handed on first; the downstream then delivers them on close.
        await enqueue(async () => {
          await drainWindow();
          await releaseDue(true);
        });
      } finally {
        await downstream.close(options);
      }
    },
  };
}
