/**
 * Builds Global Secure Access transactions: a member's GSA client (or a branch's remote
 * network) reaching Microsoft 365, the internet or a Private Access app, evaluated
 * against the user's security profile (web content filtering, threat intelligence).
 */
import type { BuildContext } from '../../core/activity.ts';
import { hash32, type Rng } from '../../core/random.ts';
import type { Tenant, User } from '../../tenant/types.ts';
import {
  BLOCKED_CATEGORY_DESTINATIONS,
  INTERNET_DESTINATIONS,
  MICROSOFT_365_DESTINATIONS,
  THREAT_DESTINATIONS,
  WEB_CATEGORIES,
  type WebCategoryName,
  type WebCategoryRow,
  type WebDestination,
} from '../../data/web-destinations.ts';
import {
  activeUser,
  gsaClientOf,
  gsaConfig,
  profileOf,
  userIp,
  userNetwork,
  type GsaClient,
  type GsaConfig,
  type RemoteNetwork,
} from '../gsa-shared/config.ts';
import { regionOfNetwork } from '../gsa-shared/regions.ts';
import { uniqueTokenIdentifier } from '../graph-activity/build.ts';
import type { NetworkAccessTrafficActivity, TrafficAction, TrafficType, TransportProtocol } from './activity.ts';

/** What a story may force; the rest is drawn like the baseline. */
export interface NetworkAccessTrafficSpec {
  readonly user?: User;
  readonly trafficType?: TrafficType;
  readonly action?: TrafficAction;
  readonly sourceIp?: string;
  readonly sourcePort?: number;
  readonly destinationFqdn?: string;
  readonly destinationIp?: string;
  readonly destinationPort?: number;
  readonly destinationUrl?: string;
  readonly transportProtocol?: TransportProtocol;
  readonly webCategories?: ReadonlyArray<WebCategoryName>;
  /** Threat intelligence verdict (`Phishing`, `Malware`, …); implies a block. */
  readonly threatType?: string;
  /** `uniqueTokenIdentifier` of the sign-in whose token the traffic carries. */
  readonly uniqueTokenId?: string;
  readonly transactionId?: string;
  readonly connectionId?: string;
  readonly sentBytes?: number;
  readonly receivedBytes?: number;
  readonly initiatingProcessName?: string;
  readonly httpMethod?: string;
  readonly responseCode?: number;
  /** Traffic from a branch office's remote network (no user or device). */
  readonly remoteNetwork?: RemoteNetwork;
}

const M365 = MICROSOFT_365_DESTINATIONS.map((d) => [d, d.weight] as const);
const INTERNET = INTERNET_DESTINATIONS.map((d) => [d, d.weight] as const);
const BLOCKED = BLOCKED_CATEGORY_DESTINATIONS.map((d) => [d, d.weight] as const);
const THREATS = THREAT_DESTINATIONS.map((d) => [d, d.weight] as const);
const BY_FQDN = new Map<string, WebDestination>(
  [...MICROSOFT_365_DESTINATIONS, ...INTERNET_DESTINATIONS, ...BLOCKED_CATEGORY_DESTINATIONS, ...THREAT_DESTINATIONS].map((d) => [d.fqdn, d]),
);
const STD_B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Connection ids as GSA writes them: 16 base64 characters, a dot, a sequence (`6+Cy7aaBT+aGV+Ds.1`). */
function connectionIdOf(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += STD_B64[rng.u32() & 63];
  return `${s}.${1 + rng.int(12)}`;
}

function bytesIn(rng: Rng, r: readonly [number, number]): number {
  if (r[1] <= r[0]) return r[0];
  const f = rng.next();
  return Math.round(r[0] + (r[1] - r[0]) * f * f * f);
}

function fqdnFor(cfg: GsaConfig, d: WebDestination): string {
  return d.fqdn.startsWith('{tenant}') ? cfg.sharePointPrefix + d.fqdn.slice(8) : d.fqdn;
}

/** A destination's address: Microsoft / AWS hosted ones come from those networks. */
function destinationIpOf(rng: Rng, tenant: Tenant, cfg: GsaConfig, d: WebDestination, fqdn: string): string {
  const h = hash32(fqdn);
  if (d.host === 'microsoft') return tenant.ipIn(cfg.microsoftNetwork, h + rng.int(3));
  if (d.host === 'amazon') return tenant.ipIn(cfg.amazonNetwork, h + rng.int(3));
  // Elsewhere: CDN-fronted sites (Cloudflare's 104.16.0.0/13), stable per FQDN.
  return `104.${16 + (h & 7)}.${(h >>> 3) & 255}.${1 + ((h >>> 11) % 254)}`;
}

const PRIVATE_PROCESS: Readonly<Record<number, string>> = {
  22: 'ssh.exe',
  53: 'svchost.exe',
  389: 'lsass.exe',
  445: 'System',
  1433: 'Ssms.exe',
  3389: 'mstsc.exe',
};

function categoriesOf(names: ReadonlyArray<WebCategoryName>): ReadonlyArray<WebCategoryRow> {
  return names.map((n) => WEB_CATEGORIES[n]);
}

/** One GSA transaction. */
export function buildNetworkAccessTraffic(ctx: BuildContext, time: number, spec: NetworkAccessTrafficSpec = {}): NetworkAccessTrafficActivity {
  const { rng, tenant } = ctx;
  const cfg = gsaConfig(tenant);
  const tick = rng.int(10000);
  const transactionId = spec.transactionId ?? rng.uuid();

  let user: User | undefined = spec.user;
  let client: GsaClient | null = user ? gsaClientOf(user) : null;
  let remote = spec.remoteNetwork;
  if (!user && !remote) {
    // Branch offices forward their Microsoft 365 traffic over remote networks.
    if (cfg.remoteNetworks.length > 0 && rng.bool(0.03)) remote = rng.pick(cfg.remoteNetworks);
    else {
      for (let i = 0; i < 8 && !client; i++) {
        user = activeUser(rng, tenant, true);
        client = gsaClientOf(user);
      }
      if (!client) remote = rng.pick(cfg.remoteNetworks);
    }
  }

  let trafficType: TrafficType =
    spec.trafficType ?? (remote ? 'microsoft365' : rng.weighted(client?.desktop ? DESKTOP_MIX : MOBILE_MIX));
  if (trafficType === 'private' && cfg.privateApps.length === 0) trafficType = 'internet';

  // Where the traffic comes from.
  let sourceIp = spec.sourceIp;
  let net = sourceIp ? tenant.networkOfIp(sourceIp) : undefined;
  if (!sourceIp) {
    if (remote) {
      sourceIp = remote.publicIp;
      net = remote.location.network;
    } else {
      net = userNetwork(rng, user!, !client!.desktop);
      sourceIp = userIp(rng, tenant, user!, net);
    }
  }
  const processingRegion = regionOfNetwork(net ?? remote?.location.network ?? cfg.microsoftNetwork).name;

  // Where it goes.
  let dest: WebDestination | undefined;
  let destinationFqdn = spec.destinationFqdn ?? '';
  let destinationIp = spec.destinationIp ?? '';
  let destinationPort = spec.destinationPort ?? 443;
  let transportProtocol: TransportProtocol = spec.transportProtocol ?? 'tcp';
  let threatType = spec.threatType ?? '';
  let appId = '';
  let appSegmentId = '';
  let accessType: NetworkAccessTrafficActivity['accessType'] = '';
  let connectionStatus: NetworkAccessTrafficActivity['connectionStatus'] = '';
  let connectorId = '';
  let connectorName = '';
  let connectorIp = '';
  let connectorRegion = '';
  let sessionId = '';
  let process = spec.initiatingProcessName;

  if (trafficType === 'private') {
    const app = rng.pick(cfg.privateApps);
    const segment = rng.pick(app.segments);
    const connector = rng.pick(cfg.connectors);
    destinationFqdn ||= segment.fqdn;
    destinationIp ||= segment.ip;
    if (spec.destinationPort === undefined) destinationPort = segment.port;
    if (!spec.transportProtocol) transportProtocol = segment.protocol;
    appId = app.appId;
    appSegmentId = segment.id;
    accessType = app.accessType;
    connectionStatus = rng.weighted(CONNECTION_STATUS);
    connectorId = connector.id;
    connectorName = connector.name;
    connectorIp = connector.ip;
    connectorRegion = connector.region.name;
    sessionId = rng.uuid();
    process ??= PRIVATE_PROCESS[destinationPort] ?? client?.browserProcess ?? '';
  } else {
    if (destinationFqdn) dest = BY_FQDN.get(destinationFqdn);
    else if (trafficType === 'microsoft365') dest = rng.weighted(M365);
    else if (threatType) dest = rng.weighted(THREATS);
    else {
      const r = rng.next();
      dest = r < 0.006 ? rng.weighted(THREATS) : r < 0.04 ? rng.weighted(BLOCKED) : rng.weighted(INTERNET);
    }
    if (dest) {
      destinationFqdn ||= fqdnFor(cfg, dest);
      if (!threatType && 'threatType' in dest) threatType = (dest as (typeof THREAT_DESTINATIONS)[number]).threatType;
    }
    destinationIp ||= dest ? destinationIpOf(rng, tenant, cfg, dest, destinationFqdn) : tenant.ipIn(cfg.microsoftNetwork, hash32(destinationFqdn));
    process ??= dest?.process && client?.desktop && client.operatingSystem.startsWith('Windows') ? dest.process : (client?.browserProcess ?? '');
  }

  // Web categories are an Internet Access notion: Microsoft 365 and private traffic carry none.
  const categories = spec.webCategories ? categoriesOf(spec.webCategories) : trafficType !== 'internet' || !dest ? [] : categoriesOf(dest.categories);

  // Verdict: threat intelligence first, then the profile's web content filtering rules.
  const profile = trafficType === 'internet' && user ? profileOf(cfg, user) : trafficType === 'internet' ? cfg.baselineProfile : undefined;
  let action: TrafficAction = spec.action ?? 'allow';
  let policyId = '';
  let policyName = '';
  let policyRuleId = '';
  let ruleName = '';
  let vendorNames: ReadonlyArray<string> = [];
  if (threatType) {
    action = spec.action ?? 'block';
    const rule = cfg.threatPolicy.rules[0]!;
    policyId = cfg.threatPolicy.id;
    policyName = cfg.threatPolicy.name;
    policyRuleId = rule.id;
    ruleName = rule.name;
    vendorNames = ['Microsoft'];
  } else if (profile) {
    for (const c of categories) {
      const hit = cfg.blockRuleOf.get(c.name);
      if (hit && profile.policies.includes(hit.policy)) {
        action = spec.action ?? 'block';
        policyId = hit.policy.id;
        policyName = hit.policy.name;
        policyRuleId = hit.rule.id;
        ruleName = hit.rule.name;
        break;
      }
    }
  }

  const blocked = action === 'block';
  const sentBytes = spec.sentBytes ?? (blocked ? 500 + rng.int(1300) : dest ? bytesIn(rng, dest.sent) : 400 + bytesIn(rng, [200, 200000]));
  const receivedBytes = spec.receivedBytes ?? (blocked ? 0 : dest ? bytesIn(rng, dest.received) : 300 + bytesIn(rng, [200, 2000000]));
  const uniqueTokenId =
    spec.uniqueTokenId ?? (trafficType === 'microsoft365' && destinationFqdn !== 'login.microsoftonline.com' ? uniqueTokenIdentifier(rng) : '');

  return {
    category: 'NetworkAccessTrafficLogs',
    id: transactionId,
    time,
    tick,
    // Traffic logs are stamped with the transaction time [unverified: no public sample].
    envelopeTime: time,
    envelopeTick: tick,
    transactionId,
    connectionId: spec.connectionId ?? connectionIdOf(rng),
    sessionId,
    trafficType,
    deviceCategory: remote ? 'branch' : 'client',
    action,
    userId: user?.id ?? '',
    userPrincipalName: user?.userPrincipalName ?? '',
    deviceId: client?.device.deviceId ?? '',
    deviceOperatingSystem: client?.operatingSystem ?? '',
    deviceOperatingSystemVersion: client?.operatingSystemVersion ?? '',
    agentVersion: client?.agentVersion ?? '',
    sourceIp,
    sourcePort: spec.sourcePort ?? 49152 + rng.int(16384),
    destinationIp,
    destinationFqdn,
    destinationPort,
    destinationUrl: spec.destinationUrl ?? '',
    transportProtocol,
    networkProtocol: destinationIp.includes(':') ? 'ipv6' : 'ipv4',
    webCategories: categories,
    filteringProfileId: profile?.id ?? '',
    filteringProfileName: profile?.name ?? '',
    policyId,
    policyName,
    policyRuleId,
    ruleName,
    threatType,
    vendorNames,
    sentBytes,
    receivedBytes,
    initiatingProcessName: remote ? '' : (process ?? ''),
    httpMethod: spec.httpMethod ?? '',
    responseCode: spec.responseCode ?? null,
    referrer: '',
    origin: '',
    xForwardedFor: '',
    processingRegion,
    remoteNetworkId: remote?.id ?? '',
    resourceTenantId: trafficType === 'internet' ? '' : tenant.id,
    appId,
    appSegmentId,
    accessType,
    connectionStatus,
    connectorId,
    connectorName,
    connectorIp,
    connectorRegion,
    uniqueTokenId,
    cloudApp: dest?.cloudApp ?? null,
    description: '',
  };
}

const DESKTOP_MIX = [
  ['microsoft365', 40],
  ['internet', 45],
  ['private', 15],
] as const;
const MOBILE_MIX = [
  ['microsoft365', 55],
  ['internet', 45],
] as const;
const CONNECTION_STATUS = [
  ['active', 70],
  ['open', 15],
  ['closed', 15],
] as const;

export function baselineNetworkAccessTraffic(ctx: BuildContext, time: number): NetworkAccessTrafficActivity[] {
  // No Global Secure Access licence: the category stays empty.
  if (!ctx.tenant.globalSecureAccess) return [];
  return [buildNetworkAccessTraffic(ctx, time)];
}
