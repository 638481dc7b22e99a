/** The networks IPs are drawn from, built once per tenant from the geography tables. */
import { CITIES, ISPS, type CityRow } from '../data/geography.ts';
import { Rng, stableUuid } from '../core/random.ts';
import type { GeoLocation, NamedLocation, Network } from './types.ts';

function geoOf(row: CityRow): GeoLocation {
  return {
    city: row.city,
    state: row.state,
    countryOrRegion: row.country,
    latitude: row.lat,
    longitude: row.lon,
    timeZone: row.tz,
  };
}

export interface NetworkPlan {
  readonly networks: Network[];
  readonly namedLocations: NamedLocation[];
  /** Home and mobile networks per country, for users' remote work. */
  readonly consumerByCountry: Map<string, { home: Network[]; mobile: Network[] }>;
}


/**
 * One /24 per (ISP, city) pair: `block.<n>`. Corporate offices get their own /24s in a
 * separate block so named locations never overlap consumer ranges.
 */
export function planNetworks(seed: string, tenantName: string, officeCities: ReadonlyArray<CityRow>): NetworkPlan {
  const rng = new Rng(`${seed}/networks`);
  const networks: Network[] = [];
  const consumerByCountry = new Map<string, { home: Network[]; mobile: Network[] }>();
  const taken = new Set<string>();
  // Distinct /24s, so an IP maps back to exactly one network.
  const unique = (make: () => string): string => {
    for (;;) {
      const p = make();
      if (!taken.has(p)) {
        taken.add(p);
        return p;
      }
    }
  };
  for (const isp of ISPS) {
    const cities = CITIES.filter((c) => c.country === isp.country);
    // Hosting/VPN/Tor networks live in one city each; consumer ISPs in every city of their country.
    const used = isp.kind === 'home' || isp.kind === 'mobile' ? cities : cities.slice(0, 1);
    for (const city of used) {
      const id = stableUuid(`${seed}/network/${isp.asn}/${city.city}`);
      // Consumer ISPs get a /16 per city: thousands of households and phones must not end up
      // sharing addresses (unrelated users on one IP trip per-IP detections). Hosting, VPN and
      // Tor networks are /24s.
      const consumer = isp.kind === 'home' || isp.kind === 'mobile';
      const [first, second] = isp.block.split('.').map(Number) as [number, number];
      let bump = 0;
      const net: Network = {
        id,
        kind: isp.kind,
        name: isp.name,
        geo: geoOf(city),
        asn: isp.asn,
        ipv4Prefix: consumer
          ? unique(() => `${first}.${(second + bump++) % 256}`)
          : unique(() => `${isp.block}.${rng.range(1, 254)}`),
        ...(isp.kind === 'home' && rng.bool(0.3)
          ? { ipv6Prefix: `2a0${rng.range(1, 9)}:${rng.hex(4)}:${rng.hex(4)}:${rng.hex(4)}` }
          : {}),
        trusted: false,
      };
      networks.push(net);
      if (isp.kind === 'home' || isp.kind === 'mobile') {
        const entry = consumerByCountry.get(isp.country) ?? { home: [], mobile: [] };
        entry[isp.kind].push(net);
        consumerByCountry.set(isp.country, entry);
      }
    }
  }
  const namedLocations: NamedLocation[] = officeCities.map((city, i) => {
    const net: Network = {
      id: stableUuid(`${seed}/office/${i}`),
      kind: 'corporate',
      name: `${tenantName} ${city.city} office`,
      geo: geoOf(city),
      // Corporate egress: the tenant's own range, announced by its upstream ISP's ASN.
      asn: ISPS.find((p) => p.country === city.country && p.kind === 'home')?.asn ?? 8075,
      ipv4Prefix: unique(() => `${rng.pick(['52.', '40.', '64.', '198.'])}${rng.range(10, 250)}.${rng.range(1, 254)}`),
      trusted: true,
    };
    networks.push(net);
    return { id: net.id, displayName: `${city.city} office`, network: net };
  });
  return { networks, namedLocations, consumerByCountry };
}
