/**
 * A tenant's Global Secure Access deployment, derived once per tenant (WeakMap): the
 * security (filtering) profiles and web content filtering policies, Private Access
 * connectors and apps, remote networks (one per branch office = named location), the
 * Microsoft / Amazon networks that serve Microsoft 365 and SaaS destinations, and the
 * GSA client each user runs. Every id is stable per tenant so all four categories (and
 * the sign-in logs, via `uniqueTokenId`) agree.
 */
import { hash32, Rng, stableUuid } from '../../core/random.ts';
import type { Device, NamedLocation, Network, Tenant, User } from '../../tenant/types.ts';
import type { WebCategoryName } from '../../data/web-destinations.ts';
import { regionOfNetwork, type AzureRegion } from './regions.ts';

export interface FilteringRule {
  readonly id: string;
  readonly name: string;
  readonly categories: ReadonlyArray<WebCategoryName>;
}

export interface FilteringPolicy {
  readonly id: string;
  readonly name: string;
  readonly action: 'block' | 'allow';
  readonly rules: ReadonlyArray<FilteringRule>;
}

export interface FilteringProfile {
  readonly id: string;
  readonly name: string;
  readonly policies: ReadonlyArray<FilteringPolicy>;
}

export interface PrivateAppSegment {
  readonly id: string;
  readonly fqdn: string;
  /** Private (RFC 1918) address the segment resolves to. */
  readonly ip: string;
  readonly port: number;
  readonly protocol: 'tcp' | 'udp';
}

export interface PrivateApp {
  /** App id of the enterprise application that publishes the segments. */
  readonly appId: string;
  readonly displayName: string;
  readonly accessType: 'quickAccess' | 'privateAccess';
  readonly segments: ReadonlyArray<PrivateAppSegment>;
}

export interface Connector {
  readonly id: string;
  readonly name: string;
  readonly ip: string;
  readonly region: AzureRegion;
}

export interface RemoteNetwork {
  readonly id: string;
  readonly name: string;
  readonly location: NamedLocation;
  /** Public IP of the branch's customer-premises equipment (the IPsec tunnel's local end). */
  readonly publicIp: string;
  /** Microsoft gateway the tunnel terminates on. */
  readonly gatewayIp: string;
  readonly routesAdvertised: number;
}

/** The GSA client on a device: what traffic logs write in the device columns. */
export interface GsaClient {
  readonly device: Device;
  readonly operatingSystem: string;
  readonly operatingSystemVersion: string;
  readonly agentVersion: string;
  /** Windows/macOS process names opening browser traffic. */
  readonly browserProcess: string;
  readonly desktop: boolean;
}

export interface GsaConfig {
  readonly sharePointPrefix: string;
  readonly microsoftNetwork: Network;
  readonly amazonNetwork: Network;
  readonly baselineProfile: FilteringProfile;
  readonly profiles: ReadonlyArray<FilteringProfile>;
  readonly threatPolicy: FilteringPolicy;
  /** Category → the block rule (and its policy) that matches it. */
  readonly blockRuleOf: ReadonlyMap<WebCategoryName, { policy: FilteringPolicy; rule: FilteringRule }>;
  readonly connectors: ReadonlyArray<Connector>;
  readonly privateApps: ReadonlyArray<PrivateApp>;
  readonly remoteNetworks: ReadonlyArray<RemoteNetwork>;
}

const configs = new WeakMap<Tenant, GsaConfig>();

function networkByAsn(tenant: Tenant, asn: number): Network {
  const net = tenant.networks.find((n) => n.asn === asn && n.kind === 'hosting');
  if (!net) throw new Error(`tenant has no hosting network with ASN ${asn}`);
  return net;
}

export function gsaConfig(tenant: Tenant): GsaConfig {
  let cfg = configs.get(tenant);
  if (cfg) return cfg;
  cfg = buildConfig(tenant);
  configs.set(tenant, cfg);
  return cfg;
}

function buildConfig(tenant: Tenant): GsaConfig {
  const t = tenant.id;
  const id = (label: string): string => stableUuid(`${t}/gsa/${label}`);
  const policy = (name: string, action: 'block' | 'allow', rules: ReadonlyArray<[string, ReadonlyArray<WebCategoryName>]>): FilteringPolicy => ({
    id: id(`policy/${name}`),
    name,
    action,
    rules: rules.map(([ruleName, categories]) => ({ id: id(`rule/${name}/${ruleName}`), name: ruleName, categories })),
  });
  const gambling = policy('Block gambling and games', 'block', [
    ['Gambling', ['Gambling']],
    ['Games', ['Games']],
  ]);
  const piracy = policy('Block piracy and hacking', 'block', [['Piracy', ['PeerToPeer', 'IllegalSoftware']], ['Hacking', ['Hacking']]]);
  const threatPolicy = policy('Threat intelligence', 'block', [['Block malicious destinations', []]]);
  const baselineProfile: FilteringProfile = { id: id('profile/baseline'), name: 'Baseline profile', policies: [piracy, threatPolicy] };
  const standard: FilteringProfile = { id: id('profile/standard'), name: 'Standard users', policies: [gambling, piracy] };
  const blockRuleOf = new Map<WebCategoryName, { policy: FilteringPolicy; rule: FilteringRule }>();
  for (const p of [gambling, piracy]) for (const rule of p.rules) for (const c of rule.categories) blockRuleOf.set(c, { policy: p, rule });

  const rng = new Rng(`${t}/gsa`);
  const domain = tenant.domains[0]!;
  const corp = `corp.${domain}`;
  const octet = (): number => rng.range(2, 250);
  const net10 = `10.${rng.range(1, 200)}`;
  const connectors: Connector[] = tenant.namedLocations.slice(0, 3).flatMap((loc, i) =>
    [1, 2].map((n) => ({
      id: id(`connector/${i}/${n}`),
      name: `${loc.network.geo.city.toLowerCase().replace(/[^a-z]/g, '')}-connector-0${n}`,
      ip: `${net10}.${i * 16 + 4}.${10 + n}`,
      region: regionOfNetwork(loc.network),
    })),
  );
  const seg = (label: string, fqdn: string, port: number, protocol: 'tcp' | 'udp' = 'tcp'): PrivateAppSegment => ({
    id: id(`segment/${label}`),
    fqdn,
    ip: `${net10}.${octet()}.${octet()}`,
    port,
    protocol,
  });
  const privateApps: PrivateApp[] = [
    {
      appId: id('app/quick-access'),
      displayName: 'Quick Access',
      accessType: 'quickAccess',
      segments: [
        seg('fs01', `fs01.${corp}`, 445),
        seg('intranet', `intranet.${corp}`, 443),
        seg('dc01-dns', `dc01.${corp}`, 53, 'udp'),
        seg('dc01-ldap', `dc01.${corp}`, 389),
      ],
    },
    {
      appId: id('app/rdp'),
      displayName: 'Server RDP access',
      accessType: 'privateAccess',
      segments: [seg('rdp01', `app01.${corp}`, 3389), seg('rdp02', `app02.${corp}`, 3389)],
    },
    {
      appId: id('app/erp'),
      displayName: 'ERP',
      accessType: 'privateAccess',
      segments: [seg('erp', `erp.${corp}`, 443), seg('sql', `sql01.${corp}`, 1433)],
    },
    {
      appId: id('app/git'),
      displayName: 'Source control',
      accessType: 'privateAccess',
      segments: [seg('git', `git.${corp}`, 22), seg('git-web', `git.${corp}`, 443)],
    },
  ];

  const microsoftNetwork = networkByAsn(tenant, 8075);
  const remoteNetworks: RemoteNetwork[] = tenant.namedLocations.map((loc, i) => ({
    id: id(`remote-network/${i}`),
    name: `${loc.network.geo.city} branch`,
    location: loc,
    publicIp: tenant.ipIn(loc.network, 1),
    gatewayIp: tenant.ipIn(microsoftNetwork, 200 + (hash32(loc.id) % 50)),
    routesAdvertised: 2 + (hash32(`${loc.id}/routes`) % 40),
  }));

  return {
    sharePointPrefix: tenant.initialDomain.slice(0, tenant.initialDomain.indexOf('.')),
    microsoftNetwork,
    amazonNetwork: networkByAsn(tenant, 16509),
    baselineProfile,
    profiles: [baselineProfile, standard],
    threatPolicy,
    blockRuleOf,
    connectors,
    privateApps,
    remoteNetworks,
  };
}

/** The security profile a user's traffic is evaluated against (Conditional Access assigns it). */
export function profileOf(cfg: GsaConfig, user: User): FilteringProfile {
  // Three in four users are in the group that gets the stricter profile.
  return user.index % 4 === 3 ? cfg.baselineProfile : cfg.profiles[1]!;
}

const WINDOWS_BUILDS: ReadonlyArray<readonly [string, string]> = [
  ['Windows 11 Enterprise', '10.0.26100'],
  ['Windows 11 Enterprise', '10.0.22631'],
  ['Windows 10 Enterprise', '10.0.19045'],
  ['Windows 11 Pro', '10.0.26100'],
];
/** GSA client releases [guessed version strings in the format the clients report]. */
const WINDOWS_AGENTS = ['2.10.65', '2.12.26', '2.14.50'];
const MAC_AGENTS = ['1.1.25040301', '1.1.25070800'];
const MOBILE_AGENTS = ['1.0.7705.0101', '1.0.7806.0101'];

const clients = new WeakMap<Device, GsaClient | null>();

/**
 * The GSA client of a user: the first device that can run it (Entra joined or registered
 * Windows, macOS, iOS, Android; the client needs a device identity). Null when none.
 */
export function gsaClientOf(user: User): GsaClient | null {
  for (const device of user.devices) {
    let c = clients.get(device);
    if (c === undefined) {
      c = clientOn(device);
      clients.set(device, c);
    }
    if (c) return c;
  }
  return null;
}

function clientOn(device: Device): GsaClient | null {
  if (!device.deviceId) return null;
  const h = hash32(device.deviceId);
  const browserProcess = browserProcessOf(device);
  switch (device.operatingSystem) {
    case 'Windows 10':
    case 'Windows': {
      const [os, version] = WINDOWS_BUILDS[h % WINDOWS_BUILDS.length]!;
      return { device, operatingSystem: os, operatingSystemVersion: version, agentVersion: WINDOWS_AGENTS[(h >>> 8) % WINDOWS_AGENTS.length]!, browserProcess, desktop: true };
    }
    case 'MacOs':
      return { device, operatingSystem: 'macOS', operatingSystemVersion: ['14.7.1', '15.1.1', '15.3'][h % 3]!, agentVersion: MAC_AGENTS[(h >>> 8) % MAC_AGENTS.length]!, browserProcess, desktop: true };
    case 'Ios':
      return { device, operatingSystem: 'iOS', operatingSystemVersion: ['18.1', '18.2', '17.6.1'][h % 3]!, agentVersion: MOBILE_AGENTS[(h >>> 8) % MOBILE_AGENTS.length]!, browserProcess: '', desktop: false };
    case 'Android':
      return { device, operatingSystem: 'Android', operatingSystemVersion: ['14', '15', '13'][h % 3]!, agentVersion: MOBILE_AGENTS[(h >>> 8) % MOBILE_AGENTS.length]!, browserProcess: '', desktop: false };
    default:
      return null;
  }
}

function browserProcessOf(device: Device): string {
  const b = device.browser;
  const mac = device.operatingSystem === 'MacOs';
  if (b.startsWith('Edge')) return mac ? 'Microsoft Edge' : 'msedge.exe';
  if (b.startsWith('Chrome')) return mac ? 'Google Chrome' : 'chrome.exe';
  if (b.startsWith('Firefox')) return mac ? 'firefox' : 'firefox.exe';
  if (b.startsWith('Safari')) return 'Safari';
  return '';
}

/** The network a user is on at a given moment: the office, home, or (phones) the carrier. */
export function userNetwork(rng: Rng, user: User, mobile: boolean): Network {
  const r = rng.next();
  if (mobile) return r < 0.5 ? user.mobileNetwork : r < 0.8 ? user.homeNetwork : user.officeLocation.network;
  return r < 0.55 ? user.officeLocation.network : r < 0.95 ? user.homeNetwork : user.mobileNetwork;
}

/**
 * A public IP of the user on a network: offices egress through a small NAT pool, a home
 * line keeps its address (stable per user), carriers hand out a fresh one.
 */
export function userIp(rng: Rng, tenant: Tenant, user: User, net: Network): string {
  if (net.kind === 'corporate') return tenant.ipIn(net, 1 + rng.int(8));
  if (net === user.homeNetwork) return tenant.ipIn(net, hash32(user.id));
  return tenant.ipIn(net, rng.int(254));
}

/** A user who is signed in and working: enabled accounts only (a few tries, then any). */
export function activeUser(rng: Rng, tenant: Tenant, membersOnly = false): User {
  const n = membersOnly ? tenant.memberCount : tenant.userCount;
  let u = tenant.user(rng.int(n));
  for (let i = 0; i < 4 && !u.accountEnabled; i++) u = tenant.user(rng.int(n));
  return u;
}
