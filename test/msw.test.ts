/**
 * `entrasim/msw` in-process: the same collector code as graph-api.test.ts (ClientSecretCredential
 * + Graph SDK + PageIterator) against https://login.microsoftonline.com and
 * https://graph.microsoft.com intercepted by msw's setupServer — no server, no certificate.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphTime } from '../src/core/time.ts';
import { InMemoryGraphLogSource } from '../src/api/graph/in-memory-source.ts';
import { createEntrasimHandlers, type EntrasimHandlers } from '../src/msw.ts';
import { collectAll, type CollectOptions } from './graph-api.client.ts';
import { loadSignIns, makeSignIns, type SignInFixture } from './graph-api.fixtures.ts';
import { errorCodeOf, expectLikeExample, expectedIds, isInteractive } from './graph-api.helpers.ts';

const TENANT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const NOW = Date.now();
const START = NOW - 8 * 3_600_000;
const SINCE = NOW - 5 * 3_600_000;

let records: SignInFixture[];
let entrasim: EntrasimHandlers;
let faulty: EntrasimHandlers;
const server = setupServer();
const requested: string[] = [];

function job(o: Omit<CollectOptions, 'tenantId' | 'clientId' | 'clientSecret' | 'graphBaseUrl'>): CollectOptions {
  return {
    tenantId: TENANT,
    clientId: entrasim.collector!.clientId,
    clientSecret: entrasim.collectorSecret!,
    graphBaseUrl: 'https://graph.microsoft.com/',
    ...o,
  };
}

beforeAll(async () => {
  ({ records } = await makeSignIns(10_000, START, NOW - 60_000 - START, 'msw-tests'));
  const source = new InMemoryGraphLogSource();
  loadSignIns(source, records);
  entrasim = createEntrasimHandlers({ tenantId: TENANT, source });
  server.use(...entrasim.handlers);
  server.events.on('request:start', ({ request }) => requested.push(`${request.method} ${new URL(request.url).host}${new URL(request.url).pathname}`));
  server.listen({ onUnhandledRequest: 'error' });
}, 60_000);

afterAll(() => server.close());

describe('createEntrasimHandlers with setupServer', () => {
  it('pages a filtered window exactly with the Graph SDK, authenticated by ClientSecretCredential', async () => {
    const result = await collectAll(job({ version: 'beta', path: '/auditLogs/signIns', filter: `createdDateTime ge ${graphTime(SINCE)}`, top: 1000 }));
    const expected = expectedIds(records, 'beta', (r, f) => isInteractive(r) && f.time >= SINCE);
    expect(expected.size).toBeGreaterThan(3000);
    expect(result.ids.length).toBe(expected.size);
    expect(new Set(result.ids)).toEqual(expected);
    expect(result.context).toBe('https://graph.microsoft.com/beta/$metadata#auditLogs/signIns');
    expect(requested.some((r) => r.startsWith(`POST login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`))).toBe(true);
  });

  it('gives the same answers as the HTTPS server for errorCode, v1.0 and non-interactive queries', async () => {
    const failures = await collectAll(job({ version: 'beta', path: '/auditLogs/signIns', filter: `createdDateTime ge ${graphTime(SINCE)} and status/errorCode eq 50126`, top: 25 }));
    expect(new Set(failures.ids)).toEqual(expectedIds(records, 'beta', (r, f) => isInteractive(r) && f.time >= SINCE && errorCodeOf(r) === 50126));
    const v1 = await collectAll(job({ version: 'v1.0', path: '/auditLogs/signIns', top: 999 }));
    expect(v1.ids.length).toBe(expectedIds(records, 'v1.0', () => true).size);
    expect(new Set(v1.ids)).toEqual(expectedIds(records, 'v1.0', () => true));
    const nonInteractive = await collectAll(job({ version: 'beta', path: '/auditLogs/signIns', filter: "signInEventTypes/any(t: t eq 'nonInteractiveUser')", top: 1000 }));
    expect(new Set(nonInteractive.ids)).toEqual(expectedIds(records, 'beta', (r) => !isInteractive(r)));
  });

  it('answers plain fetch with Graph bodies (401) and serves items', async () => {
    const unauthenticated = await fetch('https://graph.microsoft.com/v1.0/auditLogs/signIns');
    expect(unauthenticated.status).toBe(401);
    expectLikeExample(await unauthenticated.json(), 'example-error-401-empty-token.json', expect);
    const { accessToken } = await entrasim.tokens.issue(entrasim.collector!, 'https://graph.microsoft.com/.default');
    const fixture = records.find((r) => r.v1)!;
    const item = await fetch(`https://graph.microsoft.com/v1.0/auditLogs/signIns/${fixture.id}`, {
      headers: { authorization: `Bearer ${accessToken}`, prefer: 'include-unknown-enum-members' },
    });
    expect(item.status).toBe(200);
    expect(item.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const { ['@odata.context']: _context, ...rest } = (await item.json()) as Record<string, unknown>;
    expect(rest).toEqual(fixture.v1);
  });

  it('throttles Identity Protection at 1 request/s per tenant without Retry-After', async () => {
    faulty = createEntrasimHandlers({
      tenantId: TENANT,
      auth: 'open',
      faults: { throttling: {} },
      graphOrigins: ['https://faulty.graph.test'],
      loginOrigins: ['https://faulty.login.test'],
    });
    server.use(...faulty.handlers);
    const first = await fetch('https://faulty.graph.test/v1.0/identityProtection/riskDetections');
    const second = await fetch('https://faulty.graph.test/v1.0/identityProtection/riskDetections');
    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBeNull();
    const body = (await second.json()) as { error: { code: string; innerError: Record<string, string> } };
    expect(body.error).toMatchObject({ code: 'TooManyRequests', message: 'Please retry again later.', innerError: { code: '429', status: '429', message: 'Please retry after' } });
    // Reports: 5 per 10 s per app, then 429 with an integer Retry-After.
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const r = await fetch('https://faulty.graph.test/v1.0/auditLogs/directoryAudits');
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(retryAfter).toMatch(/^\d+$/);
  });
});
