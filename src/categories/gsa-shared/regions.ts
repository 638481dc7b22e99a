/**
 * Azure regions near a caller: Microsoft Graph logs the region that served a request as
 * its display name (`location` "East US 2", "UK South", notes §A.2), Global Secure Access
 * logs its processing edge as the lower-case region name ("westus2", Graph docs example).
 * Callers are served near where they are, so the region follows the caller's country.
 */
import { hash32 } from '../../core/random.ts';
import type { Network } from '../../tenant/types.ts';

export interface AzureRegion {
  /** Display name, as MicrosoftGraphActivityLogs writes `location`. */
  readonly displayName: string;
  /** Programmatic name, as GSA writes processing regions. */
  readonly name: string;
}

const r = (displayName: string): AzureRegion => ({ displayName, name: displayName.toLowerCase().replace(/ /g, '') });

const US_WEST = [r('West US 2'), r('West US'), r('West US 3')];
const US_EAST = [r('East US 2'), r('East US'), r('South Central US'), r('Central US'), r('North Central US')];

/** Candidate regions per country (ISO alpha-2); a network sticks to one of them. */
const BY_COUNTRY: Readonly<Record<string, ReadonlyArray<AzureRegion>>> = {
  CA: [r('Canada Central'), r('Canada East')],
  MX: [r('South Central US')],
  BR: [r('Brazil South')],
  GB: [r('UK South'), r('UK West')],
  IE: [r('North Europe')],
  NL: [r('West Europe')],
  FR: [r('France Central')],
  DE: [r('Germany West Central')],
  ES: [r('West Europe')],
  IT: [r('West Europe')],
  SE: [r('Sweden Central'), r('North Europe')],
  PL: [r('North Europe'), r('West Europe')],
  RO: [r('North Europe'), r('West Europe')],
  BG: [r('North Europe'), r('West Europe')],
  RU: [r('North Europe')],
  NG: [r('West Europe'), r('South Africa North')],
  IN: [r('Central India'), r('South India')],
  SG: [r('Southeast Asia')],
  VN: [r('Southeast Asia')],
  JP: [r('Japan East'), r('Japan West')],
  AU: [r('Australia East'), r('Australia Southeast')],
};

const cache = new WeakMap<Network, AzureRegion>();

/** The region that serves traffic from a network (stable per network). */
export function regionOfNetwork(net: Network): AzureRegion {
  let region = cache.get(net);
  if (region) return region;
  const c = net.geo.countryOrRegion;
  const list = c === 'US' ? (net.geo.longitude < -100 ? US_WEST : US_EAST) : (BY_COUNTRY[c] ?? US_EAST);
  region = list[hash32(net.id) % list.length]!;
  cache.set(net, region);
  return region;
}

/**
 * `__UDI_RequiredFields_RegionScope` of a tenant: the token claim `tenant_region_scope`
 * ("NA", "EU", … observed "NA" and "EU"), from the tenant's home (first office) country.
 */
export function regionScopeOf(country: string): string {
  switch (country) {
    case 'US':
    case 'CA':
    case 'MX':
      return 'NA';
    case 'BR':
      return 'SA';
    case 'IN':
    case 'SG':
    case 'JP':
    case 'VN':
      return 'AS';
    case 'AU':
      return 'OC';
    case 'NG':
      return 'AF';
    default:
      return 'EU';
  }
}
