/**
 * The AMQP listener: accepts connections, routes each attached link to its role ($cbs,
 * $management, producer, consumer) and keeps per-connection state. Every rhea event handler is
 * guarded, so a misbehaving client gets an AMQP error rather than taking the process down.
 */
import type { AddressInfo, Server, Socket } from 'node:net';
import {
  createContainer,
  echoTermini,
  localAttach,
  plainValue,
  remoteAttach,
  saslIdentity,
  selectorFilter,
  sendMessage,
  terminusAddress,
  type AmqpError,
  type AmqpMessage,
  type Connection,
  type EventContext,
  type Link,
  type Receiver,
  type Sender,
} from './amqp.ts';
import { ConnectionAuth, handleCbsRequest } from './cbs.ts';
import { ConsumerLink } from './consumer-link.ts';
import { entityPathOf, parseLinkAddress, type LinkAddress } from './entity-path.ts';
import { amqpError, Condition, EndpointError, entityNotFound, toAmqpError } from './errors.ts';
import { HubRegistry, type Hub } from './hub-registry.ts';
import { handleManagementRequest } from './management.ts';
import { decodeEvent } from './message-codec.ts';
import { OwnerLevelArbiter } from './owner-level.ts';
import { parseStartFilter, type PartitionStore, type StoredEvent } from './partition-store.ts';
import { ProducerLink } from './producer-link.ts';
import type { SasPolicy } from './sas.ts';
import type {
  EndpointEvent,
  EndpointStats,
  EventHubsEndpoint,
  EventHubsEndpointOptions,
  ReadEvent,
  ReadEventsOptions,
} from './types.ts';

const DEFAULTS = {
  host: '127.0.0.1',
  port: 5672,
  partitions: 4,
  maxEventsPerPartition: 100_000,
  maxBytesPerPartition: 256 * 1024 * 1024,
  maxMessageSize: 1024 * 1024,
  sasKeyName: 'RootManageSharedAccessKey',
  sasKey: 'SAS_KEY_VALUE',
};

/** Credit we grant producers per link; rhea tops it up as transfers arrive. */
const PRODUCER_CREDIT = 300;
const CLOSE_GRACE_MS = 1000;

type LinkRole =
  | { kind: 'cbs' | 'management' | 'reply' }
  | { kind: 'producer'; producer: ProducerLink }
  | { kind: 'consumer'; consumer: ConsumerLink };

interface ConnectionState {
  auth: ConnectionAuth;
  /** `$cbs` / `$management` reply links by link name and by target address (the reply-to). */
  replySenders: Map<string, Sender>;
  links: Map<Link, LinkRole>;
}

export async function startEventHubsEndpoint(options: EventHubsEndpointOptions = {}): Promise<EventHubsEndpoint> {
  const settings = resolveSettings(options);
  const log = options.log ?? (() => undefined);
  const policy: SasPolicy = { keyName: settings.sasKeyName, key: settings.sasKey };
  let namespace = options.namespace ?? '';
  const hubs = new HubRegistry({
    get namespace() {
      return namespace;
    },
    partitionCountFor: settings.partitionCountFor,
    consumerGroups: settings.consumerGroups,
    createHubsOnDemand: settings.createHubsOnDemand,
    retention: settings.retention,
  });
  for (const name of settings.hubs) hubs.create(name);

  const arbiter = new OwnerLevelArbiter();
  const connections = new Map<Connection, ConnectionState>();
  const eventListeners = new Set<(event: EndpointEvent) => void>();
  let closing = false;

  const stateOf = (connection: Connection): ConnectionState => {
    let state = connections.get(connection);
    if (!state) {
      state = { auth: new ConnectionAuth(), replySenders: new Map(), links: new Map() };
      connections.set(connection, state);
    }
    return state;
  };

  const notifyStored = (hub: Hub, partition: PartitionStore, events: readonly StoredEvent[]): void => {
    if (eventListeners.size === 0) return;
    for (const event of events) {
      const info = toEndpointEvent(hub, partition, event);
      for (const listener of eventListeners) {
        try {
          listener(info);
        } catch (err) {
          log(`onEvent listener threw: ${String(err)}`);
        }
      }
    }
  };

  const refuse = (link: Link, error: AmqpError): void => {
    log(`refused link '${link.name}': ${error.condition}: ${error.description}`);
    link.close(error);
  };

  /** Disposes what a link held (consumer subscription, owner-level slot, reply registration). */
  const forgetLink = (state: ConnectionState, link: Link): void => {
    const role = state.links.get(link);
    state.links.delete(link);
    if (role?.kind === 'consumer') role.consumer.dispose();
    if (role?.kind === 'reply') {
      for (const [key, sender] of state.replySenders) if (sender === link) state.replySenders.delete(key);
    }
  };

  const forgetConnection = (connection: Connection): void => {
    const state = connections.get(connection);
    if (!state) return;
    for (const link of [...state.links.keys()]) forgetLink(state, link);
    connections.delete(connection);
  };

  const requireGrant = (state: ConnectionState, address: LinkAddress, claim: string): void => {
    const path = entityPathOf(address);
    if (path !== undefined && !state.auth.isAuthorized(path)) {
      throw new EndpointError(
        Condition.unauthorized,
        `Unauthorized access. '${claim}' claim(s) are required to perform this operation. Resource: 'sb://${namespace}/${path}'. Send a $cbs put-token for it first.`,
        401,
      );
    }
  };

  const partitionOf = (hub: Hub, id: string): PartitionStore => {
    const partition = hub.partition(id);
    if (!partition) {
      throw new EndpointError(
        Condition.argumentOutOfRange,
        `The specified partition '${id}' is invalid for an EventHub partition sender or receiver. It should be between 0 and ${hub.partitions.length - 1}.`,
        400,
      );
    }
    return partition;
  };

  /** The client opened a sender: we receive on `$cbs`, `$management` or a hub/partition. */
  const onReceiverOpen = (receiver: Receiver): void => {
    const state = stateOf(receiver.connection);
    const remote = remoteAttach(receiver);
    const address = parseLinkAddress(terminusAddress(remote.target));
    let role: LinkRole;
    switch (address.kind) {
      case 'cbs':
      case 'management':
        role = { kind: address.kind };
        break;
      case 'hub':
      case 'partition': {
        requireGrant(state, address, 'Send');
        const hub = hubs.resolve(address.hub);
        const partition = address.kind === 'partition' ? partitionOf(hub, address.partitionId) : undefined;
        localAttach(receiver).max_message_size = settings.maxMessageSize;
        role = {
          kind: 'producer',
          producer: new ProducerLink({ hub, partition, maxMessageSize: settings.maxMessageSize, onStored: notifyStored }),
        };
        break;
      }
      case 'consumer':
        throw new EndpointError(Condition.notAllowed, `Cannot send to '${terminusAddress(remote.target)}': consumer group addresses are for receiving.`);
      default:
        throw entityNotFound(namespace, address.path || '(no address)');
    }
    const attach = localAttach(receiver);
    attach.rcv_settle_mode = 0;
    if (remote.sndSettleMode !== undefined) attach.snd_settle_mode = remote.sndSettleMode;
    echoTermini(receiver, remote.source, remote.target);
    state.links.set(receiver, role);
  };

  /** The client opened a receiver: we send `$cbs`/`$management` replies or a partition's events. */
  const onSenderOpen = (sender: Sender): void => {
    const state = stateOf(sender.connection);
    const remote = remoteAttach(sender);
    const sourceAddress = terminusAddress(remote.source);
    const address = parseLinkAddress(sourceAddress);
    const attach = localAttach(sender);
    if (remote.rcvSettleMode !== undefined) attach.rcv_settle_mode = remote.rcvSettleMode;

    if (address.kind === 'cbs' || address.kind === 'management') {
      attach.snd_settle_mode = remote.sndSettleMode ?? 2;
      echoTermini(sender, remote.source, remote.target);
      state.links.set(sender, { kind: 'reply' });
      state.replySenders.set(sender.name, sender);
      const replyTo = terminusAddress(remote.target);
      if (replyTo) state.replySenders.set(replyTo, sender);
      return;
    }
    if (address.kind === 'hub' || address.kind === 'partition') {
      throw new EndpointError(
        Condition.notAllowed,
        `Cannot receive from '${sourceAddress}': use '<hub>/ConsumerGroups/<consumer group>/Partitions/<id>'.`,
      );
    }
    if (address.kind !== 'consumer') throw entityNotFound(namespace, address.path || '(no address)');

    requireGrant(state, address, 'Listen');
    const hub = hubs.resolve(address.hub);
    const consumerGroup = hub.consumerGroup(address.consumerGroup);
    if (!consumerGroup) throw entityNotFound(namespace, `${hub.name}/consumergroups/${address.consumerGroup}`);
    const partition = partitionOf(hub, address.partitionId);
    const start = startSequenceFor(partition, selectorFilter(remote.source));
    const ownerLevel = ownerLevelOf(remote.properties['com.microsoft:epoch']);
    const key = `${hub.name}/${consumerGroup}/${partition.id}`.toLowerCase();

    const consumer = new ConsumerLink({
      sender,
      partition,
      startSequenceNumber: start,
      ownerLevel,
      runtimeMetric: remote.desiredCapabilities.includes('com.microsoft:enable-receiver-runtime-metric'),
      onDisposed: (link) => arbiter.release(key, link),
    });
    const refusal = arbiter.admit(key, consumer);
    if (refusal) {
      refuse(sender, refusal);
      return;
    }
    // Event Hubs consumers do not settle: deliveries go pre-settled unless the client insists.
    attach.snd_settle_mode = remote.sndSettleMode === 0 ? 0 : 1;
    echoTermini(sender, remote.source, remote.target);
    if (remote.desiredCapabilities.includes('com.microsoft:enable-receiver-runtime-metric')) {
      attach.offered_capabilities = ['com.microsoft:enable-receiver-runtime-metric'];
    }
    state.links.set(sender, { kind: 'consumer', consumer });
    consumer.start();
  };

  const onMessage = (context: EventContext): void => {
    const receiver = context.receiver;
    const delivery = context.delivery;
    if (!receiver || !delivery) return;
    const state = stateOf(receiver.connection);
    const role = state.links.get(receiver);
    if (role?.kind === 'producer') {
      const payload = context.message as Buffer | AmqpMessage;
      role.producer.onTransfer(payload, (context as { format?: number }).format, delivery);
      return;
    }
    if (role?.kind === 'cbs' || role?.kind === 'management') {
      delivery.accept();
      const message = context.message as AmqpMessage | Buffer;
      if (Buffer.isBuffer(message)) return; // a custom format makes no sense here; nothing to answer
      const reply =
        role.kind === 'cbs'
          ? handleCbsRequest(message, state.auth, { policy, hubs })
          : handleManagementRequest(message, state.auth, { policy, hubs });
      const replyTo = typeof message.reply_to === 'string' ? message.reply_to : undefined;
      const replySender = replyTo ? state.replySenders.get(replyTo) : undefined;
      const status = plainValue(reply.application_properties?.['status-code']);
      if (status !== 200 && status !== 202) {
        log(`${role.kind} request failed (${String(status)}): ${String(reply.application_properties?.['status-description'])}`);
      }
      if (!replySender || !replySender.is_open()) {
        log(`${role.kind} request with reply_to '${String(replyTo)}' has no reply link; dropped`);
        return;
      }
      sendMessage(replySender, reply); // rhea queues it until the client grants credit
      return;
    }
    delivery.reject(amqpError(Condition.notAllowed, 'This link does not accept messages.'));
  };

  const consumerOf = (context: EventContext): ConsumerLink | undefined => {
    const sender = context.sender;
    if (!sender) return undefined;
    const role = connections.get(sender.connection)?.links.get(sender);
    return role?.kind === 'consumer' ? role.consumer : undefined;
  };

  const container = createContainer();
  const mechanisms = container.sasl_server_mechanisms as Record<string, () => object>;
  mechanisms.ANONYMOUS = () => new AcceptingMechanism('ANONYMOUS');
  // .NET and Java clients announce CBS through this mechanism name (an EXTERNAL alias).
  mechanisms.MSSBCBS = () => new AcceptingMechanism('MSSBCBS');
  mechanisms.PLAIN = () => new PlainMechanism(policy);

  /** Runs a handler; if it throws, the link it concerns is closed with the error instead. */
  const guard =
    (name: string, handler: (context: EventContext) => void) =>
    (context: EventContext): void => {
      try {
        handler(context);
      } catch (err) {
        const link: Link | undefined = context.sender ?? context.receiver;
        const error = toAmqpError(err);
        if (link && !link.is_closed()) refuse(link, error);
        else log(`${name} handler failed: ${error.description}`);
      }
    };

  container.on('connection_open', guard('connection_open', (ctx) => {
    const state = stateOf(ctx.connection);
    if (saslIdentity(ctx.connection).mechanism === 'PLAIN') state.auth.grantNamespace();
    if (closing) ctx.connection.close(shutdownError());
  }));
  container.on('receiver_open', guard('receiver_open', (ctx) => ctx.receiver && onReceiverOpen(ctx.receiver)));
  container.on('sender_open', guard('sender_open', (ctx) => ctx.sender && onSenderOpen(ctx.sender)));
  container.on('message', guard('message', onMessage));
  container.on('sendable', guard('sendable', (ctx) => consumerOf(ctx)?.pump()));
  container.on('settled', guard('settled', (ctx) => consumerOf(ctx)?.pump()));
  container.on('sender_draining', guard('sender_draining', (ctx) => consumerOf(ctx)?.onDrainRequested()));
  for (const event of ['sender_close', 'receiver_close', 'sender_error', 'receiver_error']) {
    container.on(event, guard(event, (ctx) => {
      const link = ctx.sender ?? ctx.receiver;
      const state = link ? connections.get(link.connection) : undefined;
      if (link && state) forgetLink(state, link);
    }));
  }
  for (const event of ['session_close', 'session_error']) {
    container.on(event, guard(event, (ctx) => {
      const state = connections.get(ctx.connection);
      if (!state || !ctx.session) return;
      for (const link of [...state.links.keys()]) if (link.session === ctx.session) forgetLink(state, link);
    }));
  }
  for (const event of ['connection_close', 'connection_error', 'disconnected']) {
    container.on(event, guard(event, (ctx) => {
      if (ctx.error) log(`connection ${event}: ${String(ctx.error)}`);
      forgetConnection(ctx.connection);
    }));
  }
  // Without these listeners rhea would rethrow decode and protocol errors out of the socket handler.
  container.on('error', (err: unknown) => log(`AMQP error: ${String(err)}`));
  container.on('protocol_error', (err: unknown) => log(`AMQP protocol error: ${String(err)}`));

  const server = container.listen({
    host: settings.host,
    port: settings.port,
    // Per-connection defaults for links the clients open: we settle producer deliveries ourselves.
    receiver_options: { credit_window: PRODUCER_CREDIT, autoaccept: false },
  } as Parameters<typeof container.listen>[0]) as Server;
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (err) => log(`listener error: ${String(err)}`));

  const port = (server.address() as AddressInfo).port;
  const uriHost = connectableHost(settings.host);
  if (!namespace) namespace = `${uriHost}:${port}`;

  const endpoint: EventHubsEndpoint = {
    host: settings.host,
    port,
    namespace,
    connectionString(hubName?: string): string {
      const parts = [
        `Endpoint=sb://${uriHost}:${port}`,
        `SharedAccessKeyName=${settings.sasKeyName}`,
        `SharedAccessKey=${settings.sasKey}`,
        'UseDevelopmentEmulator=true',
      ];
      if (hubName !== undefined) parts.push(`EntityPath=${hubName}`);
      return parts.join(';');
    },
    hubNames: () => hubs.all().map((h) => h.name),
    stats(): EndpointStats {
      return { connections: connections.size, hubs: hubs.all().map((h) => h.stats()) };
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    readEvents(hubName: string, partitionId: string, readOptions: ReadEventsOptions = {}): ReadEvent[] {
      const hub = hubs.get(hubName);
      if (!hub) throw new Error(`Unknown event hub '${hubName}'.`);
      const partition = hub.partition(partitionId);
      if (!partition) throw new Error(`Event hub '${hub.name}' has no partition '${partitionId}'.`);
      const from = readOptions.fromSequenceNumber ?? partition.firstRetainedSequenceNumber;
      return partition.slice(from, readOptions.maxCount ?? 1000).map((event) => ({
        ...toEndpointEvent(hub, partition, event),
        ...decodeEvent(event.message.bytes),
      }));
    },
    async close(): Promise<void> {
      if (closing) return closeDone;
      closing = true;
      closeDone = shutdown();
      return closeDone;
    },
  };
  let closeDone: Promise<void> = Promise.resolve();

  async function shutdown(): Promise<void> {
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const connection of connections.keys()) {
      try {
        connection.close(shutdownError());
      } catch {
        // already gone
      }
    }
    // Give clients a moment to answer the close, then cut whatever is left.
    const deadline = Date.now() + CLOSE_GRACE_MS;
    while (sockets.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    // With an error, so rhea sees the socket go and clears its heartbeat timers ('close' alone it ignores).
    for (const socket of sockets) socket.destroy(new Error('endpoint closed'));
    await serverClosed;
    for (const connection of [...connections.keys()]) forgetConnection(connection);
  }

  return endpoint;
}

function shutdownError(): AmqpError {
  return amqpError(Condition.connectionForced, 'The entrasim Event Hubs endpoint is shutting down.');
}

function toEndpointEvent(hub: Hub, partition: PartitionStore, event: StoredEvent): EndpointEvent {
  return {
    hub: hub.name,
    partitionId: partition.id,
    sequenceNumber: event.sequenceNumber,
    offset: String(event.offset),
    enqueuedTime: new Date(event.enqueuedTimeMs),
    partitionKey: event.partitionKey,
    size: event.message.bytes.length,
  };
}

/** Resolves the start sequence from the source filter (none → earliest). */
function startSequenceFor(partition: PartitionStore, filterText: string | undefined): number {
  if (filterText === undefined) return partition.resolveStart('earliest');
  const position = parseStartFilter(filterText);
  if (!position) {
    throw new EndpointError(Condition.argumentError, `Unsupported selector filter: ${filterText}`, 400);
  }
  try {
    return partition.resolveStart(position);
  } catch (err) {
    throw new EndpointError(Condition.argumentOutOfRange, err instanceof Error ? err.message : String(err), 400);
  }
}

/** `com.microsoft:epoch` arrives as a long: a number, or 8 bytes when beyond 2^53. */
function ownerLevelOf(value: unknown): number | undefined {
  const v = plainValue(value);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  if (Buffer.isBuffer(v) && v.length === 8) return Number(v.readBigInt64BE(0));
  return undefined;
}

function connectableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

interface ResolvedSettings {
  host: string;
  port: number;
  partitionCountFor: (hub: string) => number;
  consumerGroups: string[];
  createHubsOnDemand: boolean;
  hubs: string[];
  retention: { maxEvents: number; maxBytes: number };
  maxMessageSize: number;
  sasKeyName: string;
  sasKey: string;
}

function resolveSettings(options: EventHubsEndpointOptions): ResolvedSettings {
  const positiveInt = (name: string, value: number, max = Number.MAX_SAFE_INTEGER): number => {
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new RangeError(`${name} must be an integer between 1 and ${max}, got ${value}`);
    }
    return value;
  };
  const port = options.port ?? DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be 0..65535, got ${port}`);

  const partitions = options.partitions;
  const defaultCount = positiveInt(
    'partitions',
    typeof partitions === 'number' ? partitions : (partitions?.default ?? DEFAULTS.partitions),
    1024,
  );
  const perHub = new Map<string, number>();
  if (typeof partitions === 'object') {
    for (const [hub, count] of Object.entries(partitions.perHub ?? {})) {
      perHub.set(hub.toLowerCase(), positiveInt(`partitions.perHub['${hub}']`, count, 1024));
    }
  }
  const sasKeyName = options.sasKeyName ?? DEFAULTS.sasKeyName;
  const sasKey = options.sasKey ?? DEFAULTS.sasKey;
  if (!sasKeyName || !sasKey) throw new RangeError('sasKeyName and sasKey must not be empty');
  const consumerGroups = (options.consumerGroups ?? []).filter((g) => g.toLowerCase() !== '$default');
  for (const group of consumerGroups) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,255}$/.test(group)) throw new RangeError(`Invalid consumer group name '${group}'`);
  }
  return {
    host: options.host ?? DEFAULTS.host,
    port,
    partitionCountFor: (hub) => perHub.get(hub.toLowerCase()) ?? defaultCount,
    consumerGroups,
    createHubsOnDemand: options.createHubsOnDemand ?? true,
    hubs: options.hubs ?? [],
    retention: {
      maxEvents: positiveInt('retention.maxEventsPerPartition', options.retention?.maxEventsPerPartition ?? DEFAULTS.maxEventsPerPartition),
      maxBytes: positiveInt('retention.maxBytesPerPartition', options.retention?.maxBytesPerPartition ?? DEFAULTS.maxBytesPerPartition),
    },
    maxMessageSize: positiveInt('maxMessageSize', options.maxMessageSize ?? DEFAULTS.maxMessageSize),
    sasKeyName,
    sasKey,
  };
}

/** SASL mechanisms rhea drives: `start` sets `outcome`; `name` lets us see later which one was used. */
class AcceptingMechanism {
  readonly name: string;
  outcome: boolean | undefined;
  username: string | undefined;
  constructor(name: string) {
    this.name = name;
  }
  start(response?: Buffer): void {
    this.outcome = true;
    this.username = response && response.length > 0 ? response.toString('utf8') : undefined;
  }
}

/** SASL PLAIN with the SAS policy's key name and key, as Service Bus/Event Hubs accept it. */
class PlainMechanism {
  readonly name = 'PLAIN';
  outcome: boolean | undefined;
  username: string | undefined;
  private readonly policy: SasPolicy;
  constructor(policy: SasPolicy) {
    this.policy = policy;
  }
  start(response?: Buffer): void {
    const [, user, password] = (response ?? Buffer.alloc(0)).toString('utf8').split('\0');
    this.outcome = user === this.policy.keyName && password === this.policy.key;
    this.username = this.outcome ? user : undefined;
  }
}
