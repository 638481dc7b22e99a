/**
 * Assembles Event Hubs event bodies the way Azure Monitor sends them: `{"records":[…]}`
 * holding records of a single category (notes §A.1), capped by record count and by bytes
 * so that one event fits the hub's maximum message size.
 */
import { eventHubsBody } from '../core/serialize.ts';

/** A finished event body and what it holds. */
export interface SealedEvent {
  readonly category: string;
  readonly records: readonly string[];
  readonly body: Buffer;
  /** Buffer units reserved for these records (released when the event is acknowledged). */
  readonly units: number;
}

/** `{"records":[` + `]}` */
const WRAPPER_BYTES = Buffer.byteLength(eventHubsBody([]));

export function sealEvent(category: string, records: readonly string[], units: number): SealedEvent {
  return { category, records, body: Buffer.from(eventHubsBody(records), 'utf8'), units };
}

/** Splits an event in two halves (for a body the service or the batch refused as too large). */
export function splitEvent(event: SealedEvent): [SealedEvent, SealedEvent] {
  const half = Math.ceil(event.records.length / 2);
  const unitsFirst = Math.round((event.units * half) / event.records.length);
  return [
    sealEvent(event.category, event.records.slice(0, half), unitsFirst),
    sealEvent(event.category, event.records.slice(half), event.units - unitsFirst),
  ];
}

export class EventBodyBuilder {
  private records: string[] = [];
  private bytes = WRAPPER_BYTES;
  private units = 0;
  /** When the first record of the open body arrived (for linger), ms. */
  openedAt = 0;

  constructor(
    readonly category: string,
    private maxBodyBytes: number,
    private readonly maxRecords: number,
  ) {}

  get size(): number {
    return this.records.length;
  }

  setMaxBodyBytes(bytes: number): void {
    this.maxBodyBytes = bytes;
  }

  /**
   * Adds a record of `bytes` UTF-8 bytes (also the buffer units it holds); when it does not fit
   * the open body, that body is sealed and returned and the record starts the next one. A record
   * larger than the cap on its own still forms a body (the publisher decides what to do with it).
   */
  add(record: string, bytes: number, now: number): SealedEvent | undefined {
    let sealed: SealedEvent | undefined;
    // +1 for the comma before every record but the first.
    if (this.records.length > 0 && (this.bytes + bytes + 1 > this.maxBodyBytes || this.records.length >= this.maxRecords)) {
      sealed = this.seal();
    }
    if (this.records.length === 0) this.openedAt = now;
    this.bytes += bytes + (this.records.length > 0 ? 1 : 0);
    this.records.push(record);
    this.units += bytes;
    return sealed;
  }

  seal(): SealedEvent | undefined {
    if (this.records.length === 0) return undefined;
    const event = sealEvent(this.category, this.records, this.units);
    this.records = [];
    this.bytes = WRAPPER_BYTES;
    this.units = 0;
    return event;
  }
}
