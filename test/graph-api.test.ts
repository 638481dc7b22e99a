/**
 * End to end over HTTPS with real clients: fastify on 127.0.0.1 with a generated
 * certificate; @azure/identity ClientSecretCredential (MSAL) authenticating against the
 * mock token service, @microsoft/microsoft-graph-client paging with PageIterator — run in
 * a child process that trusts the CA through NODE_EXTRA_CA_CERTS, as a user would.
 * Error bodies are checked with plain HTTPS requests (curl-like).
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { createGraphEnvironment, type GraphEnvironment } from '../src/api/graph/environment.ts';
import { InMemoryGraphLogSource } from '../src/api/graph/in-memory-source.ts';
import { startMockGraphServer } from '../src/api/graph/serve.ts';
import { collectorClient, COLLECTOR_DEFAULT_SECRET, type RegisteredClient } from '../src/api/token/clients.ts';
import type { IssuedToken } from '../src/api/token/token-service.ts';
import { graphTime } from '../src/core/time.ts';
import { startHttpServer, type RunningServer } from '../src/http/fastify-adapter.ts';
import { createLoopbackCertificate, type LoopbackCertificate } from '../src/http/tls.ts';
import type { CollectOptions, CollectResult } from './graph-api.client.ts';
import { loadSignIns, makeSignIns, type SignInFixture } from './graph-api.fixtures.ts';
import { errorCodeOf, expectLikeExample, expectedIds, httpsCall, isInteractive } from './graph-api.helpers.ts';

const TENANT = '3f8e2a1c-7b6d-4e5f-9a0b-1c2d3e4f5a6b';
const COUNT = 10_000;
const NOW = Date.now();
const START = NOW - 10 * 3_600_000;
const END = NOW - 5 * 60_000;
const SINCE = NOW - 6 * 3_600_000;
const sinceLiteral = graphTime(SINCE);

const collector = collectorClient(TENANT);
const readerWithoutAuditLog: RegisteredClient = {
  clientId: '9d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
  displayName: 'directory-reader',
  servicePrincipalId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  secrets: ['directory-reader-secret'],
  graphRoles: ['Directory.Read.All'],
};
const riskAdmin: RegisteredClient = {
  clientId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  displayName: 'risk-admin',
  servicePrincipalId: '6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0',
  secrets: ['risk-admin-secret'],
  graphRoles: ['AuditLog.Read.All', 'IdentityRiskyUser.ReadWrite.All'],
};

let cert: LoopbackCertificate;
let records: SignInFixture[];
let fixtureKind: string;
let source: InMemoryGraphLogSource;
let main: GraphEnvironment;
let throttled: GraphEnvironment;
let nonPremium: GraphEnvironment;
let mainServer: RunningServer;
let throttledServer: RunningServer;
const issued: IssuedToken[] = [];
let results: Array<{ ok: boolean; result?: CollectResult; error?: { message: string } }>;

function job(server: RunningServer, o: Omit<CollectOptions, 'tenantId' | 'clientId' | 'clientSecret' | 'graphBaseUrl'>): CollectOptions {
  return {
    tenantId: TENANT,
    clientId: collector.clientId,
    clientSecret: COLLECTOR_DEFAULT_SECRET,
    authorityHost: server.url,
    disableInstanceDiscovery: true,
    graphBaseUrl: `${server.url}/`,
    customHosts: ['127.0.0.1'],
    ...o,
  };
}

/** Runs the collector jobs in one child process that trusts the CA via NODE_EXTRA_CA_CERTS. */
function runClient(jobs: ReadonlyArray<CollectOptions>): Promise<typeof results> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/graph-api.client-main.ts', JSON.stringify(jobs)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: cert.caFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`client exited ${code}: ${err.slice(0, 2000)}`));
      else resolve(JSON.parse(out) as typeof results);
    });
  });
}

beforeAll(async () => {
  cert = await createLoopbackCertificate();
  ({ records, source: fixtureKind } = await makeSignIns(COUNT, START, END - START));
  source = new InMemoryGraphLogSource();
  loadSignIns(source, records);
  main = createGraphEnvironment({
    tenantId: TENANT,
    source,
    clients: [collector, readerWithoutAuditLog, riskAdmin],
    onTokenIssued: (t) => issued.push(t),
  });
  const throttledMock = await startMockGraphServer({
    tenantId: TENANT,
    source,
    clients: [collector],
    certificate: cert,
    // Graph's reports limit is 5 / 10 s; scaled down so the test stays short. The script
    // throttles the 2nd and 4th page whatever the machine's speed; the bucket may add more.
    faults: { seed: 7, throttling: { reports: { limit: 2, windowMs: 2000 } }, random: { script: ['ok', 'throttle', 'ok', 'ok', 'throttle'] } },
  });
  throttled = throttledMock.environment;
  throttledServer = throttledMock.server;
  nonPremium = createGraphEnvironment({ tenantId: TENANT, source, clients: [collector], licence: { edition: 'free' } });
  mainServer = await startHttpServer(main.handler, { tls: cert });

  results = await runClient([
    job(mainServer, { version: 'beta', path: '/auditLogs/signIns', filter: `createdDateTime ge ${sinceLiteral}`, top: 1000 }),
    job(mainServer, { version: 'beta', path: '/auditLogs/signIns', filter: `createdDateTime ge ${sinceLiteral} and status/errorCode eq 50126`, top: 25 }),
    // $select keeps the remaining jobs light; job 0 pages full records.
    job(mainServer, { version: 'v1.0', path: '/auditLogs/signIns', top: 999, select: ['id', 'createdDateTime'] }),
    job(mainServer, { version: 'beta', path: '/auditLogs/signIns', filter: "signInEventTypes/any(t: t eq 'nonInteractiveUser')", top: 1000, select: ['id'] }),
    job(throttledServer, { version: 'beta', path: '/auditLogs/signIns', filter: `createdDateTime ge ${sinceLiteral}`, top: 1000, select: ['id', 'status'] }),
    job(mainServer, { version: 'beta', path: '/auditLogs/signIns', filter: 'status/errorCode ge 1' }),
  ]);
}, 120_000);

afterAll(async () => {
  await mainServer?.close();
  await throttledServer?.close();
});

function idsOf(i: number): string[] {
  const r = results[i]!;
  if (!r.ok) throw new Error(`job ${i} failed: ${r.error?.message}`);
  return r.result!.ids;
}

describe(`Graph API over HTTPS with ClientSecretCredential + Graph SDK (${COUNT} sign-ins)`, () => {
  it('pages through a createdDateTime window exactly, without duplicates', () => {
    const ids = idsOf(0);
    const expected = expectedIds(records, 'beta', (r, f) => isInteractive(r) && f.time >= SINCE);
    expect(expected.size).toBeGreaterThan(4000);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(expected.size);
    expect(new Set(ids)).toEqual(expected);
    expect(results[0]!.result!.context).toBe(`${mainServer.url}/beta/$metadata#auditLogs/signIns`);
    console.info(`fixtures from ${fixtureKind}; ${ids.length} records in ${results[0]!.result!.elapsedMs} ms`);
  });

  it('applies status/errorCode eq 50126 with small pages', () => {
    const ids = idsOf(1);
    const expected = expectedIds(records, 'beta', (r, f) => isInteractive(r) && f.time >= SINCE && errorCodeOf(r) === 50126);
    expect(expected.size).toBeGreaterThan(25);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(expected);
  });

  it('serves v1.0 (interactive sign-ins) and beta non-interactive on request', () => {
    expect(new Set(idsOf(2))).toEqual(expectedIds(records, 'v1.0', () => true));
    expect(idsOf(2).length).toBe(expectedIds(records, 'v1.0', () => true).size);
    const nonInteractive = expectedIds(records, 'beta', (r) => !isInteractive(r));
    expect(nonInteractive.size).toBeGreaterThan(1000);
    expect(new Set(idsOf(3))).toEqual(nonInteractive);
  });

  it('throttles at the configured limit and the SDK backs off on Retry-After', () => {
    const ids = idsOf(4);
    expect(new Set(ids)).toEqual(new Set(idsOf(0)));
    expect(ids.length).toBe(idsOf(0).length);
    const stats = throttled.faults!.stats;
    expect(stats.throttled).toBeGreaterThanOrEqual(2);
    expect(stats.earlyRetries).toBe(0);
  });

  it('surfaces the 400 of an unsupported filter to the SDK', () => {
    expect(results[5]!.ok).toBe(false);
    expect(results[5]!.error!.message).toBe('Invalid filter clause');
  });

  it('recorded every issued token with its uti', () => {
    expect(issued.length).toBeGreaterThanOrEqual(1);
    expect(issued[0]).toMatchObject({ clientId: collector.clientId, resourceAppId: '00000003-0000-0000-c000-000000000000', clientCredentialType: 'clientSecret' });
    expect(issued[0]!.uti).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('Graph API errors and writes over HTTPS', () => {
  const api = (path: string) => `${mainServer.url}${path}`;
  const token = async (env: GraphEnvironment, client: RegisteredClient, scope = 'https://graph.microsoft.com/.default') =>
    (await env.tokens.issue(client, scope)).accessToken;

  it('401 without a token, with garbage, a foreign signature, a wrong audience, an expired token', async () => {
    const none = await httpsCall(api('/v1.0/auditLogs/signIns'), cert.ca, { headers: { 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' } });
    expect(none.status).toBe(401);
    expectLikeExample(none.json, 'example-error-401-empty-token.json', expect);
    expect(none.headers['client-request-id']).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect((none.json as { error: { innerError: Record<string, string> } }).error.innerError['client-request-id']).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(none.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const garbage = await httpsCall(api('/v1.0/auditLogs/signIns'), cert.ca, { headers: { authorization: 'Bearer abc' } });
    expect(garbage.json).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'CompactToken parsing failed with error code: 80049217' } });

    const { privateKey } = await generateKeyPair('RS256');
    const genuine = await token(main, collector);
    const claims = JSON.parse(Buffer.from(genuine.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(privateKey);
    const foreign = await httpsCall(api('/v1.0/auditLogs/signIns'), cert.ca, { headers: { authorization: `Bearer ${forged}` } });
    expect(foreign.status).toBe(401);
    expect(foreign.json).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure.' } });

    const arm = await token(main, collector, 'https://management.azure.com/.default');
    const audience = await httpsCall(api('/v1.0/auditLogs/signIns'), cert.ca, { headers: { authorization: `Bearer ${arm}` } });
    expect(audience.status).toBe(401);
    expect(audience.json).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Access token validation failure.' } });

    const key = await main.tokens.signingKey();
    const nowS = Math.floor(Date.now() / 1000);
    const stale = await new SignJWT({ ...claims, iat: nowS - 7200, nbf: nowS - 7200, exp: nowS - 3600 })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .sign(key.privateKey);
    const expired = await httpsCall(api('/v1.0/auditLogs/signIns'), cert.ca, { headers: { authorization: `Bearer ${stale}` } });
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });

  it('403 without AuditLog.Read.All (token from the token endpoint) and for a non-premium tenant', async () => {
    const form = new URLSearchParams({
      client_id: readerWithoutAuditLog.clientId,
      client_secret: 'directory-reader-secret',
      scope: 'https://graph.microsoft.com/.default',
      grant_type: 'client_credentials',
    });
    const tokenResponse = await httpsCall(api(`/${TENANT}/oauth2/v2.0/token`), cert.ca, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(tokenResponse.status).toBe(200);
    const accessToken = (tokenResponse.json as { access_token: string }).access_token;
    const denied = await httpsCall(api('/beta/auditLogs/signIns'), cert.ca, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(denied.status).toBe(403);
    expectLikeExample(denied.json, 'example-error-403-missing-auditlog-permission.json', expect);

    const premiumless = await nonPremium.handler({
      method: 'GET',
      url: new URL('https://graph.microsoft.com/v1.0/auditLogs/signIns'),
      headers: { authorization: `Bearer ${await token(nonPremium, collector)}` },
      body: '',
    });
    expect(premiumless!.status).toBe(403);
    expectLikeExample(JSON.parse(premiumless!.body!), 'example-error-403-license-nonpremium.json', expect);
    // Audit logs need no premium licence.
    const audits = await nonPremium.handler({
      method: 'GET',
      url: new URL('https://graph.microsoft.com/v1.0/auditLogs/directoryAudits'),
      headers: { authorization: `Bearer ${await token(nonPremium, collector)}` },
      body: '',
    });
    expect(audits!.status).toBe(200);
  });

  it('400 for a bad $filter and for $skip, with Graph bodies and headers', async () => {
    const auth = { authorization: `Bearer ${await token(main, collector)}` };
    const bad = await httpsCall(api(`/v1.0/auditLogs/signIns?$filter=${encodeURIComponent("createdDateTime ge '2021-09-07T00:00:00Z'")}`), cert.ca, { headers: auth });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: 'BadRequest', message: 'Invalid filter clause' } });
    expect(bad.headers['x-ms-ags-diagnostic']).toContain('ServerInfo');
    const skip = await httpsCall(api('/v1.0/auditLogs/signIns?$skip=10'), cert.ca, { headers: auth });
    expect(skip.status).toBe(400);
    expect(skip.json).toMatchObject({ error: { code: 'Request_BadRequest', message: "'$skip' is not supported by the service." } });
  });

  it('GETs one sign-in by id, as stored', async () => {
    const auth = { authorization: `Bearer ${await token(main, collector)}` };
    const fixture = records.find((r) => r.v1 !== undefined)!;
    const item = await httpsCall(api(`/v1.0/auditLogs/signIns/${fixture.id}`), cert.ca, { headers: { ...auth, prefer: 'include-unknown-enum-members' } });
    expect(item.status).toBe(200);
    const { ['@odata.context']: context, ...rest } = item.json as Record<string, unknown>;
    expect(context).toBe(`${mainServer.url}/v1.0/$metadata#auditLogs/signIns/$entity`);
    expect(rest).toEqual(fixture.v1);
    const missing = await httpsCall(api('/v1.0/auditLogs/signIns/00000000-0000-0000-0000-000000000000'), cert.ca, { headers: auth });
    expect(missing.status).toBe(404);
  });

  it('answers risky-user actions with 204 (ReadWrite role) and 403 without it', async () => {
    const userId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    source.append('riskyUsers', 'v1.0', {
      time: Date.now() - 60_000,
      id: userId,
      resource: { id: userId, riskLevel: 'medium', riskState: 'atRisk', riskDetail: 'none', riskLastUpdatedDateTime: graphTime(Date.now() - 60_000) },
    });
    const body = JSON.stringify({ userIds: [userId] });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await token(main, riskAdmin)}` };
    const ok = await httpsCall(api('/v1.0/identityProtection/riskyUsers/dismiss'), cert.ca, { method: 'POST', headers, body });
    expect(ok.status).toBe(204);
    expect(ok.text).toBe('');
    const user = source.get('riskyUsers', 'v1.0', userId, { now: Date.now() });
    expect(user?.resource).toMatchObject({ riskState: 'dismissed', riskLevel: 'none', riskDetail: 'adminDismissedAllRiskForUser' });
    const readOnly = await httpsCall(api('/v1.0/identityProtection/riskyUsers/dismiss'), cert.ca, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${await token(main, collector)}` },
      body,
    });
    expect(readOnly.status).toBe(403);
    const write = await httpsCall(api('/v1.0/auditLogs/signIns'), cert.ca, { method: 'POST', headers, body: '{}' });
    expect(write.status).toBe(405);
  });
});
