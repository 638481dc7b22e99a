/**
 * The discovery documents MSAL reads before it asks for a token (notes §14.2–§14.3):
 * OpenID configuration (v2.0 and v1), instance discovery and JWKS. Endpoints point at
 * the origin the request came to, so MSAL's issuer validation (issuer origin = authority
 * origin) passes whether the mock answers as login.microsoftonline.com (msw) or as
 * https://127.0.0.1:port (a real server).
 */
import type { SigningKey } from './signing-key.ts';

export function openIdConfiguration(origin: string, tenantSegment: string, tenantId: string, version: 'v2.0' | 'v1'): Record<string, unknown> {
  const tenant = tenantSegment;
  if (version === 'v1') {
    return {
      token_endpoint: `${origin}/${tenant}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${origin}/${tenant}/discovery/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${origin}/${tenant}/oauth2/logout`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
      scopes_supported: ['openid'],
      issuer: `https://sts.windows.net/${tenantId}/`,
      claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'amr', 'nonce', 'email', 'given_name', 'family_name', 'nickname'],
      microsoft_multi_refresh_token: true,
      check_session_iframe: `${origin}/${tenant}/oauth2/checksession`,
      userinfo_endpoint: `${origin}/${tenant}/openid/userinfo`,
      kerberos_endpoint: `${origin}/${tenant}/kerberos`,
      tenant_region_scope: 'NA',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
      authorization_endpoint: `${origin}/${tenant}/oauth2/authorize`,
    };
  }
  return {
    token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    // Tenant-independent documents keep the `{tenantid}` placeholder, as Entra does.
    issuer: `${origin}/${isTenantIndependent(tenant) ? '{tenantid}' : tenantId}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'],
    kerberos_endpoint: `${origin}/${tenant}/kerberos`,
    tenant_region_scope: 'NA',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

export function isTenantIndependent(tenant: string): boolean {
  const t = tenant.toLowerCase();
  return t === 'common' || t === 'organizations' || t === 'consumers';
}

/** Public-cloud alias metadata (example-aad-instance-discovery-response.json). */
const CLOUD_METADATA: ReadonlyArray<{ preferred_network: string; preferred_cache: string; aliases: ReadonlyArray<string> }> = [
  {
    preferred_network: 'login.microsoftonline.com',
    preferred_cache: 'login.windows.net',
    aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
  },
  {
    preferred_network: 'login.partner.microsoftonline.cn',
    preferred_cache: 'login.partner.microsoftonline.cn',
    aliases: ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'],
  },
  { preferred_network: 'login.microsoftonline.de', preferred_cache: 'login.microsoftonline.de', aliases: ['login.microsoftonline.de'] },
  {
    preferred_network: 'login.microsoftonline.us',
    preferred_cache: 'login.microsoftonline.us',
    aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'],
  },
  { preferred_network: 'login-us.microsoftonline.com', preferred_cache: 'login-us.microsoftonline.com', aliases: ['login-us.microsoftonline.com'] },
];

/**
 * `GET /common/discovery/instance?api-version=1.1&authorization_endpoint=…`. When the
 * authorization endpoint is on a host outside the public clouds (the mock's own host),
 * that host is listed too so MSAL treats it as its own preferred network.
 */
export function instanceDiscovery(origin: string, authorizationEndpoint: string | null): Record<string, unknown> {
  let tenant = 'common';
  let host: string | undefined;
  if (authorizationEndpoint) {
    try {
      const url = new URL(authorizationEndpoint);
      host = url.host;
      tenant = url.pathname.split('/').filter(Boolean)[0] ?? 'common';
    } catch {
      // Entra answers malformed endpoints with the common document as well.
    }
  }
  const metadata: Array<{ preferred_network: string; preferred_cache: string; aliases: ReadonlyArray<string> }> = [...CLOUD_METADATA];
  if (host && !metadata.some((m) => m.aliases.includes(host))) {
    metadata.push({ preferred_network: host, preferred_cache: host, aliases: [host] });
  }
  return {
    tenant_discovery_endpoint: `${origin}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata,
  };
}

/** JWKS: the one signing key, in Entra's entry shape. */
export function jwks(key: SigningKey, origin: string, tenantId: string, version: 'v2.0' | 'v1'): Record<string, unknown> {
  return {
    keys: [
      {
        kty: 'RSA',
        use: 'sig',
        kid: key.kid,
        x5t: key.kid,
        n: key.n,
        e: key.e,
        x5c: [key.certificate],
        cloud_instance_name: 'microsoftonline.com',
        issuer: version === 'v2.0' ? `${origin}/${tenantId}/v2.0` : `https://sts.windows.net/${tenantId}/`,
      },
    ],
  };
}
