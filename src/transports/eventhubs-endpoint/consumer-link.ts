/**
 * A consumer's receive link (`<hub>/ConsumerGroups/<cg>/Partitions/<id>`), served from our side as
 * an AMQP sender: streams stored then live events from the start position, never beyond the
 * credit the client granted.
 */
import { remainingCredit, sendEncoded, wrap, type AmqpError, type Sender } from './amqp.ts';
import { withDeliveryAnnotations } from './message-codec.ts';
import type { ArbitratedReceiver } from './owner-level.ts';
import type { PartitionStore, StoredEvent } from './partition-store.ts';

export interface ConsumerLinkOptions {
  sender: Sender;
  partition: PartitionStore;
  /** First sequence number to deliver. */
  startSequenceNumber: number;
  ownerLevel: number | undefined;
  /** The client asked for `com.microsoft:enable-receiver-runtime-metric`. */
  runtimeMetric: boolean;
  /** Called once when the link is gone (closed by either side or its connection dropped). */
  onDisposed: (link: ConsumerLink) => void;
}

export class ConsumerLink implements ArbitratedReceiver {
  readonly name: string;
  readonly ownerLevel: number | undefined;
  private readonly sender: Sender;
  private readonly partition: PartitionStore;
  private readonly runtimeMetric: boolean;
  private readonly onDisposed: (link: ConsumerLink) => void;
  private cursor: number;
  private submitted = 0;
  private draining = false;
  private unsubscribe: (() => void) | undefined;
  private disposed = false;

  constructor(options: ConsumerLinkOptions) {
    this.sender = options.sender;
    this.name = options.sender.name;
    this.partition = options.partition;
    this.cursor = options.startSequenceNumber;
    this.ownerLevel = options.ownerLevel;
    this.runtimeMetric = options.runtimeMetric;
    this.onDisposed = options.onDisposed;
  }

  start(): void {
    this.unsubscribe = this.partition.subscribe(() => this.pump());
    this.pump();
  }

  /** Sends what credit allows; called on new events, new credit and settlements. */
  pump(): void {
    if (this.disposed || !this.sender.is_open()) return;
    // Events that fell out of retention while this consumer lagged are skipped, as on the service.
    this.cursor = Math.max(this.cursor, this.partition.firstRetainedSequenceNumber);
    let budget = remainingCredit(this.sender, this.submitted);
    while (budget > 0 && this.cursor < this.partition.endSequenceNumber) {
      const event = this.partition.get(this.cursor);
      this.cursor++;
      if (!event) continue;
      sendEncoded(this.sender, this.encode(event));
      this.submitted++;
      budget--;
    }
    if (this.draining && this.cursor >= this.partition.endSequenceNumber) {
      // Drain: nothing more to send now, so hand back the unused credit.
      this.draining = false;
      this.sender.set_drained(true);
    }
  }

  onDrainRequested(): void {
    this.draining = true;
    this.pump();
  }

  private encode(event: StoredEvent): Buffer {
    if (!this.runtimeMetric) return event.message.bytes;
    const info = this.partition.runtimeInfo();
    return withDeliveryAnnotations(event.message, [
      ['last_enqueued_offset', wrap.string(info.lastEnqueuedOffset)],
      ['last_enqueued_sequence_number', wrap.long(info.lastEnqueuedSequenceNumber)],
      ['last_enqueued_time_utc', wrap.timestamp(info.lastEnqueuedTimeUtcMs)],
      ['runtime_info_retrieval_time_utc', wrap.timestamp(Date.now())],
    ]);
  }

  /** Detaches with an error (owner-level takeover, shutdown). */
  disconnect(error: AmqpError): void {
    if (!this.disposed && !this.sender.is_closed()) this.sender.close(error);
    this.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unsubscribe?.();
    this.onDisposed(this);
  }
}
