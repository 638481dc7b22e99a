/**
 * The mock token service: discovery documents MSAL accepts, JWKS, client-credentials
 * tokens with the claims Graph app tokens carry, AAD-shaped errors, the uti hook — and
 * a real @azure/identity ClientSecretCredential getting tokens over HTTPS in-process
 * (trusting the CA through an https.Agent).
 */
import { Agent } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientSecretCredential } from '@azure/identity';
import { decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { collectorClient, COLLECTOR_DEFAULT_SECRET } from '../src/api/token/clients.ts';
import { TokenService, type IssuedToken, type TokenRejection } from '../src/api/token/token-service.ts';
import { startHttpServer, type RunningServer } from '../src/http/fastify-adapter.ts';
import { createLoopbackCertificate, type LoopbackCertificate } from '../src/http/tls.ts';
import type { HttpResponse } from '../src/http/types.ts';
import { httpsCall, referenceExample } from './graph-api.helpers.ts';

const TENANT = '8c7b6a59-4e3d-4c2b-9a1f-0e9d8c7b6a59';
const collector = collectorClient(TENANT);
const issued: IssuedToken[] = [];
const rejected: TokenRejection[] = [];
const service = new TokenService({
  tenantId: TENANT,
  tenantDomains: ['contoso.onmicrosoft.com'],
  onTokenIssued: (t) => issued.push(t),
  onTokenRejected: (r) => rejected.push(r),
});
const handler = service.handler();

async function call(method: string, url: string, body = '', headers: Record<string, string> = {}): Promise<{ response: HttpResponse; json: Record<string, unknown> }> {
  const response = (await handler({ method, url: new URL(url), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body }))!;
  expect(response).toBeDefined();
  return { response, json: JSON.parse(response.body ?? 'null') as Record<string, unknown> };
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

const LOGIN = 'https://login.microsoftonline.com';
const tokenUrl = `${LOGIN}/${TENANT}/oauth2/v2.0/token`;
const goodForm = { client_id: collector.clientId, client_secret: COLLECTOR_DEFAULT_SECRET, scope: 'https://graph.microsoft.com/.default', grant_type: 'client_credentials' };

describe('discovery', () => {
  it('serves an OpenID configuration MSAL accepts, pointing at the origin asked', async () => {
    const { response, json } = await call('GET', `https://127.0.0.1:8443/${TENANT}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    for (const key of ['authorization_endpoint', 'token_endpoint', 'issuer', 'jwks_uri', 'end_session_endpoint']) expect(json).toHaveProperty(key);
    expect(json.token_endpoint).toBe(`https://127.0.0.1:8443/${TENANT}/oauth2/v2.0/token`);
    expect(json.issuer).toBe(`https://127.0.0.1:8443/${TENANT}/v2.0`);
    const byDomain = await call('GET', `${LOGIN}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`);
    expect(byDomain.json.issuer).toBe(`${LOGIN}/${TENANT}/v2.0`);
    const common = await call('GET', `${LOGIN}/common/v2.0/.well-known/openid-configuration`);
    expect(common.json.issuer).toBe(`${LOGIN}/{tenantid}/v2.0`);
    const v1 = await call('GET', `${LOGIN}/${TENANT}/.well-known/openid-configuration`);
    expect(v1.json.issuer).toBe(`https://sts.windows.net/${TENANT}/`);
    const unknown = await call('GET', `${LOGIN}/nope.example/v2.0/.well-known/openid-configuration`);
    expect(unknown.response.status).toBe(400);
    expect(unknown.json).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });
  });

  it('answers instance discovery like the reference response, adding its own host', async () => {
    const authorize = encodeURIComponent(`https://127.0.0.1:8443/${TENANT}/oauth2/v2.0/authorize`);
    const { json } = await call('GET', `${LOGIN}/common/discovery/instance?api-version=1.1&authorization_endpoint=${authorize}`);
    expect(json['api-version']).toBe('1.1');
    expect(json.tenant_discovery_endpoint).toBe(`${LOGIN}/${TENANT}/v2.0/.well-known/openid-configuration`);
    const metadata = json.metadata as Array<{ preferred_network: string; aliases: string[] }>;
    const example = referenceExample('example-aad-instance-discovery-response.json') as { metadata: unknown[] } | undefined;
    if (example) expect(metadata.slice(0, example.metadata.length)).toEqual(example.metadata);
    expect(metadata.at(-1)).toEqual({ preferred_network: '127.0.0.1:8443', preferred_cache: '127.0.0.1:8443', aliases: ['127.0.0.1:8443'] });
  });
});

describe('client-credentials tokens', () => {
  it('issues a v1.0 app token with the claims Graph app tokens carry, verifiable with the JWKS', async () => {
    const { response, json } = await call('POST', tokenUrl, form(goodForm), { 'client-request-id': 'ab12cd34-0000-4000-8000-000000000000', 'user-agent': 'test-agent' });
    expect(response.status).toBe(200);
    expect(Object.keys(json)).toEqual(['token_type', 'expires_in', 'ext_expires_in', 'access_token']);
    expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    const accessToken = json.access_token as string;
    const header = decodeProtectedHeader(accessToken);
    expect(header).toMatchObject({ typ: 'JWT', alg: 'RS256' });
    expect(header.kid).toBe(header.x5t);

    const keys = (await call('GET', `${LOGIN}/${TENANT}/discovery/v2.0/keys`)).json.keys as Array<JWK & { kid: string; x5c: string[] }>;
    expect(keys[0]!.kid).toBe(header.kid);
    expect(keys[0]!.x5c[0]).toMatch(/^MII/);
    const { payload } = await jwtVerify(accessToken, await importJWK(keys[0]!, 'RS256'));
    expect(Object.keys(payload)).toEqual([
      'aud', 'iss', 'iat', 'nbf', 'exp', 'aio', 'app_displayname', 'appid', 'appidacr', 'idp', 'idtyp', 'oid', 'rh', 'roles',
      'sub', 'tenant_region_scope', 'tid', 'uti', 'ver', 'wids', 'xms_idrel', 'xms_tcdt',
    ]);
    expect(payload).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${TENANT}/`,
      idp: `https://sts.windows.net/${TENANT}/`,
      appid: collector.clientId,
      app_displayname: 'entrasim-collector',
      appidacr: '1',
      idtyp: 'app',
      oid: collector.servicePrincipalId,
      sub: collector.servicePrincipalId,
      tid: TENANT,
      ver: '1.0',
    });
    expect(payload.roles).toEqual(expect.arrayContaining(['AuditLog.Read.All', 'IdentityRiskyUser.Read.All', 'IdentityRiskEvent.Read.All', 'IdentityRiskyServicePrincipal.Read.All', 'CustomSecAttributeAuditLogs.Read.All', 'NetworkAccess-Reports.Read.All']));
    expect(payload.exp! - payload.iat!).toBe(3599 + 300);

    const hooked = issued.at(-1)!;
    expect(hooked.uti).toBe(payload.uti);
    expect(hooked).toMatchObject({ correlationId: 'ab12cd34-0000-4000-8000-000000000000', userAgent: 'test-agent', audience: 'https://graph.microsoft.com' });
    expect((await service.verify(accessToken)).ok).toBe(true);
  });

  it('accepts HTTP Basic client authentication, the GUID audience and the v1 endpoint', async () => {
    const basic = Buffer.from(`${collector.clientId}:${COLLECTOR_DEFAULT_SECRET}`).toString('base64');
    const { response, json } = await call('POST', tokenUrl, form({ scope: '00000003-0000-0000-c000-000000000000/.default', grant_type: 'client_credentials' }), { authorization: `Basic ${basic}` });
    expect(response.status).toBe(200);
    const payload = JSON.parse(Buffer.from((json.access_token as string).split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(payload.aud).toBe('00000003-0000-0000-c000-000000000000');
    const v1 = await call('POST', `${LOGIN}/${TENANT}/oauth2/token`, form({ client_id: collector.clientId, client_secret: COLLECTOR_DEFAULT_SECRET, resource: 'https://management.azure.com/', grant_type: 'client_credentials' }));
    expect(v1.response.status).toBe(200);
    expect(v1.json).toMatchObject({ token_type: 'Bearer', resource: 'https://management.azure.com/' });
  });

  it('refuses like Entra: the error body of the reference file, AADSTS codes, statuses', async () => {
    const scope = await call('POST', tokenUrl, form({ ...goodForm, scope: 'https://foo.microsoft.com/.default' }), { 'client-request-id': 'fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7' });
    expect(scope.response.status).toBe(400);
    const example = (referenceExample('example-oauth2-v2.0-token-error-invalid-scope.json') as Record<string, unknown> | undefined) ?? {
      error: 'invalid_scope',
      error_description: '',
      error_codes: [70011],
      timestamp: '',
      trace_id: '',
      correlation_id: '',
    };
    expect(Object.keys(scope.json)).toEqual([...Object.keys(example), 'error_uri']);
    expect(scope.json.error).toBe(example.error);
    expect(scope.json.error_codes).toEqual(example.error_codes);
    expect(scope.json.correlation_id).toBe('fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7');
    expect(scope.json.error_description).toMatch(
      /^AADSTS70011: The provided value for the input parameter 'scope' is not valid\. The scope https:\/\/foo\.microsoft\.com\/\.default is not valid\.\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: fb3d2015-bc17-4bb9-bb85-30c5cf1aaaa7\r\nTimestamp: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/,
    );
    expect(scope.json.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/);
    expect(scope.json.error_uri).toBe(`${LOGIN}/error?code=70011`);

    const cases: Array<[Record<string, string>, number, string, number, string?]> = [
      [{ ...goodForm, client_secret: 'wrong' }, 401, 'invalid_client', 7000215],
      [{ ...goodForm, client_id: '00000000-1111-2222-3333-444444444444' }, 400, 'unauthorized_client', 700016],
      [{ ...goodForm, grant_type: 'password' }, 400, 'unsupported_grant_type', 70003],
      [{ ...goodForm, scope: 'https://graph.microsoft.com/AuditLog.Read.All' }, 400, 'invalid_scope', 1002012],
      [{ client_id: collector.clientId, scope: goodForm.scope, grant_type: 'client_credentials' }, 401, 'invalid_client', 7000218],
      [{ client_secret: 'x', scope: goodForm.scope, grant_type: 'client_credentials' }, 400, 'invalid_request', 900144],
      [goodForm, 400, 'invalid_tenant', 90002, `${LOGIN}/unknown.example/oauth2/v2.0/token`],
    ];
    for (const [fields, status, error, code, url] of cases) {
      const { response, json } = await call('POST', url ?? tokenUrl, form(fields));
      expect(response.status, error).toBe(status);
      expect(json, error).toMatchObject({ error, error_codes: [code] });
    }
    const get = await call('GET', tokenUrl);
    expect(get.json).toMatchObject({ error: 'invalid_request', error_codes: [900561] });
    expect(rejected.some((r) => r.errorCode === 7000215 && r.clientId === collector.clientId)).toBe(true);
  });
});

describe('@azure/identity ClientSecretCredential against the HTTPS server', () => {
  let cert: LoopbackCertificate;
  let server: RunningServer;
  let agent: Agent;

  beforeAll(async () => {
    cert = await createLoopbackCertificate();
    server = await startHttpServer(handler, { tls: cert });
    agent = new Agent({ ca: cert.ca });
  });
  afterAll(async () => {
    agent?.destroy();
    await server?.close();
  });

  it('gets a Graph token through discovery and the token endpoint', async () => {
    const before = issued.length;
    const credential = new ClientSecretCredential(TENANT, collector.clientId, COLLECTOR_DEFAULT_SECRET, {
      authorityHost: server.url,
      disableInstanceDiscovery: true,
      agent,
    });
    const token = await credential.getToken('https://graph.microsoft.com/.default');
    expect(token.token.split('.')).toHaveLength(3);
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3000_000);
    const check = await service.verify(token.token);
    expect(check.ok && check.claims.appid).toBe(collector.clientId);
    expect(issued.length).toBe(before + 1);
    // The discovery document the credential read is reachable with plain HTTPS too.
    const doc = await httpsCall(`${server.url}/${TENANT}/v2.0/.well-known/openid-configuration`, cert.ca);
    expect((doc.json as Record<string, unknown>).token_endpoint).toBe(`${server.url}/${TENANT}/oauth2/v2.0/token`);
  });

  it('fails with the AADSTS error for a wrong secret', async () => {
    const credential = new ClientSecretCredential(TENANT, collector.clientId, 'not-the-secret', {
      authorityHost: server.url,
      disableInstanceDiscovery: true,
      agent,
    });
    await expect(credential.getToken('https://graph.microsoft.com/.default')).rejects.toThrow(/AADSTS7000215/);
  });
});
