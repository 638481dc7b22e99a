/**
 * Builds Microsoft Graph activity: who calls (a user through a first-party client, a
 * tenant daemon app-only, a managed identity), what they call (data/graph-requests.ts),
 * how Graph answers, and the token claims the record repeats (scp/roles, wids, idp,
 * appidacr, uti, iat, sid, deviceid).
 */
import type { BuildContext } from '../../core/activity.ts';
import { hash32, stableUuid, type Rng } from '../../core/random.ts';
import type { Application, Device, ManagedIdentity, Network, Tenant, User } from '../../tenant/types.ts';
import {
  APP_ONLY_WIDS,
  BATCH_SUBREQUESTS,
  DAEMON_USER_AGENTS,
  DELEGATED_CLIENTS,
  ERROR_BODY_SIZE,
  GRAPH_REQUESTS,
  GUEST_WIDS,
  MANAGED_IDENTITY_GRAPH_ROLES,
  MEMBER_WIDS,
  type GraphApiVersion,
  type GraphCallerKind,
  type GraphRequestRow,
  type HttpMethod,
} from '../../data/graph-requests.ts';
import { RICH_CLIENT_AGENTS } from '../../data/user-agents.ts';
import { regionOfNetwork, regionScopeOf } from '../gsa-shared/regions.ts';
import { activeUser, userIp, userNetwork } from '../gsa-shared/config.ts';
import type { GraphActivity } from './activity.ts';
import { compile, fill, type UriTemplate } from './uri.ts';

/** What a story may force; everything left out is drawn like the baseline. */
export interface GraphActivitySpec {
  /** Who calls; inferred from `user` / `app` / `managedIdentity` when absent. */
  readonly caller?: 'user' | 'app' | 'managedIdentity';
  /** The signed-in user of a delegated call. */
  readonly user?: User;
  /** The client app of a delegated call (a first-party client by default). */
  readonly clientApp?: Application;
  /** The app-only caller (one of the tenant's applications). */
  readonly app?: Application;
  readonly managedIdentity?: ManagedIdentity;
  readonly apiVersion?: GraphApiVersion;
  readonly method?: HttpMethod;
  /** Full URI (`https://graph.microsoft.com/v1.0/users`) or a path below the version (`users`). */
  readonly requestUri?: string;
  readonly responseStatusCode?: number;
  readonly responseSizeBytes?: number;
  /** In the logged unit (10^5–10^7 for tens of ms). */
  readonly durationMs?: number;
  readonly ipAddress?: string;
  readonly userAgent?: string;
  /** `uniqueTokenIdentifier` of the sign-in whose token made the call. */
  readonly signInActivityId?: string;
  /** Sign-in session id (token `sid`). */
  readonly sessionId?: string;
  readonly deviceId?: string;
  /** Token issue time, epoch ms. */
  readonly tokenIssuedAt?: number;
  readonly scopes?: string;
  readonly roles?: string;
  readonly requestId?: string;
  readonly operationId?: string;
  readonly clientRequestId?: string;
}

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const TICK_EPOCH_OFFSET = 621_355_968_000_000_000;

type WeightedTemplates = ReadonlyArray<readonly [UriTemplate, number]>;
const compileAll = (rows: ReadonlyArray<GraphRequestRow>): WeightedTemplates => rows.map((row) => [compile(row), row.weight] as const);
const TEMPLATES: Readonly<Record<GraphCallerKind, WeightedTemplates>> = {
  teams: compileAll(GRAPH_REQUESTS.teams),
  outlook: compileAll(GRAPH_REQUESTS.outlook),
  outlookMobile: compileAll(GRAPH_REQUESTS.outlookMobile),
  officeHome: compileAll(GRAPH_REQUESTS.officeHome),
  graphExplorer: compileAll(GRAPH_REQUESTS.graphExplorer),
  graphCli: compileAll(GRAPH_REQUESTS.graphCli),
  azurePortal: compileAll(GRAPH_REQUESTS.azurePortal),
  daemon: compileAll(GRAPH_REQUESTS.daemon),
  managedIdentity: compileAll(GRAPH_REQUESTS.managedIdentity),
};
const BATCH_TEMPLATES: WeightedTemplates = compileAll(BATCH_SUBREQUESTS);
const DELEGATED_WEIGHTS = DELEGATED_CLIENTS.map((c) => [c, c.weight] as const);

/** Per-tenant lookups, computed once. */
interface TenantGraph {
  readonly regionScope: string;
  readonly sharePointHost: string;
  readonly daemons: ReadonlyArray<Application>;
  readonly hosting: ReadonlyArray<readonly [Network, number]>;
  readonly microsoft: Network;
  readonly clientApps: ReadonlyMap<string, Application>;
}
const perTenant = new WeakMap<Tenant, TenantGraph>();

function tenantGraph(tenant: Tenant): TenantGraph {
  let t = perTenant.get(tenant);
  if (t) return t;
  const hostingNets = tenant.networks.filter((n) => n.kind === 'hosting');
  const microsoft = hostingNets.find((n) => n.asn === 8075) ?? hostingNets[0]!;
  const clientApps = new Map<string, Application>();
  for (const c of DELEGATED_CLIENTS) clientApps.set(c.app, tenant.app(c.app));
  t = {
    regionScope: regionScopeOf(tenant.namedLocations[0]?.network.geo.countryOrRegion ?? 'US'),
    sharePointHost: `${tenant.initialDomain.slice(0, tenant.initialDomain.indexOf('.'))}.sharepoint.com`,
    daemons: tenant.applications.filter((a) => a.clientKind === 'daemon' && a.resources.includes(GRAPH_APP_ID) && a.appRoles.length > 0),
    // Daemons run mostly in Azure, some in AWS or at other hosters.
    hosting: hostingNets.map((n) => [n, n.asn === 8075 ? 60 : n.asn === 16509 ? 25 : 5] as const),
    microsoft,
    clientApps,
  };
  perTenant.set(tenant, t);
  return t;
}

/** A token `uti` / sign-in uniqueTokenIdentifier: 16 bytes base64url, no padding. */
export function uniqueTokenIdentifier(rng: Rng): string {
  // Observed values end in "AA" (most), "AQ", "Ag", "Aw": the last bytes are small.
  return rng.token(20) + (rng.bool(0.8) ? 'AA' : rng.pick(['AQ', 'Ag', 'Aw']));
}

/** `sid` of a user's sign-in session: stable for a week of the user's activity. */
function sessionOf(tenant: Tenant, user: User, time: number): string {
  return stableUuid(`${tenant.id}/sid/${user.id}/${Math.floor(time / 604_800_000)}`);
}

interface Caller {
  readonly kind: GraphCallerKind;
  readonly idtyp: 'user' | 'app';
  readonly appId: string;
  readonly servicePrincipalId: string;
  readonly userId: string;
  readonly principalObjectId: string;
  readonly scopes: string;
  readonly roles: string;
  readonly permissions: ReadonlySet<string>;
  readonly wids: string;
  readonly identityProvider: string;
  readonly clientAuthMethod: 0 | 1 | 2;
  readonly ipAddress: string;
  readonly network: Network | undefined;
  readonly userAgent: string;
  readonly deviceId: string;
  readonly sessionId: string;
  readonly user?: User;
}

const permissionSets = new Map<string, ReadonlySet<string>>();

/** The permissions of a scp/roles string, memoised: callers reuse a few strings. */
function splitSet(s: string): ReadonlySet<string> {
  let set = permissionSets.get(s);
  if (!set) {
    set = new Set(s ? s.split(' ') : []);
    if (permissionSets.size < 10_000) permissionSets.set(s, set);
  }
  return set;
}

function widsOf(user: User): string {
  if (user.userType === 'Guest') return GUEST_WIDS;
  if (user.roles.length === 0) return MEMBER_WIDS;
  let s = '';
  for (const r of user.roles) s += r.templateId + ' ';
  return s + MEMBER_WIDS;
}

function delegatedAgent(kind: GraphCallerKind, device: Device): string {
  switch (kind) {
    case 'teams':
      return device.operatingSystem === 'Windows 10' ? RICH_CLIENT_AGENTS.teamsDesktop : device.userAgent;
    case 'outlook':
      return 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18324; Pro)';
    case 'outlookMobile':
      return device.operatingSystem === 'Ios' ? RICH_CLIENT_AGENTS.outlookIos : RICH_CLIENT_AGENTS.outlookAndroid;
    case 'graphCli':
      return RICH_CLIENT_AGENTS.graphPowerShell;
    default:
      return device.userAgent;
  }
}

function pickUser(rng: Rng, tenant: Tenant, adminTool: boolean): User {
  if (adminTool && tenant.admins.length > 0 && rng.bool(0.75)) return rng.pick(tenant.admins);
  return activeUser(rng, tenant);
}

function delegatedCaller(ctx: BuildContext, time: number, spec: GraphActivitySpec): Caller {
  const { rng, tenant } = ctx;
  const tg = tenantGraph(tenant);
  let client = spec.clientApp ? DELEGATED_CLIENTS.find((c) => c.app === spec.clientApp!.displayName) : undefined;
  let user = spec.user;
  if (!client) {
    client = rng.weighted(DELEGATED_WEIGHTS);
    if (!user) user = pickUser(rng, tenant, client.adminTool);
    // Guests reach Graph through Teams and the Office portal only; phones run Outlook Mobile.
    if (user.userType === 'Guest' && client.kind !== 'teams' && client.kind !== 'officeHome') client = DELEGATED_CLIENTS[0]!;
    if (client.kind === 'outlookMobile' && !user.devices.some((d) => d.operatingSystem === 'Ios' || d.operatingSystem === 'Android')) client = DELEGATED_CLIENTS[1]!;
  }
  if (!user) user = pickUser(rng, tenant, client.adminTool);
  const app = spec.clientApp ?? tg.clientApps.get(client.app)!;
  const mobile = client.kind === 'outlookMobile';
  const device = (mobile ? user.devices.find((d) => d.operatingSystem === 'Ios' || d.operatingSystem === 'Android') : undefined) ?? user.devices[0]!;
  let ipAddress = spec.ipAddress;
  let network: Network | undefined;
  if (ipAddress) network = tenant.networkOfIp(ipAddress);
  else {
    network = userNetwork(rng, user, mobile);
    ipAddress = userIp(rng, tenant, user, network);
  }
  const scopes = spec.scopes ?? client.scopes;
  return {
    kind: client.kind,
    idtyp: 'user',
    appId: app.appId,
    servicePrincipalId: '',
    userId: user.id,
    principalObjectId: user.id,
    scopes,
    roles: '',
    permissions: splitSet(scopes),
    wids: widsOf(user),
    // v1 tokens carry `idp` only when another tenant authenticated the user (guests).
    identityProvider: user.userType === 'Guest' ? `https://sts.windows.net/${user.homeTenantId}/` : '',
    clientAuthMethod: client.clientAuthMethod,
    ipAddress,
    network,
    userAgent: spec.userAgent ?? delegatedAgent(client.kind, device),
    deviceId: spec.deviceId ?? device.deviceId,
    sessionId: spec.sessionId ?? sessionOf(tenant, user, time),
    user,
  };
}

function appCaller(ctx: BuildContext, spec: GraphActivitySpec): Caller | undefined {
  const { rng, tenant } = ctx;
  const tg = tenantGraph(tenant);
  const app = spec.app ?? (tg.daemons.length > 0 ? rng.pick(tg.daemons) : undefined);
  if (!app) return undefined;
  const h = hash32(app.appId);
  let ipAddress = spec.ipAddress;
  let network: Network | undefined;
  if (ipAddress) network = tenant.networkOfIp(ipAddress);
  else {
    // A daemon lives at one hoster and egresses through a handful of addresses.
    network = weightedByHash(tg.hosting, h);
    ipAddress = tenant.ipIn(network, h + rng.int(4));
  }
  const roles = spec.roles ?? app.appRoles.join(' ');
  const cert = app.credentials.some((c) => c.type === 'AsymmetricX509Cert');
  const secret = app.credentials.some((c) => c.type === 'Password');
  return {
    kind: 'daemon',
    idtyp: 'app',
    appId: app.appId,
    servicePrincipalId: app.servicePrincipalId,
    userId: '',
    principalObjectId: app.servicePrincipalId,
    scopes: '',
    roles,
    permissions: splitSet(roles),
    wids: APP_ONLY_WIDS,
    identityProvider: `https://sts.windows.net/${tenant.id}/`,
    clientAuthMethod: cert && (!secret || (h & 1) === 0) ? 2 : 1,
    ipAddress,
    network,
    userAgent: spec.userAgent ?? weightedByHash(DAEMON_USER_AGENTS, h >>> 3),
    deviceId: '',
    sessionId: '',
  };
}

function managedIdentityCaller(ctx: BuildContext, spec: GraphActivitySpec): Caller | undefined {
  const { rng, tenant } = ctx;
  const tg = tenantGraph(tenant);
  const mi = spec.managedIdentity ?? (tenant.managedIdentities.length > 0 ? rng.pick(tenant.managedIdentities) : undefined);
  if (!mi) return undefined;
  const h = hash32(mi.servicePrincipalId);
  let ipAddress = spec.ipAddress;
  let network: Network | undefined;
  if (ipAddress) network = tenant.networkOfIp(ipAddress);
  else {
    network = tg.microsoft;
    ipAddress = tenant.ipIn(network, h + rng.int(3));
  }
  const roles = spec.roles ?? MANAGED_IDENTITY_GRAPH_ROLES[h % MANAGED_IDENTITY_GRAPH_ROLES.length]!.join(' ');
  return {
    kind: 'managedIdentity',
    idtyp: 'app',
    appId: mi.appId,
    servicePrincipalId: mi.servicePrincipalId,
    userId: '',
    principalObjectId: mi.servicePrincipalId,
    scopes: '',
    roles,
    permissions: splitSet(roles),
    wids: APP_ONLY_WIDS,
    identityProvider: `https://sts.windows.net/${tenant.id}/`,
    // Managed identities authenticate with a platform-held certificate (appidacr 2).
    clientAuthMethod: 2,
    ipAddress,
    network,
    userAgent: spec.userAgent ?? '',
    deviceId: '',
    sessionId: '',
  };
}

function weightedByHash<T>(table: ReadonlyArray<readonly [T, number]>, h: number): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let r = (h >>> 0) % total;
  for (const [v, w] of table) {
    if (r < w) return v;
    r -= w;
  }
  return table[table.length - 1]![0];
}

function callerFor(ctx: BuildContext, time: number, spec: GraphActivitySpec): Caller {
  const kind =
    spec.caller ??
    (spec.user || spec.clientApp ? 'user' : spec.app ? 'app' : spec.managedIdentity ? 'managedIdentity' : ctx.rng.weighted(CALLER_MIX));
  if (kind === 'app') return appCaller(ctx, spec) ?? delegatedCaller(ctx, time, spec);
  if (kind === 'managedIdentity') return managedIdentityCaller(ctx, spec) ?? delegatedCaller(ctx, time, spec);
  return delegatedCaller(ctx, time, spec);
}

/** Share of callers: app-only daemons dominate real Graph activity volume. */
const CALLER_MIX = [
  ['user', 45],
  ['app', 40],
  ['managedIdentity', 15],
] as const;

/** Outcome of a call whose permission the caller holds. */
const OUTCOMES: ReadonlyArray<readonly [number, number]> = [
  [0, 9700], // the row's own success status
  [429, 60],
  [400, 35],
  [401, 15],
  [500, 12],
  [503, 10],
  [504, 8],
  [502, 4],
];

/** Requests a caller kind may make with a given permission set, cached per set. */
const allowedCache = new Map<string, WeightedTemplates>();

function pickTemplate(rng: Rng, caller: Caller): UriTemplate {
  const list = TEMPLATES[caller.kind];
  const key = `${caller.kind}|${caller.scopes}|${caller.roles}`;
  let allowed = allowedCache.get(key);
  if (!allowed) {
    allowed = list.filter(([t]) => caller.permissions.has(t.row.permission));
    if (allowedCache.size < 10_000) allowedCache.set(key, allowed);
  }
  // Mostly the caller asks for what it may read; ~2% of the time something it may not (403).
  if (allowed.length > 0 && !rng.bool(0.02)) return rng.weighted(allowed);
  return rng.weighted(list);
}

function sizeIn(rng: Rng, range: readonly [number, number]): number {
  if (range[1] <= range[0]) return range[0];
  // Response sizes are skewed: most near the small end.
  const f = rng.next();
  return Math.round(range[0] + (range[1] - range[0]) * f * f);
}

/** Logged duration (notes §A.4 unit), longer for bigger answers and timeouts. */
function durationFor(rng: Rng, status: number, size: number): number {
  let d = Math.exp(rng.normal(Math.log(420_000), 0.55)) + size * 2.5;
  if (status === 429) d = d * 0.3;
  else if (status === 504) d = 100_000_000 + rng.int(20_000_000);
  else if (status >= 500) d = d * 3;
  return Math.max(60_000, Math.round(d));
}

function toUri(version: GraphApiVersion, pathOrUri: string): string {
  if (pathOrUri.startsWith('https://')) return pathOrUri;
  return `https://graph.microsoft.com/${version}/${pathOrUri.charAt(0) === '/' ? pathOrUri.slice(1) : pathOrUri}`;
}

function versionOfUri(uri: string): GraphApiVersion | undefined {
  if (uri.startsWith('https://graph.microsoft.com/beta/')) return 'beta';
  if (uri.startsWith('https://graph.microsoft.com/v1.0/')) return 'v1.0';
  return undefined;
}

/** One Graph request. */
export function buildGraphActivity(ctx: BuildContext, time: number, spec: GraphActivitySpec = {}): GraphActivity {
  const caller = callerFor(ctx, time, spec);
  return buildWith(ctx, time, caller, spec, spec.requestUri ? undefined : pickTemplate(ctx.rng, caller));
}

function buildWith(
  ctx: BuildContext,
  time: number,
  caller: Caller,
  spec: GraphActivitySpec,
  template: UriTemplate | undefined,
  parent?: GraphActivity,
): GraphActivity {
  const { rng, tenant } = ctx;
  const tg = tenantGraph(tenant);
  const row: GraphRequestRow | undefined = template?.row;
  let apiVersion: GraphApiVersion;
  let requestUri: string;
  if (spec.requestUri) {
    apiVersion = spec.apiVersion ?? versionOfUri(spec.requestUri) ?? 'v1.0';
    requestUri = toUri(apiVersion, spec.requestUri);
  } else {
    const versions = row!.versions;
    apiVersion = spec.apiVersion && versions.includes(spec.apiVersion) ? spec.apiVersion : parent ? parent.apiVersion : versions.length === 1 ? versions[0]! : rng.bool(0.7) ? versions[0]! : versions[1]!;
    requestUri = toUri(apiVersion, fill(template!, { rng, tenant, time, user: caller.user, sharePointHost: tg.sharePointHost }));
  }
  const requestMethod: HttpMethod = spec.method ?? row?.method ?? 'GET';

  let status = spec.responseStatusCode ?? 0;
  if (!status) {
    if (parent) status = row!.ok;
    else if (row && !caller.permissions.has(row.permission)) status = 403;
    else if (row?.notFound && rng.bool(row.notFound)) status = 404;
    else status = rng.weighted(OUTCOMES) || (row?.ok ?? 200);
  }
  let size = spec.responseSizeBytes;
  if (size === undefined) {
    if (parent) size = 0;
    else if (status >= 400) size = sizeIn(rng, ERROR_BODY_SIZE[status] ?? [180, 320]);
    else size = sizeIn(rng, row?.size ?? [300, 4000]);
  }
  const durationMs = spec.durationMs ?? (parent ? Math.max(50_000, parent.durationMs - rng.int(20_000)) : durationFor(rng, status, size));

  const tick = rng.int(10000);
  const requestId = spec.requestId ?? rng.uuid();
  const operationId = spec.operationId ?? parent?.requestId ?? requestId;
  // Clients that send no client-request-id get the request id echoed back (observed).
  const clientRequestId = spec.clientRequestId ?? parent?.clientRequestId ?? (rng.bool(0.15) ? requestId : rng.uuid());
  const tokenIssuedAt =
    spec.tokenIssuedAt !== undefined
      ? spec.tokenIssuedAt - (spec.tokenIssuedAt % 1000)
      : (parent?.tokenIssuedAt ?? time - (time % 1000) - (60 + rng.int(70 * 60)) * 1000);
  const location = caller.network ? regionOfNetwork(caller.network).displayName : regionOfNetwork(tg.microsoft).displayName;

  return {
    category: 'MicrosoftGraphActivityLogs',
    id: requestId,
    time,
    tick,
    // The envelope `time` is the request time itself (= properties.timeGenerated, observed).
    envelopeTime: time,
    envelopeTick: tick,
    requestId,
    operationId,
    clientRequestId,
    apiVersion,
    requestMethod,
    requestUri,
    responseStatusCode: status,
    responseSizeBytes: size,
    durationMs,
    idtyp: caller.idtyp,
    appId: caller.appId,
    servicePrincipalId: caller.servicePrincipalId,
    userId: caller.userId,
    principalObjectId: caller.principalObjectId,
    scopes: caller.scopes,
    roles: caller.roles,
    wids: caller.wids,
    signInActivityId: spec.signInActivityId ?? parent?.signInActivityId ?? uniqueTokenIdentifier(rng),
    tokenIssuedAt,
    identityProvider: caller.identityProvider,
    ipAddress: caller.ipAddress,
    location,
    regionScope: tg.regionScope,
    userAgent: caller.userAgent,
    clientAuthMethod: caller.clientAuthMethod,
    deviceId: caller.deviceId,
    sessionId: caller.sessionId,
  };
}

/**
 * A `$batch` call: Graph logs the batch itself and each sub-request as its own record,
 * sharing the batch's operationId, client request id and token (observed in DataDog's
 * 2025 fixtures; sub-requests are stamped a fraction of a millisecond before the batch
 * and log a 0-byte response). Returned sub-requests first, then the batch.
 */
export function buildGraphBatch(ctx: BuildContext, time: number, spec: GraphActivitySpec = {}, subRequests?: number): GraphActivity[] {
  const { rng } = ctx;
  const caller = callerFor(ctx, time, { caller: 'app', ...spec });
  const batchTemplate = TEMPLATES.daemon.find(([t]) => t.row.path === '$batch')![0];
  const batch = buildWith(ctx, time, caller, spec, batchTemplate);
  const n = subRequests ?? 1 + rng.int(4);
  const subs: GraphActivity[] = [];
  for (let i = 0; i < n; i++) {
    const sub = buildWith(ctx, time, caller, {}, rng.weighted(BATCH_TEMPLATES), batch);
    // A tenth of a millisecond or so before the batch completes (ms and ticks kept
    // apart: ms * 10000 would exceed 2^53).
    let ms = time;
    let t = batch.tick - (1 + rng.int(20)) * 100 - i * 7;
    while (t < 0) {
      t += 10000;
      ms -= 1;
    }
    subs.push({ ...sub, time: ms, tick: t, envelopeTime: ms, envelopeTick: t });
  }
  subs.push(batch);
  return subs;
}

/** .NET ticks of an instant, as `__UDI_RequiredFields_EventTime` writes it. */
export function dotNetTicks(ms: number, tick: number): number {
  // Exceeds 2^53: the double is the nearest representable value (see render.ts).
  return ms * 10000 + tick + TICK_EPOCH_OFFSET;
}

/** One baseline event: mostly single calls, sometimes a daemon's $batch. */
export function baselineGraphActivity(ctx: BuildContext, time: number): GraphActivity[] {
  const { rng, tenant } = ctx;
  if (rng.bool(0.04) && tenantGraph(tenant).daemons.length > 0) return buildGraphBatch(ctx, time);
  return [buildGraphActivity(ctx, time)];
}
