/**
 * Where the mock Graph API gets its records. The rest of entrasim implements this
 * (the engine feeds rendered Graph objects in); `InMemoryGraphLogSource` is the
 * reference implementation.
 *
 * Paging is keyset-based: every collection is ordered by (time, id) and a page resumes
 * strictly after the last key it returned, so records arriving between page requests
 * neither shift nor duplicate what a client already has — the property a skiptoken
 * must keep while a tenant keeps logging. Sources return iterables (no array per page)
 * so one holding millions of records can stream pages cheaply.
 */
import type { GraphResource } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import type { GraphCollection } from './collections.ts';

/** The ordering key of a record: its time key (epoch ms) and id (tie-break). */
export interface GraphLogKey {
  /** Epoch ms of the collection's time property (`createdDateTime`, `activityDateTime`, …), floored. */
  readonly time: number;
  /** The record's key (`id`; `transactionId` for traffic). Ties on `time` order by id (ordinal). */
  readonly id: string;
}

export interface GraphLogItem extends GraphLogKey {
  /** The Graph object as the category module rendered it for the requested version. */
  readonly resource: GraphResource;
  /** `JSON.stringify(resource)` when the source keeps it; saves serialising on every page. */
  readonly json?: string;
}

export type GraphLogOrder = 'desc' | 'asc';

export interface GraphLogScan {
  /** Request time (epoch ms): records not yet visible (ingestion delay) are skipped. */
  readonly now: number;
  /** `desc` = newest first, Graph's default. */
  readonly order: GraphLogOrder;
  /** Resume strictly after this key, in `order`. */
  readonly after?: GraphLogKey;
  /** Inclusive lower bound on `time`. */
  readonly from?: number;
  /** Inclusive upper bound on `time`. */
  readonly to?: number;
  /** History collections: the riskyUser / riskyServicePrincipal id. */
  readonly parentId?: string;
}

export interface GraphLogLookup {
  readonly now: number;
  readonly parentId?: string;
}

export interface GraphLogSource {
  /** Visible records of a collection in the given order, from the cursor on. */
  scan(collection: GraphCollection, version: GraphVersion, scan: GraphLogScan): Iterable<GraphLogItem>;
  /** One visible record by key; undefined when unknown, not yet visible or pruned. */
  get(collection: GraphCollection, version: GraphVersion, id: string, lookup: GraphLogLookup): GraphLogItem | undefined;
}

/** Ordering of keys in `desc`/`asc` terms: negative when `a` comes before `b` ascending. */
export function compareKeys(a: GraphLogKey, b: GraphLogKey): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}
