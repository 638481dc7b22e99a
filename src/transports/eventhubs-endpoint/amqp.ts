/**
 * The one place that touches rhea directly. rhea's typings are mostly `any`; everything the rest of
 * the endpoint needs from it is re-exported here behind narrow, explicit types.
 */
import rhea from 'rhea';
import type { Connection, Delivery, EventContext, Receiver, Sender, Typed } from 'rhea';

export type { Connection, Delivery, EventContext, Receiver, Sender, Typed };
export type Link = Sender | Receiver;

/** An AMQP error as it travels in detach/close/rejected frames. */
export interface AmqpError {
  condition: string;
  description: string;
}

/** The decoded form of an AMQP message, as rhea produces and consumes it. */
export interface AmqpMessage {
  message_id?: unknown;
  correlation_id?: unknown;
  reply_to?: string;
  to?: string;
  body?: unknown;
  application_properties?: Record<string, unknown>;
  message_annotations?: Record<string, unknown>;
}

// rhea's Reader/Writer exist at runtime on `types` but are not declared there.
interface ValueWriter {
  write(value: Typed): void;
  toBuffer(): Buffer;
}
interface ValueReader {
  read(): Typed;
}
const codec = rhea.types as unknown as {
  Writer: new () => ValueWriter;
  Reader: new (bytes: Buffer) => ValueReader;
};
export const encodeMessage = (message: AmqpMessage): Buffer => rhea.message.encode(message);
export const decodeMessage = (bytes: Buffer): AmqpMessage => rhea.message.decode(bytes) as AmqpMessage;
export const createContainer = () => rhea.create_container();

/** Encodes one already-typed AMQP value (e.g. a described section) to bytes. */
export function encodeTyped(value: Typed): Buffer {
  const writer = new codec.Writer();
  writer.write(value);
  return writer.toBuffer();
}

/** Decodes one AMQP value at the start of `bytes`, keeping its wire types. */
export function decodeTyped(bytes: Buffer): Typed {
  return new codec.Reader(bytes).read();
}

export const wrap = {
  long: (n: number): Typed => rhea.types.wrap_long(n) as Typed,
  int: (n: number): Typed => rhea.types.wrap_int(n),
  string: (s: string): Typed => rhea.types.wrap_string(s),
  symbol: (s: string): Typed => rhea.types.wrap_symbol(s),
  timestamp: (ms: number): Typed => rhea.types.wrap_timestamp(ms),
  boolean: (b: boolean): Typed => rhea.types.wrap_boolean(b),
  stringArray: (items: readonly string[]): Typed => rhea.types.wrap_array([...items], 0xa1, undefined),
  /** A map with symbol keys, the shape of message- and delivery-annotation sections. */
  symbolMapSection: (code: number, entries: readonly (readonly [string, Typed])[]): Typed => {
    const items: Typed[] = [];
    for (const [k, v] of entries) items.push(rhea.types.wrap_symbol(k), v);
    return rhea.types.described_nc(rhea.types.wrap_ulong(code), mapOf(items)) as Typed;
  },
};

function mapOf(items: Typed[]): Typed {
  // Map32 is created by rhea's define_type; its typing is not exported.
  const factory = (rhea.types as unknown as { Map32: (items: Typed[]) => Typed }).Map32;
  return factory(items);
}

/** Reads a string out of a value that rhea may hand over raw or still wrapped in a Typed. */
export function plainValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'type' in value && 'value' in value) {
    return plainValue((value as { value: unknown }).value);
  }
  return value;
}

/** Reads a link's source or target address; undefined for a null terminus. */
export function terminusAddress(terminus: unknown): string | undefined {
  if (terminus === null || typeof terminus !== 'object') return undefined;
  const address = (terminus as { address?: unknown }).address;
  return typeof address === 'string' ? address : undefined;
}

/** The selector-filter text from a receiver's source, if any. */
export function selectorFilter(source: unknown): string | undefined {
  if (source === null || typeof source !== 'object') return undefined;
  const filter = (source as { filter?: unknown }).filter;
  if (filter === null || typeof filter !== 'object') return undefined;
  for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
    if (key === 'apache.org:selector-filter:string' || key.endsWith('selector-filter:string')) {
      const text = plainValue(value);
      return typeof text === 'string' ? text : undefined;
    }
  }
  return undefined;
}

/** Reads the remote attach frame fields this endpoint cares about. */
export function remoteAttach(link: Link): {
  name: string;
  source: unknown;
  target: unknown;
  properties: Record<string, unknown>;
  desiredCapabilities: string[];
  sndSettleMode: number | undefined;
  rcvSettleMode: number | undefined;
} {
  const caps = link.desired_capabilities;
  const desired = Array.isArray(caps) ? caps.map(String) : typeof caps === 'string' ? [caps] : [];
  const props = link.properties;
  return {
    name: link.name,
    source: link.source,
    target: link.target,
    properties: props !== null && typeof props === 'object' ? (props as Record<string, unknown>) : {},
    desiredCapabilities: desired,
    sndSettleMode: typeof link.snd_settle_mode === 'number' ? link.snd_settle_mode : undefined,
    rcvSettleMode: typeof link.rcv_settle_mode === 'number' ? link.rcv_settle_mode : undefined,
  };
}

/** Fields of the local attach frame that have to be set before rhea writes it (on the next tick). */
interface LocalAttach {
  max_message_size?: number;
  snd_settle_mode?: number;
  rcv_settle_mode?: number;
  offered_capabilities?: string[];
  properties?: Record<string, unknown>;
}

export function localAttach(link: Link): LocalAttach {
  return (link as unknown as { local: { attach: LocalAttach } }).local.attach;
}

/**
 * Echoes the peer's source and target on our attach, as the service does (go-amqp and other SDKs
 * check the echo). The unwrapped terminus still holds its wire-typed fields, so re-describing it
 * reproduces it exactly, filter included.
 */
export function echoTermini(link: Link, source: unknown, target: unknown): void {
  const local = (link as unknown as { local: { attach: { source?: unknown; target?: unknown } } }).local.attach;
  if (isDescribable(source)) local.source = source.described();
  if (isDescribable(target)) local.target = target.described();
}

function isDescribable(value: unknown): value is { described(): Typed } {
  return value !== null && typeof value === 'object' && typeof (value as { described?: unknown }).described === 'function';
}

/** Sends a message rhea encodes itself. */
export function sendMessage(sender: Sender, message: AmqpMessage): Delivery {
  return sender.send(message as Parameters<Sender['send']>[0]);
}

/** Sends bytes that are already an encoded AMQP message (format 0). */
export function sendEncoded(sender: Sender, bytes: Buffer): Delivery {
  return sender.send(bytes, undefined, 0);
}

/** The SASL mechanism and user a server connection authenticated with (rhea keeps this internally). */
export function saslIdentity(connection: Connection): { mechanism?: string; username?: string } {
  const transport = (connection as unknown as { sasl_transport?: unknown }).sasl_transport;
  const server =
    transport && typeof transport === 'object' && 'transports' in transport
      ? (transport as { transports: Record<number, unknown> }).transports[3]
      : transport;
  if (!server || typeof server !== 'object') return {};
  const mech = (server as { mechanism?: { name?: unknown; username?: unknown } }).mechanism;
  const outcome = (server as { outcome?: unknown }).outcome;
  if (!mech || outcome !== 0) return {};
  return {
    mechanism: typeof mech.name === 'string' ? mech.name : undefined,
    username: typeof mech.username === 'string' ? mech.username : undefined,
  };
}

/**
 * How many more deliveries a sender may queue. rhea lowers `credit` only when it writes the
 * transfer (on the next tick), so deliveries queued but not yet written are subtracted here.
 */
export function remainingCredit(sender: Sender, submitted: number): number {
  const state = sender as unknown as { credit: number; delivery_count: number };
  if (!sender.sendable()) return 0;
  return state.credit - (submitted - state.delivery_count);
}
