/**
 * A producer's send link (`<hub>` or `<hub>/Partitions/<id>`), served from our side as an AMQP
 * receiver: size check, batch unpacking, routing, append, then settle.
 */
import { encodeMessage, type AmqpMessage, type Delivery } from './amqp.ts';
import { Condition, EndpointError, toAmqpError } from './errors.ts';
import type { Hub } from './hub-registry.ts';
import { DecodeError, eventsFromTransfer } from './message-codec.ts';
import type { PartitionStore, StoredEvent } from './partition-store.ts';

export interface ProducerLinkOptions {
  hub: Hub;
  /** Set for `<hub>/Partitions/<id>` links; otherwise the hub routes each batch. */
  partition: PartitionStore | undefined;
  maxMessageSize: number;
  onStored: (hub: Hub, partition: PartitionStore, events: readonly StoredEvent[]) => void;
}

export class ProducerLink {
  private readonly options: ProducerLinkOptions;

  constructor(options: ProducerLinkOptions) {
    this.options = options;
  }

  /**
   * Handles one transfer. rhea hands standard messages over decoded and custom formats (the
   * batch format) as raw bytes; a decoded one is re-encoded, which can narrow numeric types of
   * its properties — the SDKs always send the batch format, which keeps bytes exactly.
   */
  onTransfer(payload: Buffer | AmqpMessage, format: number | undefined, delivery: Delivery): void {
    let stored: { partition: PartitionStore; events: StoredEvent[] };
    try {
      const bytes = Buffer.isBuffer(payload) ? payload : encodeMessage(payload);
      const { maxMessageSize } = this.options;
      if (bytes.length > maxMessageSize) {
        throw new EndpointError(
          Condition.messageSizeExceeded,
          `The received message (delivery-id:${delivery.id}, size:${bytes.length} bytes) exceeds the limit (${maxMessageSize} bytes) currently allowed on the link.`,
        );
      }
      const events = eventsFromTransfer(bytes, Buffer.isBuffer(payload) ? (format ?? 0) : 0);
      if (events.length === 0) {
        throw new EndpointError(Condition.argumentError, 'The batch message contains no events.');
      }
      const { hub, partition: fixed } = this.options;
      const partition = fixed ?? hub.route(events);
      stored = { partition, events: partition.append(events, Date.now()) };
    } catch (err) {
      const error = err instanceof DecodeError ? { condition: Condition.decodeError, description: err.message } : toAmqpError(err);
      delivery.reject(error);
      return;
    }
    delivery.accept();
    this.options.onStored(this.options.hub, stored.partition, stored.events);
  }
}
