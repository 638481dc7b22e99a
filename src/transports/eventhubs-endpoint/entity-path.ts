/**
 * Link addresses and CBS audiences. Clients use bare paths (`hub/Partitions/0`) or full URIs
 * (`amqps://host/hub/...`, `sb://host/hub`); the segment keywords are case-insensitive as on the service.
 */

export type LinkAddress =
  | { kind: 'cbs' }
  | { kind: 'management' }
  | { kind: 'hub'; hub: string }
  | { kind: 'partition'; hub: string; partitionId: string }
  | { kind: 'consumer'; hub: string; consumerGroup: string; partitionId: string }
  | { kind: 'unknown'; path: string };

/** Drops scheme and host from a URI; leaves a bare path alone. No leading/trailing slashes. */
export function stripHost(address: string): string {
  let path = address.trim();
  const scheme = path.indexOf('://');
  if (scheme >= 0) {
    const slash = path.indexOf('/', scheme + 3);
    path = slash >= 0 ? path.slice(slash + 1) : '';
  }
  return path.replace(/^\/+|\/+$/g, '');
}

/** Canonical form used to compare grants: host-less, lower-case path. */
export function normalizeAudience(audience: string): string {
  return stripHost(audience).toLowerCase();
}

export function parseLinkAddress(address: string | undefined): LinkAddress {
  if (address === undefined) return { kind: 'unknown', path: '' };
  const path = stripHost(address);
  const segments = path.split('/');
  const lower = segments.map((s) => s.toLowerCase());
  if (path === '$cbs') return { kind: 'cbs' };
  if (path === '$management' || (segments.length === 2 && lower[1] === '$management')) return { kind: 'management' };
  if (segments.some((s) => s === '')) return { kind: 'unknown', path };
  if (segments.length === 1) return { kind: 'hub', hub: segments[0] };
  if (segments.length === 3 && lower[1] === 'partitions') {
    return { kind: 'partition', hub: segments[0], partitionId: segments[2] };
  }
  if (segments.length === 5 && lower[1] === 'consumergroups' && lower[3] === 'partitions') {
    return { kind: 'consumer', hub: segments[0], consumerGroup: segments[2], partitionId: segments[4] };
  }
  return { kind: 'unknown', path };
}

/** The entity path a link needs a CBS grant for. */
export function entityPathOf(address: LinkAddress): string | undefined {
  switch (address.kind) {
    case 'hub':
      return address.hub;
    case 'partition':
      return `${address.hub}/partitions/${address.partitionId}`;
    case 'consumer':
      return `${address.hub}/consumergroups/${address.consumerGroup}/partitions/${address.partitionId}`;
    default:
      return undefined;
  }
}

/**
 * Event Hubs entity names: letters, digits, '.', '-', '_'; start and end with a letter or digit;
 * at most 256 characters. Names starting with '$' are reserved (`$cbs`, `$management`, `$Default`).
 */
export function isValidHubName(name: string): boolean {
  return name.length >= 1 && name.length <= 256 && /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name);
}
