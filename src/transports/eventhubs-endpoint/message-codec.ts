/**
 * Byte-level work on AMQP messages: unpacking the SDK's batch envelope (message format 0x80013700)
 * and stamping service annotations onto each event without re-encoding its body or properties,
 * so what a consumer receives is byte-for-byte what the producer sent, plus the annotations.
 */
import { decodeMessage, decodeTyped, encodeTyped, wrap, type Typed } from './amqp.ts';

export const BATCH_MESSAGE_FORMAT = 0x80013700;

export const Section = {
  header: 0x70,
  deliveryAnnotations: 0x71,
  messageAnnotations: 0x72,
  properties: 0x73,
  applicationProperties: 0x74,
  data: 0x75,
  sequence: 0x76,
  value: 0x77,
  footer: 0x78,
} as const;

const SYMBOLIC_SECTIONS: Record<string, number> = {
  'amqp:header:list': Section.header,
  'amqp:delivery-annotations:map': Section.deliveryAnnotations,
  'amqp:message-annotations:map': Section.messageAnnotations,
  'amqp:properties:list': Section.properties,
  'amqp:application-properties:map': Section.applicationProperties,
  'amqp:data:binary': Section.data,
  'amqp:amqp-sequence:list': Section.sequence,
  'amqp:amqp-value:*': Section.value,
  'amqp:footer:map': Section.footer,
};

export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

interface SectionSpan {
  code: number;
  start: number;
  end: number;
  /** Start of the section's value (after the descriptor). */
  valueStart: number;
}

/** Splits an encoded message into its sections without decoding them. */
export function scanSections(bytes: Buffer): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0x00) throw new DecodeError(`expected a described section at byte ${pos}`);
    const start = pos;
    const descriptorStart = pos + 1;
    const valueStart = skipValue(bytes, descriptorStart);
    const code = sectionCode(bytes, descriptorStart, valueStart);
    const end = skipValue(bytes, valueStart);
    spans.push({ code, start, end, valueStart });
    pos = end;
  }
  return spans;
}

function sectionCode(bytes: Buffer, start: number, end: number): number {
  const ctor = bytes[start];
  if (ctor === 0x53) return bytes[start + 1];
  if (ctor === 0x80) return Number(bytes.readBigUInt64BE(start + 1));
  if (ctor === 0xa3 || ctor === 0xb3) {
    const headerLength = ctor === 0xa3 ? 2 : 5;
    const name = bytes.toString('latin1', start + headerLength, end);
    const code = SYMBOLIC_SECTIONS[name];
    if (code !== undefined) return code;
  }
  throw new DecodeError(`unknown message section descriptor at byte ${start}`);
}

/** Returns the position just after the AMQP value starting at `pos`. */
export function skipValue(bytes: Buffer, pos: number): number {
  need(bytes, pos, 1);
  const ctor = bytes[pos];
  if (ctor === 0x00) return skipValue(bytes, skipValue(bytes, pos + 1)); // descriptor, then value
  const body = pos + 1;
  let end: number;
  switch (ctor >> 4) {
    case 0x4: end = body; break;
    case 0x5: end = body + 1; break;
    case 0x6: end = body + 2; break;
    case 0x7: end = body + 4; break;
    case 0x8: end = body + 8; break;
    case 0x9: end = body + 16; break;
    case 0xa: case 0xc: case 0xe:
      need(bytes, body, 1);
      end = body + 1 + bytes[body];
      break;
    case 0xb: case 0xd: case 0xf:
      need(bytes, body, 4);
      end = body + 4 + bytes.readUInt32BE(body);
      break;
    default:
      throw new DecodeError(`invalid AMQP type constructor 0x${ctor.toString(16)} at byte ${pos}`);
  }
  if (end > bytes.length) throw new DecodeError(`AMQP value at byte ${pos} runs past the end of the message`);
  return end;
}

function need(bytes: Buffer, pos: number, n: number): void {
  if (pos + n > bytes.length) throw new DecodeError(`truncated AMQP value at byte ${pos}`);
}

/** The payload of a data section (vbin8 / vbin32), as a view into `bytes`. */
function dataPayload(bytes: Buffer, span: SectionSpan): Buffer {
  const ctor = bytes[span.valueStart];
  if (ctor === 0xa0) return bytes.subarray(span.valueStart + 2, span.end);
  if (ctor === 0xb0) return bytes.subarray(span.valueStart + 5, span.end);
  throw new DecodeError('a data section must hold binary');
}

export interface IncomingEvent {
  /** The event as the producer encoded it. */
  bytes: Buffer;
  partitionKey: string | undefined;
}

/**
 * Turns one transfer into the events it carries: a batch envelope yields one event per data
 * section; any other message is a single event. The partition key comes from the event itself
 * or, failing that, from the envelope (the SDK copies the first event's annotations there).
 */
export function eventsFromTransfer(bytes: Buffer, format: number): IncomingEvent[] {
  if (format !== BATCH_MESSAGE_FORMAT) return [{ bytes, partitionKey: partitionKeyOf(bytes, scanSections(bytes)) }];
  const spans = scanSections(bytes);
  const envelopeKey = partitionKeyOf(bytes, spans);
  const events: IncomingEvent[] = [];
  for (const span of spans) {
    if (span.code !== Section.data) continue;
    const inner = dataPayload(bytes, span);
    events.push({ bytes: inner, partitionKey: partitionKeyOf(inner, scanSections(inner)) ?? envelopeKey });
  }
  return events;
}

function partitionKeyOf(bytes: Buffer, spans: SectionSpan[]): string | undefined {
  const span = spans.find((s) => s.code === Section.messageAnnotations);
  if (!span) return undefined;
  const annotations = decodeMessage(bytes.subarray(span.start, span.end)).message_annotations;
  const key = annotations?.['x-opt-partition-key'];
  return typeof key === 'string' ? key : key === undefined || key === null ? undefined : String(key);
}

/** Annotations owned by the service: whatever a producer put there is replaced. */
const SERVICE_ANNOTATIONS = new Set([
  'x-opt-sequence-number',
  'x-opt-offset',
  'x-opt-enqueued-time',
  'x-opt-partition-key',
]);

export interface ServiceAnnotations {
  sequenceNumber: number;
  offset: string;
  enqueuedTimeMs: number;
  partitionKey: string | undefined;
}

export interface StampedMessage {
  bytes: Buffer;
  /** Where a delivery-annotations section goes (right after the header, if any). */
  deliveryAnnotationsAt: number;
}

/**
 * Re-assembles an event as header + merged message annotations + the rest verbatim, dropping the
 * producer's delivery annotations (they are per-hop by definition).
 */
export function stampEvent(event: Buffer, service: ServiceAnnotations): StampedMessage {
  const spans = scanSections(event);
  const header = spans.find((s) => s.code === Section.header);
  const existing = spans.find((s) => s.code === Section.messageAnnotations);
  const rest = spans.filter((s) => s.code > Section.messageAnnotations);

  const entries: [string, Typed][] = [];
  if (existing) {
    const items = (decodeTyped(event.subarray(existing.valueStart, existing.end)).value ?? []) as Typed[];
    for (let i = 0; i + 1 < items.length; i += 2) {
      const key = String(items[i].value);
      if (!SERVICE_ANNOTATIONS.has(key)) entries.push([key, items[i + 1]]);
    }
  }
  entries.push(['x-opt-sequence-number', wrap.long(service.sequenceNumber)]);
  entries.push(['x-opt-offset', wrap.string(service.offset)]);
  entries.push(['x-opt-enqueued-time', wrap.timestamp(service.enqueuedTimeMs)]);
  if (service.partitionKey !== undefined) entries.push(['x-opt-partition-key', wrap.string(service.partitionKey)]);

  const headerBytes = header ? event.subarray(header.start, header.end) : Buffer.alloc(0);
  const annotations = encodeTyped(wrap.symbolMapSection(Section.messageAnnotations, entries));
  return {
    bytes: Buffer.concat([headerBytes, annotations, ...rest.map((s) => event.subarray(s.start, s.end))]),
    deliveryAnnotationsAt: headerBytes.length,
  };
}

/** Inserts a delivery-annotations section (the runtime metrics a receiver may ask for). */
export function withDeliveryAnnotations(message: StampedMessage, entries: readonly (readonly [string, Typed])[]): Buffer {
  const section = encodeTyped(wrap.symbolMapSection(Section.deliveryAnnotations, entries));
  const at = message.deliveryAnnotationsAt;
  return Buffer.concat([message.bytes.subarray(0, at), section, message.bytes.subarray(at)]);
}

export type BodyType = 'data' | 'sequence' | 'value' | 'none';

export interface DecodedEvent {
  bodyType: BodyType;
  /** Buffer for a data body (sections concatenated), the list(s) for a sequence, the value otherwise. */
  body: unknown;
  properties: Record<string, unknown> | undefined;
  messageId: unknown;
  contentType: string | undefined;
}

/** Full decode, for inspection hooks only (the hot path never decodes bodies). */
export function decodeEvent(bytes: Buffer): DecodedEvent {
  const spans = scanSections(bytes);
  const message = decodeMessage(bytes) as ReturnType<typeof decodeMessage> & { content_type?: unknown };
  let bodyType: BodyType = 'none';
  let body: unknown;
  const dataSpans = spans.filter((s) => s.code === Section.data);
  if (dataSpans.length > 0) {
    bodyType = 'data';
    body = Buffer.concat(dataSpans.map((s) => dataPayload(bytes, s)));
  } else if (spans.some((s) => s.code === Section.sequence)) {
    bodyType = 'sequence';
    const section = message.body as { content?: unknown } | undefined;
    body = section?.content;
  } else if (spans.some((s) => s.code === Section.value)) {
    bodyType = 'value';
    body = message.body;
  }
  return {
    bodyType,
    body,
    properties: message.application_properties,
    messageId: message.message_id,
    contentType: typeof message.content_type === 'string' ? message.content_type : undefined,
  };
}
