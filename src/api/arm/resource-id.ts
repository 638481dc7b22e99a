/**
 * ARM resource ids (`/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}/…`),
 * parsed case-insensitively: ARM treats ids as case-insensitive and clients vary the casing.
 */
export interface ResourceId {
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  /** Resource provider namespace as written (`Microsoft.EventHub`). */
  readonly provider: string;
  /** Lower-case full type: `microsoft.eventhub/namespaces/authorizationrules`. */
  readonly type: string;
  /** Names along the type chain: `['mynamespace', 'myrule']`. */
  readonly names: readonly string[];
  /** Lower-case type segments paired with their names: `[['namespaces','mynamespace'], …]`. */
  readonly segments: ReadonlyArray<readonly [string, string]>;
}

export function parseResourceId(id: string): ResourceId | undefined {
  const parts = id.split('/');
  if (parts[0] !== '' || parts.some((p, i) => i > 0 && p === '')) return undefined;
  let i = 1;
  let subscriptionId: string | undefined;
  let resourceGroup: string | undefined;
  if (parts[i]?.toLowerCase() === 'subscriptions') {
    subscriptionId = parts[i + 1];
    if (!subscriptionId) return undefined;
    i += 2;
    if (parts[i]?.toLowerCase() === 'resourcegroups') {
      resourceGroup = parts[i + 1];
      if (!resourceGroup) return undefined;
      i += 2;
    }
  }
  if (parts[i]?.toLowerCase() !== 'providers') return undefined;
  const provider = parts[i + 1];
  if (!provider) return undefined;
  const rest = parts.slice(i + 2);
  if (rest.length === 0 || rest.length % 2 !== 0) return undefined;
  const segments: Array<readonly [string, string]> = [];
  for (let k = 0; k < rest.length; k += 2) segments.push([rest[k]!.toLowerCase(), rest[k + 1]!]);
  return {
    subscriptionId,
    resourceGroup,
    provider,
    type: [provider.toLowerCase(), ...segments.map((s) => s[0])].join('/'),
    names: segments.map((s) => s[1]),
    segments,
  };
}

/** The name under a given type segment (`namespaces` → `mynamespace`), if present. */
export function segmentName(id: ResourceId, type: string): string | undefined {
  return id.segments.find((s) => s[0] === type.toLowerCase())?.[1];
}
