/**
 * Wires the mock Graph API to the mock token service, faults and risk actions — the
 * one place both the real server and the msw handlers are assembled from.
 */
import { composeHandlers } from '../../http/compose.ts';
import type { HttpHandler } from '../../http/types.ts';
import { FaultInjector, type FaultOptions } from '../faults/faults.ts';
import type { RegisteredClient } from '../token/clients.ts';
import { TokenService, type IssuedToken, type TokenRejection } from '../token/token-service.ts';
import type { TenantLicence } from './auth.ts';
import { createGraphHandler } from './graph-handler.ts';
import { InMemoryGraphLogSource } from './in-memory-source.ts';
import { InMemoryRiskActions, type RiskActions } from './risk-actions.ts';
import type { GraphLogSource } from './source.ts';

export interface GraphEnvironmentOptions {
  readonly tenantId: string;
  readonly tenantDomains?: ReadonlyArray<string>;
  /** Default: a new `InMemoryGraphLogSource`. */
  readonly source?: GraphLogSource;
  /** `token` (default): Graph wants tokens from the token service; `open`: no auth. */
  readonly auth?: 'token' | 'open';
  readonly licence?: Partial<TenantLicence>;
  /** Apps allowed to get tokens; default the entrasim-collector app. */
  readonly clients?: ReadonlyArray<RegisteredClient>;
  readonly faults?: FaultOptions | FaultInjector;
  /** Default: `InMemoryRiskActions` when the source is in-memory, else none. */
  readonly riskActions?: RiskActions;
  readonly now?: () => number;
  readonly onTokenIssued?: (token: IssuedToken) => void;
  readonly onTokenRejected?: (rejection: TokenRejection) => void;
  readonly tokenLifetimeSeconds?: number;
  readonly scanBudget?: number;
  readonly skipTokenSecret?: string;
  readonly baseUrl?: string;
}

export interface GraphEnvironment {
  readonly source: GraphLogSource;
  readonly tokens: TokenService;
  readonly faults: FaultInjector | undefined;
  readonly riskActions: RiskActions | undefined;
  /** The Graph API (`/v1.0/…`, `/beta/…`). */
  readonly graph: HttpHandler;
  /** The identity platform (`/{tenant}/oauth2/v2.0/token`, discovery, keys). */
  readonly login: HttpHandler;
  /** Both, for a single server origin. */
  readonly handler: HttpHandler;
}

export function createGraphEnvironment(options: GraphEnvironmentOptions): GraphEnvironment {
  const source = options.source ?? new InMemoryGraphLogSource(options.now ? { now: options.now } : {});
  const tokens = new TokenService({
    tenantId: options.tenantId,
    ...(options.tenantDomains ? { tenantDomains: options.tenantDomains } : {}),
    ...(options.clients ? { clients: options.clients } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.onTokenIssued ? { onTokenIssued: options.onTokenIssued } : {}),
    ...(options.onTokenRejected ? { onTokenRejected: options.onTokenRejected } : {}),
    ...(options.tokenLifetimeSeconds ? { tokenLifetimeSeconds: options.tokenLifetimeSeconds } : {}),
  });
  const faults = options.faults instanceof FaultInjector ? options.faults : options.faults ? new FaultInjector(options.faults) : undefined;
  const riskActions = options.riskActions ?? (source instanceof InMemoryGraphLogSource ? new InMemoryRiskActions(source) : undefined);
  const graph = createGraphHandler({
    source,
    tenantId: options.tenantId,
    auth: options.auth === 'open' ? { mode: 'open' } : { mode: 'token', verifier: tokens },
    ...(options.licence ? { licence: options.licence } : {}),
    ...(riskActions ? { riskActions } : {}),
    ...(faults ? { faults } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.scanBudget ? { scanBudget: options.scanBudget } : {}),
    ...(options.skipTokenSecret ? { skipTokenSecret: options.skipTokenSecret } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
  });
  const login = tokens.handler();
  return { source, tokens, faults, riskActions, graph, login, handler: composeHandlers(graph, login) };
}
