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
  return hash32(label);
}

/**
 * A user's network for a sign-in. Where someone works is decided per user and day (office,
 * home, or on the road on their carrier), not per sign-in or device: people don't hop
 * between networks minutes apart, and rules that compare consecutive sign-ins (success
 * then failure from another /16) rely on that; phones share the day's Wi-Fi. Corporate
 * egress NATs through a pool of addresses, each user sticking to one. Guests work from
 * their own organisation, which this tenant sees as their home ISP.
 */
export function userOrigin(_rng: Rng, tenant: Tenant, user: User, _device: Device | null, day: number): Origin {
  const place = hash32(`${user.id}/place/${day}`) / 4294967296;
  let network: Network;
  let host: number;
  if (user.userType === 'Guest') {
    network = user.homeNetwork;
    host = stableHost(`${user.id}/home/${day}`);
  } else if (place < 0.08) {
    // On the road: every device on the carrier (tethered laptop, phone) that day.
    network = user.mobileNetwork;
    host = stableHost(`${user.id}/mobile/${day}`);
  } else if (place < 0.62) {
    network = user.officeLocation.network;
    host = 1 + (hash32(`${user.id}/nat`) % 128);
  } else {
    network = user.homeNetwork;
    host = stableHost(`${user.id}/home/${day}`);
  }
  const v6 = network.ipv6Prefix !== undefined && hash32(`${user.id}/v6/${day}`) % 10 < 3;
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
