/**
 * Picks the IP a risky sign-in came from, by the kind of place the detection implies
 * (an anonymiser for anonymizedIPAddress, another country for unlikelyTravel, …).
 * IPs are always drawn with `tenant.ipIn`, so `tenant.networkOfIp` geolocates them.
 */
import type { Rng } from '../../core/random.ts';
import type { Network, Tenant, User } from '../../tenant/types.ts';
import { ATTACK_COUNTRIES, type RiskNetworkClass } from '../../data/risk-detections.ts';

interface RiskNetworkPools {
  readonly anonymous: ReadonlyArray<Network>;
  readonly malicious: ReadonlyArray<Network>;
  readonly hosting: ReadonlyArray<Network>;
  readonly consumer: ReadonlyArray<Network>;
  /** Cloud hosts and VPNs: where suspicious workload sign-ins come from. */
  readonly workload: ReadonlyArray<Network>;
}

const POOLS = new WeakMap<Tenant, RiskNetworkPools>();

function pools(tenant: Tenant): RiskNetworkPools {
  let p = POOLS.get(tenant);
  if (!p) {
    const nets = tenant.networks;
    const anonymous = nets.filter((n) => n.kind === 'tor' || n.kind === 'vpn');
    const hosting = nets.filter((n) => n.kind === 'hosting');
    const attackIsps = nets.filter((n) => (n.kind === 'home' || n.kind === 'mobile') && ATTACK_COUNTRIES.includes(n.geo.countryOrRegion));
    const consumer = nets.filter((n) => n.kind === 'home' || n.kind === 'mobile');
    const workload = nets.filter((n) => n.kind === 'hosting' || n.kind === 'vpn');
    p = {
      anonymous: anonymous.length > 0 ? anonymous : nets,
      malicious: attackIsps.length + hosting.length > 0 ? [...attackIsps, ...hosting] : nets,
      hosting: hosting.length > 0 ? hosting : nets,
      consumer: consumer.length > 0 ? consumer : nets,
      workload: workload.length > 0 ? workload : nets,
    };
    POOLS.set(tenant, p);
  }
  return p;
}

/** A consumer network outside `country` (bounded retries; falls back to any). */
function foreignNetwork(rng: Rng, p: RiskNetworkPools, country: string): Network {
  for (let i = 0; i < 8; i++) {
    const n = rng.pick(p.consumer);
    if (n.geo.countryOrRegion !== country) return n;
  }
  return rng.pick(p.malicious);
}

/** The network a detection of the given class points at for this user. */
export function riskNetwork(rng: Rng, tenant: Tenant, user: User, cls: RiskNetworkClass): Network {
  const p = pools(tenant);
  const home = user.homeNetwork.geo.countryOrRegion;
  switch (cls) {
    case 'familiar':
      return rng.weighted([
        [user.officeLocation.network, 45],
        [user.homeNetwork, 40],
        [user.mobileNetwork, 15],
      ]);
    case 'anonymous':
      return rng.pick(p.anonymous);
    case 'malicious':
      return rng.pick(p.malicious);
    case 'foreign':
      return foreignNetwork(rng, p, home);
    case 'unfamiliar': {
      const r = rng.next();
      if (r < 0.4) return foreignNetwork(rng, p, home);
      if (r < 0.6) return rng.pick(p.anonymous);
      if (r < 0.7) return rng.pick(p.hosting);
      return rng.pick(p.consumer);
    }
  }
}

/** An IP of the network; home ISPs with IPv6 sometimes hand out v6 addresses. */
export function ipOf(rng: Rng, tenant: Tenant, net: Network): string {
  return tenant.ipIn(net, rng.range(1, 254), net.ipv6Prefix !== undefined && rng.bool(0.25));
}

/** The network a suspicious service-principal sign-in came from. */
export function workloadRiskNetwork(rng: Rng, tenant: Tenant): Network {
  return rng.pick(pools(tenant).workload);
}
