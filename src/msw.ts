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

export interface EntrasimHandlersOptions extends GraphEnvironmentOptions {
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
  const collector = options.clients ? undefined : collectorClient(options.tenantId);
  const environment = createGraphEnvironment({ ...options, ...(collector ? { clients: [collector] } : {}) });
  const handlers = [
    ...mswHandlersFor(environment.graph, options.graphOrigins ?? [GRAPH_ORIGIN]),
    ...mswHandlersFor(environment.login, options.loginOrigins ?? [LOGIN_ORIGIN]),
  ];
  return { ...environment, handlers, collector, collectorSecret: collector ? COLLECTOR_DEFAULT_SECRET : undefined };
}

export { collectorClient } from './api/token/clients.ts';
export type { RegisteredClient } from './api/token/clients.ts';
export { InMemoryGraphLogSource } from './api/graph/in-memory-source.ts';
export type { GraphLogRecord, InMemoryGraphLogSourceOptions } from './api/graph/in-memory-source.ts';
export type { GraphLogSource, GraphLogItem, GraphLogKey, GraphLogScan } from './api/graph/source.ts';
export type { GraphCollection } from './api/graph/collections.ts';
export type { FaultOptions } from './api/faults/faults.ts';
export type { IssuedToken } from './api/token/token-service.ts';
