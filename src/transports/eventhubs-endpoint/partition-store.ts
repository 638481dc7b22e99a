/**
 * One partition's event log: append-only, bounded by event count and bytes (oldest dropped first,
 * like time-based retention on the service), with the lookups that start positions need.
 * Sequence numbers start at 0; offsets are byte positions in the partition, carried as strings.
 */
import { stampEvent, type IncomingEvent, type StampedMessage } from './message-codec.ts';

export interface StoredEvent {
  readonly sequenceNumber: number;
  readonly offset: number;
  readonly enqueuedTimeMs: number;
  readonly partitionKey: string | undefined;
  readonly message: StampedMessage;
}

export interface RetentionLimits {
  maxEvents: number;
  maxBytes: number;
}

/** A parsed start position: `amqp.annotation.x-opt-<field> <op> '<value>'`. */
export interface StartPosition {
  field: 'offset' | 'sequence-number' | 'enqueued-time';
  inclusive: boolean;
  value: string;
}

export interface PartitionRuntimeInfo {
  beginSequenceNumber: number;
  lastEnqueuedSequenceNumber: number;
  lastEnqueuedOffset: string;
  lastEnqueuedTimeUtcMs: number;
  isEmpty: boolean;
}

export class PartitionStore {
  readonly id: string;
  private readonly retention: RetentionLimits;
  // Retained events are events[head..]; the head advances on drop and the array is compacted lazily.
  private events: StoredEvent[] = [];
  private head = 0;
  private retainedBytes = 0;
  private nextSequence = 0;
  private nextOffset = 0;
  private last: StoredEvent | undefined;
  private droppedEvents = 0;
  private totalBytes = 0;
  private readonly listeners = new Set<() => void>();

  constructor(id: string, retention: RetentionLimits) {
    this.id = id;
    this.retention = retention;
  }

  /** Appends events in order, all enqueued at the same instant; returns them as stored. */
  append(incoming: readonly IncomingEvent[], nowMs: number): StoredEvent[] {
    // Enqueued times never go backwards, so time-based start positions can binary-search.
    const enqueuedTimeMs = Math.max(nowMs, this.last?.enqueuedTimeMs ?? 0);
    const stored: StoredEvent[] = [];
    for (const event of incoming) {
      const sequenceNumber = this.nextSequence++;
      const offset = this.nextOffset;
      const message = stampEvent(event.bytes, {
        sequenceNumber,
        offset: String(offset),
        enqueuedTimeMs,
        partitionKey: event.partitionKey,
      });
      const record: StoredEvent = { sequenceNumber, offset, enqueuedTimeMs, partitionKey: event.partitionKey, message };
      this.nextOffset += message.bytes.length;
      this.retainedBytes += message.bytes.length;
      this.totalBytes += message.bytes.length;
      this.events.push(record);
      stored.push(record);
      this.last = record;
    }
    this.enforceRetention();
    for (const listener of this.listeners) listener();
    return stored;
  }

  private enforceRetention(): void {
    const { maxEvents, maxBytes } = this.retention;
    // The newest event is always kept so the partition still reports what was last enqueued.
    while (this.count > 1 && (this.count > maxEvents || this.retainedBytes > maxBytes)) {
      const dropped = this.events[this.head];
      this.retainedBytes -= dropped.message.bytes.length;
      this.head++;
      this.droppedEvents++;
    }
    if (this.head > 1024 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }

  get count(): number {
    return this.events.length - this.head;
  }

  /** The sequence number the next appended event will get. */
  get endSequenceNumber(): number {
    return this.nextSequence;
  }

  /** The oldest retained sequence number (== endSequenceNumber when nothing is retained). */
  get firstRetainedSequenceNumber(): number {
    return this.count > 0 ? this.events[this.head].sequenceNumber : this.nextSequence;
  }

  /** The retained event with this sequence number, if still retained. */
  get(sequenceNumber: number): StoredEvent | undefined {
    if (this.count === 0) return undefined;
    const index = this.head + (sequenceNumber - this.events[this.head].sequenceNumber);
    return index >= this.head && index < this.events.length ? this.events[index] : undefined;
  }

  /** Notifies on every append; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The first sequence number a receiver starting at `position` gets (endSequenceNumber = only
   * events enqueued from now on). Throws RangeError for a position past the end of the partition,
   * which the service also rejects.
   */
  resolveStart(position: StartPosition | 'earliest' | 'latest'): number {
    if (position === 'latest') return this.nextSequence;
    if (position === 'earliest') return this.firstRetainedSequenceNumber;
    const { field, inclusive, value } = position;
    if (field === 'offset') {
      if (value === '@latest') return this.nextSequence;
      const offset = Number(value);
      if (offset > this.nextOffset) {
        throw new RangeError(`The supplied offset '${value}' is invalid. The last offset in the system is '${this.last?.offset ?? -1}'.`);
      }
      return this.firstWhere((e) => (inclusive ? e.offset >= offset : e.offset > offset));
    }
    if (field === 'sequence-number') {
      const n = Number(value);
      const start = inclusive ? n : n + 1;
      if (start > this.nextSequence) {
        throw new RangeError(
          `The supplied sequence number '${value}' is invalid. The last sequence number in the system is '${this.nextSequence - 1}'.`,
        );
      }
      return Math.max(start, this.firstRetainedSequenceNumber);
    }
    const ms = Number(value);
    return this.firstWhere((e) => (inclusive ? e.enqueuedTimeMs >= ms : e.enqueuedTimeMs > ms));
  }

  /** Binary search over retained events for the first matching a monotone predicate. */
  private firstWhere(matches: (e: StoredEvent) => boolean): number {
    let lo = this.head;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (matches(this.events[mid])) hi = mid;
      else lo = mid + 1;
    }
    return lo < this.events.length ? this.events[lo].sequenceNumber : this.nextSequence;
  }

  /** Retained events from a sequence number on, oldest first. */
  slice(fromSequenceNumber: number, maxCount: number): StoredEvent[] {
    const start = Math.max(fromSequenceNumber, this.firstRetainedSequenceNumber);
    const out: StoredEvent[] = [];
    for (let seq = start; seq < this.nextSequence && out.length < maxCount; seq++) {
      const event = this.get(seq);
      if (event) out.push(event);
    }
    return out;
  }

  /** What `$management` partition READ reports; an untouched partition uses the service's -1 convention. */
  runtimeInfo(): PartitionRuntimeInfo {
    if (!this.last) {
      return { beginSequenceNumber: -1, lastEnqueuedSequenceNumber: -1, lastEnqueuedOffset: '-1', lastEnqueuedTimeUtcMs: 0, isEmpty: true };
    }
    return {
      beginSequenceNumber: this.firstRetainedSequenceNumber,
      lastEnqueuedSequenceNumber: this.last.sequenceNumber,
      lastEnqueuedOffset: String(this.last.offset),
      lastEnqueuedTimeUtcMs: this.last.enqueuedTimeMs,
      isEmpty: this.count === 0,
    };
  }

  stats(): PartitionStats {
    return {
      id: this.id,
      beginSequenceNumber: this.firstRetainedSequenceNumber,
      lastSequenceNumber: this.nextSequence - 1,
      retainedEvents: this.count,
      retainedBytes: this.retainedBytes,
      totalEvents: this.nextSequence,
      totalBytes: this.totalBytes,
      droppedEvents: this.droppedEvents,
      receivers: this.listeners.size,
    };
  }
}

export interface PartitionStats {
  id: string;
  /** Oldest retained sequence number. */
  beginSequenceNumber: number;
  /** Newest sequence number, -1 when nothing was ever enqueued. */
  lastSequenceNumber: number;
  retainedEvents: number;
  retainedBytes: number;
  /** Events ever enqueued (retained + dropped). */
  totalEvents: number;
  totalBytes: number;
  /** Events dropped by the retention bounds. */
  droppedEvents: number;
  /** Receive links currently attached (all consumer groups). */
  receivers: number;
}

const FILTER = /^\s*amqp\.annotation\.x-opt-(offset|sequence-number|enqueued-time)\s*(>=|>)\s*'([^']*)'\s*$/i;

/** Parses the selector-filter text the clients send; undefined when it is not one of the three forms. */
export function parseStartFilter(text: string): StartPosition | undefined {
  const m = FILTER.exec(text);
  if (!m) return undefined;
  const field = m[1].toLowerCase() as StartPosition['field'];
  const value = m[3];
  if (!(field === 'offset' && value === '@latest') && !/^-?\d+$/.test(value)) return undefined;
  return { field, inclusive: m[2] === '>=', value };
}
