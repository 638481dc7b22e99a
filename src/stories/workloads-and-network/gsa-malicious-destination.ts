/**
 * gsa-malicious-destination: a user follows a phishing link behind Global Secure Access.
 *
 * The user's GSA client sends the browser's request to a look-alike sign-in page; GSA's
 * threat intelligence filtering blocks it (NetworkAccessTraffic: Action Block, ThreatType
 * Phishing, the tenant's threat-intelligence policy), and the browser and the user retry.
 * Minutes later a lure document pulls a payload over plain HTTP from a second domain of
 * the same attacker that GSA does not know yet (allowed, URL visible), and the payload
 * beacons back to it over HTTPS (allowed). The attacker's domains, URL and address are the
 * indicators a SOC's threat intelligence feed holds (`threatIntelFor`): Sentinel's GSA TI
 * rules match them in the traffic, allowed and blocked alike.
 *
 * The domains are typo-squats of the tenant's own domain (what phishing kits register for
 * a target); the address comes from a hosting network through `tenant.ipIn`.
 */
import type { ActivityBase } from '../../core/activity.ts';
import { hash32 } from '../../core/random.ts';
import { MINUTE } from '../../core/time.ts';
import type { Network, Tenant, User } from '../../tenant/types.ts';
import { buildNetworkAccessTraffic } from '../../categories/network-access-traffic/index.ts';
import { gsaClientOf } from '../../categories/gsa-shared/config.ts';
import type { Story, StoryContext } from '../types.ts';
import { buildContext, byTime, storyStart, storyUser } from './common.ts';

export interface GsaMaliciousDestinationParams {
  /** The user who clicks (tenant index; must run the GSA client); default a random member that does. */
  readonly user?: number;
  /** GSA's verdict on the first destination. */
  readonly threatType: 'Phishing' | 'Malware';
  /** Blocked requests to it (browser retries, the user trying again). */
  readonly attempts: number;
  /** Beacons of the payload to the second, allowed domain (0: no payload stage). */
  readonly beacons: number;
}

/** The attacker's infrastructure for one tenant: stable, so a TI feed can list it. */
export interface ThreatInfrastructure {
  /** Blocked by GSA threat intelligence. */
  readonly lureFqdn: string;
  readonly lureUrl: string;
  /** Not (yet) in GSA's feed: allowed. */
  readonly payloadFqdn: string;
  readonly payloadUrl: string;
  readonly ip: string;
  readonly network: Network;
}

/** The tenant's own domain label (`fabrikam` of fabrikam.com): what the typo-squats imitate. */
function brand(tenant: Tenant): string {
  const d = tenant.domains[0] ?? tenant.initialDomain;
  return d.slice(0, d.indexOf('.')).replace(/[^a-z0-9-]/gi, '').toLowerCase() || 'contoso';
}

/** The attacker's servers: one VPS at a hoster other than Microsoft or Amazon (GSA's own neighbours). */
export function threatInfrastructure(tenant: Tenant): ThreatInfrastructure {
  const b = brand(tenant);
  const hosts = tenant.networks.filter((n) => n.kind === 'hosting' && n.asn !== 8075 && n.asn !== 16509);
  const pool = hosts.length > 0 ? hosts : tenant.networks.filter((n) => n.kind === 'hosting');
  const h = hash32(`${tenant.id}/gsa-threat`);
  const network = pool[h % pool.length]!;
  const lureFqdn = `login.${b}-sso-verify.com`;
  const payloadFqdn = `cdn.${b}-docshare.net`;
  return {
    lureFqdn,
    lureUrl: `https://${lureFqdn}/common/oauth2/v2.0/authorize`,
    payloadFqdn,
    payloadUrl: `http://${payloadFqdn}/d/Invoice_${(h % 9000) + 1000}.iso`,
    ip: tenant.ipIn(network, (h >>> 8) % 254),
    network,
  };
}

/**
 * The indicators a SOC's TI platform holds for this campaign, in the shape of Sentinel's
 * ThreatIntelIndicators rows the GSA TI rules read (ObservableKey `type:value`).
 */
export interface ThreatIntelIndicator {
  readonly Id: string;
  readonly ObservableKey: string;
  readonly ObservableValue: string;
  readonly IsActive: boolean;
  /** ISO datetime, or '' (no expiry). */
  readonly ValidUntil: string;
  /** JSON text; the rules read `description`. */
  readonly Data: string;
  readonly TimeGenerated: string;
}

export function threatIntelFor(tenant: Tenant, asOf: number): ThreatIntelIndicator[] {
  const t = threatInfrastructure(tenant);
  const registered = (fqdn: string): string => fqdn.split('.').slice(-2).join('.');
  const row = (type: string, value: string, n: number): ThreatIntelIndicator => ({
    Id: `indicator--${tenant.id.slice(0, 8)}-0000-4000-8000-00000000000${n}`,
    ObservableKey: `${type}:value`,
    ObservableValue: value,
    IsActive: true,
    ValidUntil: '',
    Data: JSON.stringify({ description: 'Phishing kit infrastructure (AiTM) targeting the organisation. State: active;' }),
    TimeGenerated: new Date(asOf).toISOString(),
  });
  return [
    row('domain-name', registered(t.lureFqdn), 1),
    row('domain-name', registered(t.payloadFqdn), 2),
    row('url', t.payloadUrl, 3),
    row('ipv4-addr', t.ip, 4),
  ];
}

/** A member whose device runs the GSA client (the index given must). */
function gsaUser(ctx: StoryContext, index: number | undefined): User {
  if (index !== undefined) {
    const u = storyUser(ctx, index);
    if (!gsaClientOf(u)) throw new RangeError(`user ${index} has no device with the Global Secure Access client`);
    return u;
  }
  for (let i = 0; i < 32; i++) {
    const u = storyUser(ctx, undefined);
    const c = gsaClientOf(u);
    if (c && c.desktop && c.operatingSystem.startsWith('Windows')) return u;
  }
  return storyUser(ctx, undefined);
}

function run(ctx: StoryContext, p: GsaMaliciousDestinationParams): ActivityBase[] {
  const { rng, tenant } = ctx;
  const b = buildContext(ctx);
  const at = storyStart(ctx);
  const user = gsaUser(ctx, p.user);
  const client = gsaClientOf(user);
  const browser = client?.browserProcess || 'msedge.exe';
  const infra = threatInfrastructure(tenant);
  // One address for the user's session: the office NAT or the home line.
  const net = rng.bool(0.5) ? user.officeLocation.network : user.homeNetwork;
  const sourceIp = net.kind === 'corporate' ? tenant.ipIn(net, 1 + rng.int(8)) : tenant.ipIn(net, hash32(user.id));
  const out: ActivityBase[] = [];

  // Ordinary traffic before the click (mail, where the link came from; the web).
  let t = at - rng.range(3 * MINUTE, 10 * MINUTE);
  for (let i = 0; i < 4; i++) {
    out.push(buildNetworkAccessTraffic(b, t, { user, sourceIp, trafficType: i % 2 === 0 ? 'microsoft365' : 'internet' }));
    t += rng.range(20_000, 90_000);
  }

  // The click: blocked by threat intelligence, then retried.
  t = at;
  for (let i = 0; i < Math.max(1, p.attempts); i++) {
    out.push(
      buildNetworkAccessTraffic(b, t, {
        user,
        sourceIp,
        trafficType: 'internet',
        destinationFqdn: infra.lureFqdn,
        destinationIp: infra.ip,
        destinationPort: 443,
        threatType: p.threatType,
        initiatingProcessName: browser,
      }),
    );
    t += i === 0 ? rng.range(300, 2_000) : rng.range(5_000, 40_000);
  }

  // The payload from the second domain: allowed (not in GSA's feed), URL visible over plain HTTP.
  if (p.beacons > 0) {
    t += rng.range(1 * MINUTE, 4 * MINUTE);
    out.push(
      buildNetworkAccessTraffic(b, t, {
        user,
        sourceIp,
        trafficType: 'internet',
        destinationFqdn: infra.payloadFqdn,
        destinationIp: infra.ip,
        destinationPort: 80,
        destinationUrl: infra.payloadUrl,
        httpMethod: 'GET',
        responseCode: 200,
        action: 'allow',
        initiatingProcessName: browser,
        sentBytes: rng.range(600, 1_200),
        receivedBytes: rng.range(1_500_000, 4_000_000),
      }),
    );
    // The payload calls home over HTTPS every minute or so.
    for (let i = 0; i < p.beacons; i++) {
      t += rng.range(45_000, 75_000);
      out.push(
        buildNetworkAccessTraffic(b, t, {
          user,
          sourceIp,
          trafficType: 'internet',
          destinationFqdn: infra.payloadFqdn,
          destinationIp: infra.ip,
          destinationPort: 443,
          action: 'allow',
          initiatingProcessName: 'rundll32.exe',
          sentBytes: rng.range(900, 3_000),
          receivedBytes: rng.range(300, 2_000),
        }),
      );
    }
  }
  return byTime(out);
}

export const gsaMaliciousDestination: Story<GsaMaliciousDestinationParams> = {
  id: 'gsa-malicious-destination',
  title: 'Global Secure Access: phishing site blocked, payload host allowed',
  description:
    "A user's GSA client reaches a look-alike sign-in page that GSA threat intelligence blocks (retried), then downloads a payload over HTTP from the attacker's second domain, which GSA allows, and the payload beacons to it; the attacker's domains, URL and IP are in the SOC's threat intelligence feed.",
  categories: ['NetworkAccessTrafficLogs'],
  detections: ['GSA - TI Domain Entity (Sentinel)', 'GSA - TI URL Entity (Sentinel)', 'GSA - TI IP Entity (Sentinel)'],
  params: {
    properties: {
      user: { type: 'integer', minimum: 0, description: 'Tenant user index (must run the GSA client); default a random member on Windows.' },
      threatType: { enum: ['Phishing', 'Malware'], description: "GSA's verdict on the blocked destination." },
      attempts: { type: 'integer', minimum: 1, maximum: 50, description: 'Blocked requests (retries).' },
      beacons: { type: 'integer', minimum: 0, maximum: 500, description: 'Payload beacons to the allowed domain (0: no payload stage).' },
    },
  },
  defaults: { threatType: 'Phishing', attempts: 3, beacons: 5 },
  run,
};
