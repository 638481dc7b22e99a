/**
 * In-memory `GraphLogSource`: per (collection, version[, parent]) one array sorted by
 * (time, id) plus an id index. Appends are mostly at the end (records arrive roughly in
 * time order), so insertion is a push or a short splice near the tail; retention pruning
 * advances a head index instead of shifting the array; scans walk the array in place.
 */
import type { GraphResource } from '../../core/activity.ts';
import type { Category, GraphVersion } from '../../core/categories.ts';
import type { GraphCollection } from './collections.ts';
import { compareKeys, type GraphLogItem, type GraphLogKey, type GraphLogLookup, type GraphLogScan, type GraphLogSource } from './source.ts';

export interface GraphLogRecord extends GraphLogKey {
  readonly resource: GraphResource;
  /** Epoch ms from which Graph serves the record; default `time` + the configured delay. */
  readonly visibleAt?: number;
  /** Category that produced it, to pick a per-category ingestion delay. */
  readonly category?: Category;
  /** History items: the riskyUser / riskyServicePrincipal they belong to. */
  readonly parentId?: string;
}

export interface InMemoryGraphLogSourceOptions {
  /** Clock for retention pruning. */
  readonly now?: () => number;
  /**
   * How long records stay, per collection (ms). Defaults: 30 days for sign-in, audit,
   * provisioning and network logs (P1/P2 retention), 90 days for risk detections and
   * history; risky users / service principals are state, never pruned.
   */
  readonly retentionMs?: Partial<Record<GraphCollection, number>>;
  /** Ingestion delay before Graph serves a record, by category (first) or collection (ms). */
  readonly delayMs?: Partial<Record<GraphCollection | Category, number>>;
  /** Keep `JSON.stringify(resource)` with each record: faster pages, twice the memory. */
  readonly cacheJson?: boolean;
}

const DAY = 86_400_000;
const DEFAULT_RETENTION: Readonly<Record<GraphCollection, number>> = {
  signIns: 30 * DAY,
  directoryAudits: 30 * DAY,
  provisioning: 30 * DAY,
  customSecurityAttributeAudits: 30 * DAY,
  riskyUsers: Infinity,
  riskyUserHistory: 90 * DAY,
  riskDetections: 90 * DAY,
  riskyServicePrincipals: Infinity,
  riskyServicePrincipalHistory: 90 * DAY,
  servicePrincipalRiskDetections: 90 * DAY,
  networkAccessTraffic: 30 * DAY,
  remoteNetworkHealth: 30 * DAY,
};

interface Entry extends GraphLogItem {
  readonly visibleAt: number;
}

/** One ordered log: entries[head..] sorted ascending by (time, id). */
class SortedLog {
  private entries: Entry[] = [];
  private head = 0;
  private readonly byId = new Map<string, Entry>();

  get size(): number {
    return this.entries.length - this.head;
  }

  upsert(entry: Entry): void {
    const existing = this.byId.get(entry.id);
    if (existing) this.removeAt(this.indexOf(existing));
    const last = this.entries[this.entries.length - 1];
    if (this.size === 0 || !last || compareKeys(last, entry) < 0) this.entries.push(entry);
    else this.entries.splice(this.lowerBound(entry), 0, entry);
    this.byId.set(entry.id, entry);
  }

  get(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  /** Drops entries with time < cutoff. */
  prune(cutoff: number): void {
    while (this.head < this.entries.length && this.entries[this.head]!.time < cutoff) {
      this.byId.delete(this.entries[this.head]!.id);
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  *scan(scan: GraphLogScan): Generator<Entry> {
    const { entries, head } = this;
    const { now, from = -Infinity, to = Infinity } = scan;
    if (scan.order === 'desc') {
      let i = scan.after ? this.lowerBound(scan.after) - 1 : entries.length - 1;
      if (to !== Infinity) i = Math.min(i, this.upperBoundTime(to) - 1);
      for (; i >= head; i--) {
        const e = entries[i]!;
        if (e.time < from) return;
        if (e.visibleAt <= now) yield e;
      }
    } else {
      let i = scan.after ? this.upperBound(scan.after) : head;
      if (from !== -Infinity) i = Math.max(i, this.lowerBoundTime(from));
      for (; i < entries.length; i++) {
        const e = entries[i]!;
        if (e.time > to) return;
        if (e.visibleAt <= now) yield e;
      }
    }
  }

  private indexOf(entry: Entry): number {
    const i = this.lowerBound(entry);
    return this.entries[i] === entry ? i : this.entries.indexOf(entry, this.head);
  }

  private removeAt(i: number): void {
    if (i < this.head) return;
    const [removed] = this.entries.splice(i, 1);
    if (removed) this.byId.delete(removed.id);
  }

  /** First index whose key is >= key. */
  private lowerBound(key: GraphLogKey): number {
    let lo = this.head;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.entries[mid]!, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose key is > key. */
  private upperBound(key: GraphLogKey): number {
    let lo = this.head;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.entries[mid]!, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private lowerBoundTime(time: number): number {
    let lo = this.head;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.time < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private upperBoundTime(time: number): number {
    let lo = this.head;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.time <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class InMemoryGraphLogSource implements GraphLogSource {
  private readonly logs = new Map<string, SortedLog>();
  private readonly clock: () => number;
  private appendsSincePrune = 0;

  constructor(private readonly options: InMemoryGraphLogSourceOptions = {}) {
    this.clock = options.now ?? Date.now;
  }

  /** Adds a record, or replaces the one with the same id (state collections: riskyUsers). */
  append(collection: GraphCollection, version: GraphVersion, record: GraphLogRecord): void {
    const delay =
      (record.category !== undefined ? this.options.delayMs?.[record.category] : undefined) ??
      this.options.delayMs?.[collection] ??
      0;
    const entry: Entry = {
      time: record.time,
      id: record.id,
      resource: record.resource,
      visibleAt: record.visibleAt ?? record.time + delay,
      ...(this.options.cacheJson ? { json: JSON.stringify(record.resource) } : {}),
    };
    this.log(collection, version, record.parentId, true)!.upsert(entry);
    // Amortised pruning: retention is measured in days, so checking every 4096 appends is plenty.
    if (++this.appendsSincePrune >= 4096) {
      this.appendsSincePrune = 0;
      this.prune();
    }
  }

  /**
   * Replaces a stored record's resource in place (same key and visibility): risk actions
   * on sign-ins. Returns false when the record is unknown.
   */
  update(
    collection: GraphCollection,
    version: GraphVersion,
    id: string,
    change: (resource: GraphResource) => GraphResource,
    parentId?: string,
  ): boolean {
    const log = this.log(collection, version, parentId, false);
    const e = log?.get(id);
    if (!log || !e) return false;
    const resource = change(e.resource);
    log.upsert({
      time: e.time,
      id: e.id,
      resource,
      visibleAt: e.visibleAt,
      ...(this.options.cacheJson ? { json: JSON.stringify(resource) } : {}),
    });
    return true;
  }

  /** Applies retention to every log as of `now` (default: the source's clock). */
  prune(now: number = this.clock()): void {
    for (const [key, log] of this.logs) {
      const collection = key.slice(0, key.indexOf('|')) as GraphCollection;
      const retention = this.options.retentionMs?.[collection] ?? DEFAULT_RETENTION[collection];
      if (Number.isFinite(retention)) log.prune(now - retention);
    }
  }

  /** Number of stored (not necessarily visible) records. */
  size(collection: GraphCollection, version: GraphVersion, parentId?: string): number {
    return this.log(collection, version, parentId, false)?.size ?? 0;
  }

  scan(collection: GraphCollection, version: GraphVersion, scan: GraphLogScan): Iterable<GraphLogItem> {
    const log = this.log(collection, version, scan.parentId, false);
    return log ? log.scan(scan) : [];
  }

  get(collection: GraphCollection, version: GraphVersion, id: string, lookup: GraphLogLookup): GraphLogItem | undefined {
    const e = this.log(collection, version, lookup.parentId, false)?.get(id);
    return e && e.visibleAt <= lookup.now ? e : undefined;
  }

  private log(collection: GraphCollection, version: GraphVersion, parentId: string | undefined, create: boolean): SortedLog | undefined {
    const key = `${collection}|${version}|${parentId ?? ''}`;
    let log = this.logs.get(key);
    if (!log && create) {
      log = new SortedLog();
      this.logs.set(key, log);
    }
    return log;
  }
}
