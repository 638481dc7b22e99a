/**
 * The mock Microsoft Graph API for Entra activity logs and Identity Protection, as a
 * transport-agnostic `HttpHandler`: routing, auth, licence, faults, query options,
 * keyset paging, evolvable enums, risk actions — with Graph's bodies and headers.
 */
import { randomBytes } from 'node:crypto';
import type { GraphVersion } from '../../core/categories.ts';
import type { HttpHandler, HttpRequest, HttpResponse } from '../../http/types.ts';
import type { FaultInjector } from '../faults/faults.ts';
import {
  authenticate,
  requireLicence,
  requireReadRole,
  requireWriteRole,
  type GraphAuthOptions,
  type GraphCaller,
  type TenantLicence,
} from './auth.ts';
import type { GraphCollectionInfo, RequiredLicence } from './collections.ts';
import { GRAPH_JSON, GraphError, GraphErrors, errorResponse, graphHeaders, requestIdsOf, type RequestIds } from './errors.ts';
import { collectionBody, countMatches, pageBody, readPage, serializeItem, type Serializer } from './page.ts';
import { readQueryOptions, resolveCollectionQuery, type CollectionQuery } from './query.ts';
import { RISK_ACTION_SPECS, type RiskActionKind, type RiskActions, type RiskActionTarget } from './risk-actions.ts';
import { resolveRoute, type GraphRoute } from './routes.ts';
import { enumSubstituter } from './schema/evolvable-enums.ts';
import { SkipTokenCodec } from './skiptoken.ts';
import type { GraphLogSource } from './source.ts';

export interface GraphHandlerOptions {
  readonly source: GraphLogSource;
  /** The simulated tenant's id (token `tid` must match). */
  readonly tenantId: string;
  /** Default `{ mode: 'open' }`: no token needed. */
  readonly auth?: GraphAuthOptions;
  /** Default: P2 with Workload ID Premium (everything answers). */
  readonly licence?: Partial<TenantLicence>;
  /** Risk actions hook; without one, actions answer 204 and change nothing. */
  readonly riskActions?: RiskActions;
  readonly faults?: FaultInjector;
  readonly now?: () => number;
  /** Origin used in `@odata.context`/`@odata.nextLink`; default: the request's own origin. */
  readonly baseUrl?: string;
  /** Key of the skiptoken query hash; default random per handler. */
  readonly skipTokenSecret?: string;
  /** Records examined per page before answering with what was found (default 200,000). */
  readonly scanBudget?: number;
  /** For injected latency; default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const VERSIONS: Readonly<Record<string, GraphVersion>> = { 'v1.0': 'v1.0', beta: 'beta' };
const GRAPH_HOSTS = new Set(['graph.microsoft.com', 'canary.graph.microsoft.com']);

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createGraphHandler(options: GraphHandlerOptions): HttpHandler {
  const handler = new GraphApi(options);
  return (request) => handler.handle(request);
}

class GraphApi {
  private readonly auth: GraphAuthOptions;
  private readonly licence: TenantLicence;
  private readonly now: () => number;
  private readonly tokens: SkipTokenCodec;
  private readonly tenantId: string;

  constructor(private readonly options: GraphHandlerOptions) {
    this.auth = options.auth ?? { mode: 'open' };
    this.licence = { edition: 'p2', workloadIdentitiesPremium: true, ...options.licence };
    this.now = options.now ?? Date.now;
    this.tokens = new SkipTokenCodec(options.skipTokenSecret ?? randomBytes(16).toString('hex'));
    this.tenantId = options.tenantId.toLowerCase();
  }

  async handle(request: HttpRequest): Promise<HttpResponse | undefined> {
    const segments = request.url.pathname.split('/').filter(Boolean);
    const first = segments[0] ?? '';
    const version = VERSIONS[first.toLowerCase()];
    const onGraphHost = GRAPH_HOSTS.has(request.url.hostname.toLowerCase());
    if (!version && !onGraphHost) return undefined;
    const ids = requestIdsOf(request);
    try {
      if (!version) throw GraphErrors.invalidVersion(first);
      let decoded: string[];
      try {
        decoded = segments.slice(1).map((s) => decodeURIComponent(s));
      } catch {
        throw GraphErrors.segmentNotFound(segments[1] ?? '');
      }
      return await this.route(request, version, resolveRoute(version, decoded), ids);
    } catch (e) {
      if (e instanceof GraphError) return errorResponse(e, ids, this.now());
      throw e;
    }
  }

  private async route(request: HttpRequest, version: GraphVersion, route: GraphRoute, ids: RequestIds): Promise<HttpResponse> {
    const method = request.method.toUpperCase();
    const base = this.options.baseUrl?.replace(/\/+$/, '') ?? request.url.origin;
    const metadata = `${base}/${version}/$metadata#`;

    if (route.kind === 'member' && route.actionTarget && method === 'POST') {
      const action = RISK_ACTION_SPECS[route.actionTarget].actions.find((a) => a.toLowerCase() === route.id.toLowerCase());
      if (action) return this.action(request, version, route.actionTarget, action, route.info, ids);
    }
    if (method !== 'GET') throw GraphErrors.methodNotAllowed(method);
    if (route.kind === 'empty') {
      await this.authenticated(request);
      return this.json(collectionBody(metadata + route.contextPath, []), ids);
    }
    if (route.kind === 'singleton') {
      await this.authenticated(request);
      return this.json(JSON.stringify({ '@odata.context': `${metadata}${route.contextPath}/$entity`, id: '' }), ids);
    }

    const info = route.info;
    const caller = await this.authenticated(request);
    requireReadRole(caller, info);
    requireLicence(this.licence, info.licence);
    await this.injectFaults(info, caller);

    const now = this.now();
    const options = readQueryOptions(request.url, version);
    const prefer = (request.headers.prefer ?? '').toLowerCase();
    const includeUnknown = prefer.includes('include-unknown-enum-members');
    const contextPath = route.contextPath;
    if (route.parent && route.parentId !== undefined && !this.options.source.get(route.parent.collection, version, route.parentId, { now })) {
      throw GraphErrors.itemNotFound(route.parentId);
    }

    if (route.kind === 'member') {
      const item = this.options.source.get(info.collection, version, route.id, {
        now,
        ...(route.parentId !== undefined ? { parentId: route.parentId } : {}),
      });
      if (!item) throw GraphErrors.itemNotFound(route.id);
      const query = resolveCollectionQuery(selectOnly(options), info, version);
      const serializer = this.serializer(version, info, query, includeUnknown);
      const context = `${metadata}${contextPath}${selectSuffix(query)}/$entity`;
      const json = serializeItem(item, serializer);
      // Insert the context annotation in front of the record's own members.
      const body = json === '{}' ? `{"@odata.context":${JSON.stringify(context)}}` : `{"@odata.context":${JSON.stringify(context)},${json.slice(1)}`;
      return this.json(body, ids);
    }

    const query = resolveCollectionQuery(options, info, version);
    const fingerprint = this.tokens.fingerprint([
      version,
      info.collection,
      route.parentId ?? '',
      query.filterText ?? '',
      query.order,
    ]);
    const state = query.skipToken !== undefined ? this.tokens.decode(query.skipToken, fingerprint) : undefined;
    if (typeof state === 'string') throw GraphErrors.invalidSkipToken(state);
    const pageRequest = {
      source: this.options.source,
      info,
      version,
      query,
      now,
      ...(route.parentId !== undefined ? { parentId: route.parentId } : {}),
    };

    if (route.countOnly) {
      if (!info.capabilities.count) throw GraphErrors.unsupportedQuery('$count is not supported on this resource.');
      return {
        status: 200,
        headers: graphHeaders(ids, { 'content-type': 'text/plain;charset=utf-8' }),
        body: String(countMatches(pageRequest)),
      };
    }

    const count = query.count ? (state?.count ?? countMatches(pageRequest)) : undefined;
    const page = readPage({
      ...pageRequest,
      ...(state ? { after: state.after } : {}),
      scanBudget: this.options.scanBudget ?? 200_000,
    });
    const serializer = this.serializer(version, info, query, includeUnknown);
    const nextLink = page.next
      ? nextLinkOf(request.url, base, version, this.tokens.encode({ after: page.next, order: query.order, ...(count !== undefined ? { count } : {}) }, fingerprint))
      : undefined;
    return this.json(pageBody(`${metadata}${contextPath}${selectSuffix(query)}`, page.items, serializer, nextLink, count), ids);
  }

  private async action(
    request: HttpRequest,
    version: GraphVersion,
    target: RiskActionTarget,
    action: RiskActionKind,
    info: GraphCollectionInfo,
    ids: RequestIds,
  ): Promise<HttpResponse> {
    const spec = RISK_ACTION_SPECS[target];
    const caller = await this.authenticated(request);
    requireWriteRole(caller, spec.writeRoles);
    requireLicence(this.licence, actionLicence(info.licence));
    let body: unknown;
    try {
      body = JSON.parse(request.body || 'null');
    } catch {
      throw GraphErrors.invalidRequestBody('Invalid JSON in the request body.');
    }
    const list = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[spec.bodyProperty] : undefined;
    if (!Array.isArray(list) || list.length === 0 || !list.every((v) => typeof v === 'string')) {
      throw GraphErrors.invalidRequestBody(`The request body must contain a non-empty '${spec.bodyProperty}' array of strings.`);
    }
    await this.options.riskActions?.apply({ target, action, ids: list as string[], version, caller, time: this.now() });
    return { status: 204, headers: graphHeaders(ids) };
  }

  private authenticated(request: HttpRequest): Promise<GraphCaller> {
    return authenticate(request.headers.authorization, this.auth);
  }

  private async injectFaults(info: GraphCollectionInfo, caller: GraphCaller): Promise<void> {
    const faults = this.options.faults;
    if (!faults) return;
    const decision = faults.decide({
      collection: info.collection,
      family: info.family,
      appId: caller.appId,
      tenantId: this.tenantId,
      now: this.now(),
    });
    if (decision.latencyMs > 0) await (this.options.sleep ?? defaultSleep)(decision.latencyMs);
    const fault = decision.fault;
    if (!fault) return;
    if (fault.kind === 'throttle') throw GraphErrors.throttled(fault.retryAfter);
    throw GraphErrors.serverError(fault.status);
  }

  private serializer(version: GraphVersion, info: GraphCollectionInfo, query: CollectionQuery, includeUnknown: boolean): Serializer {
    const substitute = includeUnknown ? undefined : enumSubstituter(version, info.entityType);
    return { ...(query.select ? { select: query.select } : {}), ...(substitute ? { substitute } : {}) };
  }

  private json(body: string, ids: RequestIds): HttpResponse {
    return { status: 200, headers: graphHeaders(ids, { 'content-type': GRAPH_JSON, 'odata-version': '4.0' }), body };
  }
}

/** Actions need the licence the collection needs, at least P2 for user and sign-in risk. */
function actionLicence(licence: RequiredLicence): RequiredLicence {
  return licence === 'workloadIdentitiesPremium' ? licence : 'p2';
}

/** Item requests honour `$select` only. */
function selectOnly(options: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const select = options.get('select');
  return new Map(select !== undefined ? [['select', select]] : []);
}

function selectSuffix(query: CollectionQuery): string {
  return query.select ? `(${query.select.join(',')})` : '';
}

/**
 * The absolute next-page URL: the request's own path and query options as sent (raw
 * encoding kept), with `$skiptoken` replaced (notes §2.3).
 */
export function nextLinkOf(url: URL, base: string, version: GraphVersion, token: string): string {
  const parts = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => {
      if (part === '') return false;
      const name = safeDecode(part.split('=')[0] ?? '').toLowerCase();
      return name !== '$skiptoken' && !(version === 'beta' && name === 'skiptoken');
    });
  parts.push(`$skiptoken=${token}`);
  return `${base}${url.pathname}?${parts.join('&')}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
