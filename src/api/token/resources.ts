/**
 * Resources (APIs) the mock issues tokens for, and how a client-credentials `scope`
 * (`<resource>/.default`) maps to one. The token's `aud` is the identifier the client
 * named: `https://graph.microsoft.com` or `00000003-0000-0000-c000-000000000000`
 * (both occur on real Graph tokens, notes §14.5).
 */
export interface TokenResource {
  readonly appId: string;
  readonly displayName: string;
  /** Identifier URIs (lower case, no trailing slash) that name it in a scope. */
  readonly identifiers: ReadonlyArray<string>;
  /** Whether app roles (`roles` claim) apply: Graph yes, ARM uses RBAC instead. */
  readonly hasAppRoles: boolean;
}

export const MICROSOFT_GRAPH: TokenResource = {
  appId: '00000003-0000-0000-c000-000000000000',
  displayName: 'Microsoft Graph',
  identifiers: ['https://graph.microsoft.com', 'https://canary.graph.microsoft.com', 'https://graph.microsoft.us', '00000003-0000-0000-c000-000000000000'],
  hasAppRoles: true,
};

export const AZURE_RESOURCE_MANAGER: TokenResource = {
  appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
  displayName: 'Windows Azure Service Management API',
  identifiers: ['https://management.azure.com', 'https://management.core.windows.net', '797f4846-ba00-4fd7-ba43-dac1f8f63013'],
  hasAppRoles: false,
};

export const TOKEN_RESOURCES: ReadonlyArray<TokenResource> = [MICROSOFT_GRAPH, AZURE_RESOURCE_MANAGER];

/** OIDC scopes clients may add to a client-credentials request; they are ignored. */
const IGNORED_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export type ScopeResolution =
  | { readonly ok: true; readonly resource: TokenResource; readonly audience: string }
  | { readonly ok: false; readonly reason: 'empty' | 'notDefault' | 'unknown' | 'mixed'; readonly scope: string };

/** Resolves a space-separated client-credentials scope to one resource. */
export function resolveScope(scope: string, resources: ReadonlyArray<TokenResource> = TOKEN_RESOURCES): ScopeResolution {
  const scopes = scope.split(/\s+/).filter((s) => s !== '' && !IGNORED_SCOPES.has(s.toLowerCase()));
  if (scopes.length === 0) return { ok: false, reason: 'empty', scope };
  let found: { resource: TokenResource; audience: string } | undefined;
  for (const s of scopes) {
    if (!s.toLowerCase().endsWith('/.default')) return { ok: false, reason: 'notDefault', scope: s };
    const audience = s.slice(0, -'/.default'.length);
    const normalized = audience.toLowerCase().replace(/\/+$/, '');
    const resource = resources.find((r) => r.identifiers.includes(normalized));
    if (!resource) return { ok: false, reason: 'unknown', scope: s };
    if (found && found.resource !== resource) return { ok: false, reason: 'mixed', scope };
    found ??= { resource, audience };
  }
  return { ok: true, ...found! };
}
