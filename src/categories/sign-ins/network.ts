/**
 * Where a sign-in comes from. Every IP is drawn from a tenant network (`tenant.ipIn`) and
 * geolocated back with `tenant.networkOfIp`, so city, country and ASN agree in every record.
 */
import type { Rng } from '../../core/random.ts';
import { hash32 } from '../../core/random.ts';
import type { Device, Network, Tenant, User } from '../../tenant/types.ts';
import type { SignInGeo } from './model.ts';

export interface Origin {
  readonly ipAddress: string;
  readonly network: Network | undefined;
}

/** No geolocation: what Entra writes for managed identities and unroutable addresses. */
export const EMPTY_GEO: SignInGeo = { city: '', state: '', countryOrRegion: '', latitude: 0, longitude: 0 };

/**
 * Coordinates as Entra writes them: single-precision values widened to double
 * (`40.643959045410156`), never the round numbers of a city table.
 */
function f32(x: number): number {
  return Math.fround(x);
}

const GEO_CACHE = new WeakMap<Network, SignInGeo>();

export function geoOfNetwork(network: Network | undefined): SignInGeo {
  if (!network) return EMPTY_GEO;
  let geo = GEO_CACHE.get(network);
  if (!geo) {
    const g = network.geo;
    geo = { city: g.city, state: g.state, countryOrRegion: g.countryOrRegion, latitude: f32(g.latitude), longitude: f32(g.longitude) };
    GEO_CACHE.set(network, geo);
  }
  return geo;
}

/** The origin of an IP a story forces: its network, if the tenant knows it. */
export function originOfIp(tenant: Tenant, ip: string): Origin {
  return { ipAddress: ip, network: tenant.networkOfIp(ip) };
}

/** One host of a network for one actor: a home router or a phone keeps its address for a while. */
function stableHost(label: string): number {
  return (hash32(label) % 254) + 1;
}

/**
 * A user's network for a sign-in: the office (trusted named location) or home on desktops,
 * the mobile carrier more often on phones. Guests work from their own organisation, which
 * this tenant sees as their home ISP.
 */
export function userOrigin(rng: Rng, tenant: Tenant, user: User, device: Device | null, day: number): Origin {
  const mobile = device !== null && (device.operatingSystem === 'Ios' || device.operatingSystem === 'Android');
  const r = rng.next();
  let network: Network;
  let host: number;
  if (user.userType === 'Guest') {
    network = user.homeNetwork;
    host = stableHost(`${user.id}/home/${day}`);
  } else if (mobile ? r < 0.45 : false) {
    network = user.mobileNetwork;
    host = rng.range(1, 254);
  } else if (r < (mobile ? 0.75 : 0.55)) {
    network = user.officeLocation.network;
    // Corporate egress NATs through a handful of addresses.
    host = 1 + rng.int(4);
  } else {
    network = user.homeNetwork;
    host = stableHost(`${user.id}/home/${day}`);
  }
  const v6 = network.ipv6Prefix !== undefined && rng.bool(0.3);
  return { ipAddress: tenant.ipIn(network, host, v6), network };
}

/** A hosting network a workload runs in, fixed per app so its sign-ins keep coming from one place. */
export function workloadOrigin(rng: Rng, tenant: Tenant, hosting: ReadonlyArray<Network>, appId: string, preferAsn: number): Origin {
  if (hosting.length === 0) return { ipAddress: '', network: undefined };
  const preferred = hosting.filter((n) => n.asn === preferAsn);
  const pool = preferred.length > 0 ? preferred : hosting;
  const h = hash32(appId);
  const network = pool[h % pool.length]!;
  // A few outbound addresses per workload.
  const host = ((h >>> 8) % 250) + 1 + rng.int(4);
  return { ipAddress: tenant.ipIn(network, host), network };
}
