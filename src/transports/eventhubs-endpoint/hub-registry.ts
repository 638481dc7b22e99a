/**
 * The namespace's event hubs: partitions, consumer groups and routing of incoming batches.
 * Hub and consumer-group names are case-insensitive, as on the service; the first spelling is kept.
 */
import { EndpointError, Condition, entityNotFound } from './errors.ts';
import { isValidHubName } from './entity-path.ts';
import type { IncomingEvent } from './message-codec.ts';
import { partitionIndexForKey } from './partition-key.ts';
import { PartitionStore, type PartitionStats, type RetentionLimits } from './partition-store.ts';

export const DEFAULT_CONSUMER_GROUP = '$Default';

export interface HubSettings {
  namespace: string;
  partitionCountFor: (hubName: string) => number;
  consumerGroups: readonly string[];
  createHubsOnDemand: boolean;
  retention: RetentionLimits;
}

export class Hub {
  readonly name: string;
  readonly createdAt: Date;
  readonly partitions: readonly PartitionStore[];
  private readonly consumerGroups = new Map<string, string>();
  private roundRobin = 0;

  constructor(name: string, partitionCount: number, consumerGroups: readonly string[], retention: RetentionLimits) {
    this.name = name;
    this.createdAt = new Date();
    this.partitions = Array.from({ length: partitionCount }, (_, i) => new PartitionStore(String(i), retention));
    for (const group of [DEFAULT_CONSUMER_GROUP, ...consumerGroups]) this.consumerGroups.set(group.toLowerCase(), group);
  }

  get partitionIds(): string[] {
    return this.partitions.map((p) => p.id);
  }

  /** Partition ids are the decimal indexes "0".."n-1", nothing else. */
  partition(id: string): PartitionStore | undefined {
    if (!/^(0|[1-9]\d*)$/.test(id)) return undefined;
    return this.partitions[Number(id)];
  }

  consumerGroup(name: string): string | undefined {
    return this.consumerGroups.get(name.toLowerCase());
  }

  consumerGroupNames(): string[] {
    return [...this.consumerGroups.values()];
  }

  /**
   * Picks the partition for a batch sent to the hub itself: by partition key (the service's hash)
   * or round-robin. A batch always stays together on one partition.
   */
  route(events: readonly IncomingEvent[]): PartitionStore {
    const key = events.find((e) => e.partitionKey !== undefined)?.partitionKey;
    if (key !== undefined) return this.partitions[partitionIndexForKey(key, this.partitions.length)];
    const partition = this.partitions[this.roundRobin % this.partitions.length];
    this.roundRobin = (this.roundRobin + 1) % this.partitions.length;
    return partition;
  }

  stats(): HubStats {
    return {
      name: this.name,
      createdAt: this.createdAt,
      consumerGroups: this.consumerGroupNames(),
      partitions: this.partitions.map((p) => p.stats()),
    };
  }
}

export interface HubStats {
  name: string;
  createdAt: Date;
  consumerGroups: string[];
  partitions: PartitionStats[];
}

export class HubRegistry {
  private readonly hubs = new Map<string, Hub>();
  private readonly settings: HubSettings;

  constructor(settings: HubSettings) {
    this.settings = settings;
  }

  get namespace(): string {
    return this.settings.namespace;
  }

  get(name: string): Hub | undefined {
    return this.hubs.get(name.toLowerCase());
  }

  /** Creates the hub if it does not exist yet (regardless of the on-demand setting). */
  create(name: string): Hub {
    const existing = this.get(name);
    if (existing) return existing;
    if (!isValidHubName(name)) {
      throw new EndpointError(Condition.argumentError, `'${name}' is not a valid event hub name.`, 400);
    }
    const count = this.settings.partitionCountFor(name);
    const hub = new Hub(name, count, this.settings.consumerGroups, this.settings.retention);
    this.hubs.set(name.toLowerCase(), hub);
    return hub;
  }

  /** The hub a request refers to: created on first reference when allowed, otherwise not-found. */
  resolve(name: string): Hub {
    const hub = this.get(name);
    if (hub) return hub;
    if (!this.settings.createHubsOnDemand || !isValidHubName(name)) {
      throw entityNotFound(this.namespace, name);
    }
    return this.create(name);
  }

  all(): Hub[] {
    return [...this.hubs.values()];
  }
}
