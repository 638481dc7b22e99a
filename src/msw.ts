/**
 * `entrasim/msw`: the mock Microsoft Graph and token service as msw handlers, for
 * users' vitest/jest suites — in-process, no server, no certificates:
 *
 *   const entrasim = createEntrasimHandlers({ tenantId });
 *   const server = setupServer(...entrasim.handlers);
 *   entrasim.source.append('signIns', 'v1.0', { time, id, resource });
 *   // ClientSecretCredential(tenantId, entrasim.collector.clientId, secret) + Graph client
 *   // against https://login.microsoftonline.com and https://graph.microsoft.com.
 */
import type { HttpHandler as MswHandler } from 'msw';
import { createGraphEnvironment, type GraphEnvironment, type GraphEnvironmentOptions } from './api/graph/environment.ts';
import { collectorClient, COLLECTOR_DEFAULT_SECRET, type RegisteredClient } from './api/token/clients.ts';
import { GRAPH_ORIGIN, LOGIN_ORIGIN, mswHandlersFor } from './http/msw-adapter.ts';
import { InMemoryGraphLogSource } from './api/graph/in-memory-source.ts';
import { GRAPH_COLLECTIONS } from './api/graph/collections.ts';
import { fillGraphSource } from './server/graph-feed.ts';
import type { GenerateOptions } from './engine/generate.ts';

export interface EntrasimHandlersOptions extends Omit<GraphEnvironmentOptions, 'tenantId'> {
  /** The tenant; taken from the generated data when `generate` is given. */
  readonly tenantId?: string;
  /**
   * Fill the API with a generation run's records — the same records `entrasim generate`
   * writes for these options (seed, count, start, categories, users, scenario).
   */
  readonly generate?: GenerateOptions;
  /** Graph origins to intercept. Default https://graph.microsoft.com. */
  readonly graphOrigins?: ReadonlyArray<string>;
  /** Identity-platform origins to intercept. Default https://login.microsoftonline.com. */
  readonly loginOrigins?: ReadonlyArray<string>;
}

export interface EntrasimHandlers extends GraphEnvironment {
  /** Pass to `setupServer(...handlers)`. */
  readonly handlers: MswHandler[];
  /** The default collector app (client id + secret), when `clients` was not given. */
  readonly collector: RegisteredClient | undefined;
  readonly collectorSecret: string | undefined;
}

export function createEntrasimHandlers(options: EntrasimHandlersOptions): EntrasimHandlers {
  let source = options.source;
  let tenantId = options.tenantId;
  if (options.generate) {
    // Fixtures may lie in the past: keep everything (no retention window).
    const keepAll = Object.fromEntries(GRAPH_COLLECTIONS.map((c) => [c, Number.POSITIVE_INFINITY]));
    const filled = new InMemoryGraphLogSource({ ...(options.now ? { now: options.now } : {}), retentionMs: keepAll });
    tenantId = fillGraphSource(filled, options.generate).tenantId;
    source = filled;
  }
  if (!tenantId) throw new TypeError('createEntrasimHandlers needs tenantId (or generate options to take it from)');
  const collector = options.clients ? undefined : collectorClient(tenantId);
  const environment = createGraphEnvironment({ ...options, tenantId, ...(source ? { source } : {}), ...(collector ? { clients: [collector] } : {}) });
  const handlers = [
    ...mswHandlersFor(environment.graph, options.graphOrigins ?? [GRAPH_ORIGIN]),
    ...mswHandlersFor(environment.login, options.loginOrigins ?? [LOGIN_ORIGIN]),
  ];
  return { ...environment, handlers, collector, collectorSecret: collector ? COLLECTOR_DEFAULT_SECRET : undefined };
}

export { collectorClient } from './api/token/clients.ts';
export type { RegisteredClient } from './api/token/clients.ts';
export { InMemoryGraphLogSource };
export { fillGraphSource };
export type { GraphLogRecord, InMemoryGraphLogSourceOptions } from './api/graph/in-memory-source.ts';
export type { GraphLogSource, GraphLogItem, GraphLogKey, GraphLogScan } from './api/graph/source.ts';
export type { GraphCollection } from './api/graph/collections.ts';
export type { FaultOptions } from './api/faults/faults.ts';
export type { IssuedToken } from './api/token/token-service.ts';
