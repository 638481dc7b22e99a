/** Public types of the embedded Event Hubs endpoint. */
import type { HubStats } from './hub-registry.ts';
import type { BodyType } from './message-codec.ts';

export type { HubStats };
export type { PartitionStats } from './partition-store.ts';

export interface EventHubsEndpointOptions {
  /** Interface to listen on. Default '127.0.0.1'. */
  host?: string;
  /** TCP port; 0 picks a free one. Default 5672 (the port clients assume with UseDevelopmentEmulator=true). */
  port?: number;
  /** Partitions per hub: one count for all (default 4), or a default plus per-hub overrides. */
  partitions?: number | { default?: number; perHub?: Record<string, number> };
  /** Consumer groups every hub has besides `$Default`. */
  consumerGroups?: string[];
  /** Create a hub the first time a client refers to it. Default true. */
  createHubsOnDemand?: boolean;
  /** Hubs created at start. */
  hubs?: string[];
  /** In-memory retention per partition; the oldest events are dropped first. Default 100,000 events / 256 MiB. */
  retention?: { maxEventsPerPartition?: number; maxBytesPerPartition?: number };
  /** Largest accepted transfer (a whole batch), advertised on send links. Default 1 MiB; the Basic tier has 256 KiB. */
  maxMessageSize?: number;
  /** SAS policy name clients must sign with. Default 'RootManageSharedAccessKey'. */
  sasKeyName?: string;
  /** SAS key. Default 'SAS_KEY_VALUE' (the Event Hubs emulator's). */
  sasKey?: string;
  /** Name used in error texts (`sb://<namespace>/<hub>`). Default '<host>:<port>'. */
  namespace?: string;
  /** Receives one line per notable protocol problem (refused links, failed auth, socket errors). */
  log?: (line: string) => void;
}

/** One stored event, as reported to `onEvent` listeners (bodies are not decoded on this path). */
export interface EndpointEvent {
  hub: string;
  partitionId: string;
  sequenceNumber: number;
  offset: string;
  enqueuedTime: Date;
  partitionKey: string | undefined;
  /** Encoded size in bytes, service annotations included. */
  size: number;
}

/** A stored event read back with `readEvents`, decoded. */
export interface ReadEvent extends EndpointEvent {
  bodyType: BodyType;
  /** A Buffer for data bodies (what the Azure SDKs send; JSON for objects and strings), else the AMQP value. */
  body: unknown;
  properties: Record<string, unknown> | undefined;
  messageId: unknown;
  contentType: string | undefined;
}

export interface ReadEventsOptions {
  /** Default: the oldest retained event. */
  fromSequenceNumber?: number;
  /** Default 1000. */
  maxCount?: number;
}

export interface EndpointStats {
  /** Open client connections. */
  connections: number;
  hubs: HubStats[];
}

export interface EventHubsEndpoint {
  readonly host: string;
  readonly port: number;
  readonly namespace: string;
  /** `Endpoint=sb://host:port;SharedAccessKeyName=…;SharedAccessKey=…;UseDevelopmentEmulator=true[;EntityPath=hub]` */
  connectionString(hubName?: string): string;
  hubNames(): string[];
  stats(): EndpointStats;
  /** Observes every stored event; returns the unsubscribe function. */
  onEvent(listener: (event: EndpointEvent) => void): () => void;
  /** Reads retained events of one partition (throws for an unknown hub or partition). */
  readEvents(hubName: string, partitionId: string, options?: ReadEventsOptions): ReadEvent[];
  /** Closes all client connections and frees the port. */
  close(): Promise<void>;
}
