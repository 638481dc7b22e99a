/**
 * The mock Microsoft identity platform: discovery documents, JWKS and the
 * client-credentials token endpoint (v2.0 with `scope`, v1 with `resource`), issuing
 * RS256 v1.0 app tokens that real clients (@azure/identity, MSAL) accept and the mock
 * Graph API verifies. Every issued token is reported through `onTokenIssued` with its
 * `uti`, so the engine can write the service-principal sign-in that matches it (notes
 * §3: `uniqueTokenIdentifier` = `uti`).
 */
import { timingSafeEqual } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import type { HttpHandler, HttpRequest, HttpResponse } from '../../http/types.ts';
import { jsonResponse } from '../../http/types.ts';
import { AadError, AadErrors, aadErrorResponse } from './aad-errors.ts';
import { appTokenClaims, newUti, type AppTokenClaims } from './claims.ts';
import { collectorClient, type RegisteredClient } from './clients.ts';
import { instanceDiscovery, isTenantIndependent, jwks, openIdConfiguration } from './discovery.ts';
import { resolveScope, TOKEN_RESOURCES, type TokenResource } from './resources.ts';
import { createSigningKey, type SigningKey } from './signing-key.ts';

export interface TokenServiceOptions {
  /** The tenant (directory) id: `tid`, issuer, and the `{tenant}` accepted in paths. */
  readonly tenantId: string;
  /** Verified domain names also accepted as `{tenant}` (`contoso.onmicrosoft.com`). */
  readonly tenantDomains?: ReadonlyArray<string>;
  /** Tenant creation time, epoch ms (`xms_tcdt`). Default: 2019-01-01. */
  readonly tenantCreatedAt?: number;
  /** Apps that may obtain tokens. Default: the entrasim-collector app (`collectorClient`). */
  readonly clients?: ReadonlyArray<RegisteredClient>;
  readonly resources?: ReadonlyArray<TokenResource>;
  /** `expires_in`, seconds. Default 3599. */
  readonly tokenLifetimeSeconds?: number;
  readonly now?: () => number;
  /** Called for every token issued (after signing, before the response is sent). */
  readonly onTokenIssued?: (token: IssuedToken) => void;
  /** Called for every refused token request that named a client. */
  readonly onTokenRejected?: (rejection: TokenRejection) => void;
}

/** What the engine needs to write the service-principal sign-in of a token. */
export interface IssuedToken {
  /** The token's `uti`: the sign-in's `uniqueTokenIdentifier`. */
  readonly uti: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly appDisplayName: string;
  readonly servicePrincipalId: string;
  readonly resourceAppId: string;
  readonly resourceDisplayName: string;
  /** The `aud` claim. */
  readonly audience: string;
  readonly roles: ReadonlyArray<string>;
  /** `clientSecret` (the only credential type the mock accepts). */
  readonly clientCredentialType: 'clientSecret';
  /** Epoch ms. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  /** `client-request-id` of the request (MSAL sends one): the sign-in's correlation id. */
  readonly correlationId: string | undefined;
  readonly userAgent: string | undefined;
  readonly ipAddress: string | undefined;
}

export interface TokenRejection {
  readonly tenantId: string;
  readonly clientId: string;
  /** AADSTS code: the failed sign-in's `status.errorCode`. */
  readonly errorCode: number;
  readonly error: string;
  readonly message: string;
  readonly time: number;
  readonly correlationId: string | undefined;
}

export type AccessTokenCheck =
  | { readonly ok: true; readonly claims: AppTokenClaims & JWTPayload }
  | { readonly ok: false; readonly reason: 'malformed' | 'invalid' | 'expired'; readonly detail: string };

const DEFAULT_TENANT_CREATED = Date.UTC(2019, 0, 1);

export class TokenService {
  readonly tenantId: string;
  private readonly clients = new Map<string, RegisteredClient>();
  private keyPromise: Promise<SigningKey> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: TokenServiceOptions) {
    this.tenantId = options.tenantId.toLowerCase();
    this.now = options.now ?? Date.now;
    for (const c of options.clients ?? [collectorClient(this.tenantId)]) this.registerClient(c);
  }

  /** Adds or replaces an app registration (the tenant's own apps, later). */
  registerClient(client: RegisteredClient): void {
    this.clients.set(client.clientId.toLowerCase(), client);
  }

  client(clientId: string): RegisteredClient | undefined {
    return this.clients.get(clientId.toLowerCase());
  }

  /** The signing key; generated on first use (≈100 ms) so construction stays synchronous. */
  signingKey(): Promise<SigningKey> {
    this.keyPromise ??= createSigningKey();
    return this.keyPromise;
  }

  /** Issues a token directly (tests, tools): what the token endpoint would return. */
  async issue(
    client: RegisteredClient,
    scope: string,
    request: { readonly correlationId?: string; readonly userAgent?: string; readonly ipAddress?: string } = {},
  ): Promise<{ accessToken: string; token: IssuedToken }> {
    const resolved = resolveScope(scope, this.options.resources ?? TOKEN_RESOURCES);
    if (!resolved.ok) throw new Error(`cannot issue a token for scope '${scope}': ${resolved.reason}`);
    return this.sign(client, resolved.resource, resolved.audience, request);
  }

  /** Verifies a token this service issued: signature, issuer, tenant, lifetime. Audience is the caller's check. */
  async verify(token: string): Promise<AccessTokenCheck> {
    try {
      decodeProtectedHeader(token);
    } catch {
      return { ok: false, reason: 'malformed', detail: 'not a JWS compact token' };
    }
    const key = await this.signingKey();
    try {
      const { payload } = await jwtVerify(token, key.publicKey, {
        algorithms: ['RS256'],
        issuer: `https://sts.windows.net/${this.tenantId}/`,
        currentDate: new Date(this.now()),
        // Graph tolerates five minutes of clock skew.
        clockTolerance: 300,
      });
      if (payload.tid !== this.tenantId) return { ok: false, reason: 'invalid', detail: 'tid is another tenant' };
      return { ok: true, claims: payload as AppTokenClaims & JWTPayload };
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired', detail: e.message };
      if (e instanceof joseErrors.JWSInvalid || e instanceof joseErrors.JWTInvalid) return { ok: false, reason: 'malformed', detail: e.message };
      return { ok: false, reason: 'invalid', detail: e instanceof Error ? e.message : String(e) };
    }
  }

  /** The HTTP side: discovery, keys and token endpoints on whatever host the request came to. */
  handler(): HttpHandler {
    return (request) => this.handle(request);
  }

  private acceptsTenant(segment: string): boolean {
    const s = segment.toLowerCase();
    return s === this.tenantId || (this.options.tenantDomains ?? []).some((d) => d.toLowerCase() === s);
  }

  private async handle(request: HttpRequest): Promise<HttpResponse | undefined> {
    const segments = request.url.pathname.split('/').filter(Boolean);
    const [tenant, ...rest] = segments;
    if (!tenant) return undefined;
    const path = rest.join('/').toLowerCase();
    const origin = request.url.origin;
    const now = this.now();
    const context = { now, origin, ...(request.headers['client-request-id'] ? { correlationId: request.headers['client-request-id'] } : {}) };
    const known = this.acceptsTenant(tenant) || isTenantIndependent(tenant);
    try {
      switch (path) {
        case 'discovery/instance':
          if (tenant.toLowerCase() !== 'common') return undefined;
          return jsonResponse(200, instanceDiscovery(origin, request.url.searchParams.get('authorization_endpoint')), noStore());
        case 'v2.0/.well-known/openid-configuration':
        case '.well-known/openid-configuration':
          if (!known) throw AadErrors.tenantNotFound(tenant);
          return jsonResponse(
            200,
            openIdConfiguration(origin, tenant, this.tenantId, path.startsWith('v2.0') ? 'v2.0' : 'v1'),
            { 'cache-control': 'max-age=86400, private', 'access-control-allow-origin': '*' },
          );
        case 'discovery/v2.0/keys':
        case 'discovery/keys':
          if (!known) throw AadErrors.tenantNotFound(tenant);
          return jsonResponse(200, jwks(await this.signingKey(), origin, this.tenantId, path.includes('v2.0') ? 'v2.0' : 'v1'), {
            'cache-control': 'max-age=86400, private',
            'access-control-allow-origin': '*',
          });
        case 'oauth2/v2.0/token':
        case 'oauth2/token':
          return await this.tokenEndpoint(request, tenant, path === 'oauth2/token' ? 'v1' : 'v2.0');
        default:
          return undefined;
      }
    } catch (e) {
      if (e instanceof AadError) return aadErrorResponse(e, context);
      throw e;
    }
  }

  private async tokenEndpoint(request: HttpRequest, tenant: string, version: 'v1' | 'v2.0'): Promise<HttpResponse> {
    if (request.method !== 'POST') throw AadErrors.postOnly(request.method);
    if (!this.acceptsTenant(tenant)) throw AadErrors.tenantNotFound(tenant);
    const form = new URLSearchParams(request.body);
    const basic = basicCredentials(request.headers.authorization);
    const grantType = form.get('grant_type');
    if (!grantType) throw AadErrors.missingParameter('grant_type');
    if (grantType !== 'client_credentials') throw AadErrors.unsupportedGrantType(grantType);
    const clientId = form.get('client_id') ?? basic?.clientId;
    if (!clientId) throw AadErrors.missingParameter('client_id');
    const correlationId = request.headers['client-request-id'];
    const reject = (e: AadError): never => {
      this.options.onTokenRejected?.({
        tenantId: this.tenantId,
        clientId,
        errorCode: e.code,
        error: e.error,
        message: e.message,
        time: this.now(),
        correlationId,
      });
      throw e;
    };

    const scope = version === 'v1' ? (form.get('resource') ? `${form.get('resource')}/.default` : null) : form.get('scope');
    if (!scope) reject(AadErrors.missingParameter(version === 'v1' ? 'resource' : 'scope'));
    const client = this.client(clientId);
    if (!client) return reject(AadErrors.unknownClient(clientId, tenant));
    const secret = form.get('client_secret') ?? basic?.secret;
    if (form.get('client_assertion')) return reject(AadErrors.invalidAssertion());
    if (!secret) return reject(AadErrors.missingCredential());
    if (!client.secrets.some((s) => safeEqual(s, secret))) return reject(AadErrors.invalidSecret(client.clientId));
    const resolved = resolveScope(scope!, this.options.resources ?? TOKEN_RESOURCES);
    if (!resolved.ok) {
      if (resolved.reason === 'notDefault') return reject(AadErrors.scopeNotDefault(resolved.scope));
      if (resolved.reason === 'unknown' && version === 'v1') return reject(AadErrors.unknownResource(form.get('resource')!, tenant));
      return reject(AadErrors.invalidScope(resolved.scope));
    }

    const { accessToken, token } = await this.sign(client, resolved.resource, resolved.audience, {
      ...(correlationId ? { correlationId } : {}),
      ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
      ...(request.headers['x-forwarded-for'] ? { ipAddress: request.headers['x-forwarded-for'].split(',')[0]!.trim() } : {}),
    });
    const expiresIn = Math.round((token.expiresAt - token.issuedAt) / 1000);
    const body =
      version === 'v1'
        ? {
            token_type: 'Bearer',
            expires_in: String(expiresIn),
            ext_expires_in: String(expiresIn),
            expires_on: String(Math.floor(token.expiresAt / 1000)),
            not_before: String(Math.floor(token.issuedAt / 1000) - 300),
            resource: form.get('resource'),
            access_token: accessToken,
          }
        : { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: accessToken };
    return jsonResponse(200, body, {
      ...noStore(),
      'x-ms-request-id': token.uti,
      ...(correlationId ? { 'client-request-id': correlationId } : {}),
    });
  }

  private async sign(
    client: RegisteredClient,
    resource: TokenResource,
    audience: string,
    request: { readonly correlationId?: string; readonly userAgent?: string; readonly ipAddress?: string },
  ): Promise<{ accessToken: string; token: IssuedToken }> {
    const key = await this.signingKey();
    const now = this.now();
    const lifetime = this.options.tokenLifetimeSeconds ?? 3599;
    const uti = newUti();
    const roles = resource.hasAppRoles ? client.graphRoles : [];
    const claims = appTokenClaims({
      client,
      tenantId: this.tenantId,
      audience,
      roles,
      issuedAt: Math.floor(now / 1000),
      lifetimeSeconds: lifetime,
      tenantCreatedAt: Math.floor((this.options.tenantCreatedAt ?? DEFAULT_TENANT_CREATED) / 1000),
      uti,
    });
    const accessToken = await new SignJWT({ ...claims })
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', x5t: key.kid, kid: key.kid })
      .sign(key.privateKey);
    const token: IssuedToken = {
      uti,
      tenantId: this.tenantId,
      clientId: client.clientId,
      appDisplayName: client.displayName,
      servicePrincipalId: client.servicePrincipalId,
      resourceAppId: resource.appId,
      resourceDisplayName: resource.displayName,
      audience,
      roles,
      clientCredentialType: 'clientSecret',
      issuedAt: now,
      expiresAt: now + lifetime * 1000,
      correlationId: request.correlationId,
      userAgent: request.userAgent,
      ipAddress: request.ipAddress,
    };
    this.options.onTokenIssued?.(token);
    return { accessToken, token };
  }
}

function noStore(): Record<string, string> {
  return { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' };
}

function basicCredentials(header: string | undefined): { clientId: string; secret: string } | undefined {
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
  return {
    clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
    secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
