/**
 * Where a risky sign-in came from. The location is always derived from the IP's network
 * (`tenant.networkOfIp`) so that every record placing an IP agrees on its city.
 */
import type { JsonObject } from '../../core/activity.ts';
import type { Tenant } from '../../tenant/types.ts';

export interface RiskLocation {
  readonly city: string;
  readonly state: string;
  /** ISO 3166 alpha-2. */
  readonly countryOrRegion: string;
  readonly latitude: number;
  readonly longitude: number;
}

/** The location of an IP the simulation handed out; undefined for foreign addresses. */
export function locationOfIp(tenant: Tenant, ip: string): RiskLocation | undefined {
  const net = tenant.networkOfIp(ip);
  if (!net) return undefined;
  const g = net.geo;
  return { city: g.city, state: g.state, countryOrRegion: g.countryOrRegion, latitude: g.latitude, longitude: g.longitude };
}

function locationValue(loc: RiskLocation | null, altitude: 0 | null): JsonObject | null {
  if (!loc) return null;
  return {
    city: loc.city,
    state: loc.state,
    countryOrRegion: loc.countryOrRegion,
    geoCoordinates: { altitude, latitude: loc.latitude, longitude: loc.longitude },
  };
}

/**
 * Diagnostic / Log Analytics form: `geoCoordinates` carries `altitude` 0 (real records
 * write `"altitude":0.0`; JSON.stringify can only write `0`).
 */
export function diagnosticLocation(loc: RiskLocation | null): JsonObject | null {
  return locationValue(loc, 0);
}

/** Graph form: `altitude` is null, as in Graph's own signInLocation examples. */
export function graphLocation(loc: RiskLocation | null): JsonObject | null {
  return locationValue(loc, null);
}
