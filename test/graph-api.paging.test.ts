/**
 * The Graph handler in-process (no transport): keyset paging while records arrive,
 * visibility and retention, skiptokens bound to their query, collection semantics.
 */
import { describe, expect, it } from 'vitest';
import type { GraphResource } from '../src/core/activity.ts';
import { graphTime } from '../src/core/time.ts';
import { createGraphHandler, type GraphHandlerOptions } from '../src/api/graph/graph-handler.ts';
import { InMemoryGraphLogSource } from '../src/api/graph/in-memory-source.ts';
import { InMemoryRiskActions } from '../src/api/graph/risk-actions.ts';
import type { HttpResponse } from '../src/http/types.ts';

const TENANT = '2b1d3c4e-5f60-4718-9a2b-3c4d5e6f7081';
const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

interface Body {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  '@odata.count'?: number;
  value: GraphResource[];
}

function signIn(i: number, time: number, interactive = true): GraphResource {
  return {
    id: `si-${String(i).padStart(6, '0')}`,
    createdDateTime: graphTime(time, i % 10000),
    userPrincipalName: `user${i % 7}@contoso.com`,
    status: { errorCode: i % 5 === 0 ? 50126 : 0 },
    signInEventTypes: [interactive ? 'interactiveUser' : 'nonInteractiveUser'],
    isInteractive: interactive,
    riskDetail: i % 9 === 0 ? 'adminConfirmedAccountSafe' : 'none',
  };
}

function setup(options: Partial<GraphHandlerOptions> & { clock?: { now: number } } = {}) {
  const clock = options.clock ?? { now: NOW };
  const source = new InMemoryGraphLogSource({ now: () => clock.now });
  const handler = createGraphHandler({ source, tenantId: TENANT, now: () => clock.now, skipTokenSecret: 'test', ...options });
  const get = async (path: string, headers: Record<string, string> = {}): Promise<{ response: HttpResponse; body: Body }> => {
    const url = path.startsWith('http') ? path : `https://graph.microsoft.com${path}`;
    const response = (await handler({ method: 'GET', url: new URL(url), headers, body: '' }))!;
    return { response, body: JSON.parse(response.body ?? 'null') as Body };
  };
  const post = async (path: string, body: unknown) =>
    (await handler({ method: 'POST', url: new URL(`https://graph.microsoft.com${path}`), headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))!;
  const all = async (path: string, headers: Record<string, string> = {}): Promise<GraphResource[]> => {
    const out: GraphResource[] = [];
    let next: string | undefined = path;
    while (next) {
      const { body } = await get(next, headers);
      out.push(...body.value);
      next = body['@odata.nextLink'];
    }
    return out;
  };
  return { source, handler, get, post, all, clock };
}

function fill(source: InMemoryGraphLogSource, n: number, start: number, step: number, from = 0): void {
  for (let i = from; i < from + n; i++) {
    const time = start + (i - from) * step;
    const interactive = i % 4 !== 3;
    const resource = signIn(i, time, interactive);
    source.append('signIns', 'beta', { time, id: resource.id as string, resource, visibleAt: time });
  }
}

describe('keyset paging', () => {
  it('pages newest first with an absolute nextLink that repeats the query options', async () => {
    const { source, get } = setup();
    fill(source, 50, NOW - 3_600_000, 1000);
    const { response, body } = await get("/beta/auditLogs/signIns?&$filter=status/errorCode eq 0&$top=5");
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-ms-ags-diagnostic']).toContain('ServerInfo');
    expect(body['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#auditLogs/signIns');
    expect(body.value).toHaveLength(5);
    const times = body.value.map((v) => v.createdDateTime as string);
    expect([...times].sort().reverse()).toEqual(times);
    const next = new URL(body['@odata.nextLink']!);
    expect(next.origin + next.pathname).toBe('https://graph.microsoft.com/beta/auditLogs/signIns');
    expect(next.searchParams.get('$filter')).toBe('status/errorCode eq 0');
    expect(next.searchParams.get('$top')).toBe('5');
    expect(next.searchParams.get('$skiptoken')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('stays exact while new records arrive and late records become visible', async () => {
    const { source, get, clock } = setup();
    fill(source, 300, NOW - 3_600_000, 10_000);
    const expected = new Set<string>();
    for (const it of source.scan('signIns', 'beta', { now: NOW, order: 'desc' })) {
      if ((it.resource.signInEventTypes as string[]).includes('interactiveUser')) expected.add(it.id);
    }
    const seen: string[] = [];
    let next: string | undefined = '/beta/auditLogs/signIns?$top=40';
    let round = 0;
    while (next) {
      const { body } = await get(next);
      seen.push(...body.value.map((v) => v.id as string));
      next = body['@odata.nextLink'];
      // Newer records arrive between pages; they belong to a later query, not this one.
      clock.now += 1000;
      fill(source, 5, clock.now - 500, 10, 10_000 + round * 5);
      if (next) {
        // A late record (older than the cursor's position) turns visible: it is still ahead.
        const late = signIn(20_000 + round * 4, NOW - 7_200_000 + round);
        source.append('signIns', 'beta', { time: NOW - 7_200_000 + round, id: late.id as string, resource: late, visibleAt: clock.now });
        expected.add(late.id as string);
      }
      round++;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(expected);
  });

  it('binds skiptokens to their query and carries @odata.count', async () => {
    const { source, get } = setup();
    fill(source, 100, NOW - 3_600_000, 1000);
    const { body } = await get('/beta/auditLogs/signIns?$count=true&$top=10&$filter=status/errorCode eq 50126');
    const expectedCount = Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 5 === 0 && i % 4 !== 3).length;
    expect(body['@odata.count']).toBe(expectedCount);
    const token = new URL(body['@odata.nextLink']!).searchParams.get('$skiptoken')!;
    const second = await get(body['@odata.nextLink']!);
    expect(second.body['@odata.count']).toBe(expectedCount);
    const replay = await get(`/beta/auditLogs/signIns?$top=10&$filter=status/errorCode eq 0&$skiptoken=${token}`);
    expect(replay.response.status).toBe(400);
    expect(replay.body).toMatchObject({ error: { code: 'BadRequest', message: 'Invalid skip token.' } });
    const garbage = await get('/beta/auditLogs/signIns?$skiptoken=9177f2e3532fcd4c4d225f68f7b9bdf7_1');
    expect(garbage.response.status).toBe(400);
  });

  it('orders ascending on $orderby and seeks time windows', async () => {
    const { source, all } = setup();
    fill(source, 200, NOW - 3_600_000, 10_000);
    const from = graphTime(NOW - 3_600_000 + 500_000);
    const to = graphTime(NOW - 3_600_000 + 1_000_000);
    const items = await all(`/beta/auditLogs/signIns?$orderby=createdDateTime asc&$top=7&$filter=createdDateTime ge ${from} and createdDateTime le ${to} and signInEventTypes/any(t: t eq 'nonInteractiveUser')`);
    const times = items.map((v) => v.createdDateTime as string);
    expect([...times].sort()).toEqual(times);
    expect(items.every((v) => (v.signInEventTypes as string[])[0] === 'nonInteractiveUser')).toBe(true);
    expect(items).toHaveLength(Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 4 === 3 && i >= 50 && i <= 100).length);
  });

  it('answers short pages with a nextLink when the scan budget runs out', async () => {
    const { source, get, all } = setup({ scanBudget: 25 });
    fill(source, 200, NOW - 3_600_000, 1000);
    const { body } = await get("/beta/auditLogs/signIns?$filter=userPrincipalName eq 'user3@contoso.com'&$top=100");
    expect(body.value.length).toBeLessThan(25);
    expect(body['@odata.nextLink']).toBeDefined();
    const everything = await all("/beta/auditLogs/signIns?$filter=userPrincipalName eq 'user3@contoso.com'&$top=100");
    expect(everything).toHaveLength(Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 7 === 3 && i % 4 !== 3).length);
  });
});

describe('collection semantics', () => {
  it('serves beta sign-ins interactive-only unless signInEventTypes is filtered', async () => {
    const { source, all } = setup();
    fill(source, 40, NOW - 3_600_000, 1000);
    expect(await all('/beta/auditLogs/signIns')).toHaveLength(30);
    expect(await all("/beta/auditLogs/signIns?$filter=signInEventTypes/any(t: t eq 'nonInteractiveUser')")).toHaveLength(10);
    expect(await all("/beta/auditLogs/signIns?$filter=signInEventTypes/any(t: t eq 'nonInteractiveUser' or t eq 'interactiveUser')")).toHaveLength(40);
  });

  it('hides records until their ingestion delay passed and prunes past retention', async () => {
    const clock = { now: NOW };
    const source = new InMemoryGraphLogSource({ now: () => clock.now, delayMs: { signIns: 120_000 }, retentionMs: { signIns: 3_600_000 } });
    const handler = createGraphHandler({ source, tenantId: TENANT, now: () => clock.now });
    const resource = signIn(1, NOW);
    source.append('signIns', 'v1.0', { time: NOW, id: resource.id as string, resource });
    const count = async () =>
      (JSON.parse((await handler({ method: 'GET', url: new URL('https://graph.microsoft.com/v1.0/auditLogs/signIns'), headers: {}, body: '' }))!.body!) as Body).value.length;
    expect(await count()).toBe(0);
    clock.now = NOW + 120_000;
    expect(await count()).toBe(1);
    clock.now = NOW + 2 * 3_600_000;
    source.prune();
    expect(await count()).toBe(0);
    expect(source.size('signIns', 'v1.0')).toBe(0);
  });

  it('substitutes late enum members unless Prefer: include-unknown-enum-members', async () => {
    const { source, all } = setup();
    fill(source, 20, NOW - 3_600_000, 1000);
    const plain = await all('/beta/auditLogs/signIns?$filter=id eq \'si-000009\'');
    expect(plain[0]!.riskDetail).toBe('unknownFutureValue');
    const preferred = await all("/beta/auditLogs/signIns?$filter=id eq 'si-000009'", { prefer: 'include-unknown-enum-members' });
    expect(preferred[0]!.riskDetail).toBe('adminConfirmedAccountSafe');
  });

  it('projects $select and names it in the context; item GETs use $entity', async () => {
    const { source, get } = setup();
    fill(source, 3, NOW - 3_600_000, 1000);
    const list = await get('/beta/auditLogs/signIns?$select=id,createdDateTime');
    expect(list.body['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#auditLogs/signIns(id,createdDateTime)');
    expect(Object.keys(list.body.value[0]!)).toEqual(['id', 'createdDateTime']);
    const item = (await get('/beta/auditLogs/signIns/si-000001')).body as unknown as Record<string, unknown>;
    expect(item['@odata.context']).toBe('https://graph.microsoft.com/beta/$metadata#auditLogs/signIns/$entity');
    expect(item.id).toBe('si-000001');
    const bad = await get('/beta/auditLogs/signIns?$select=nope');
    expect(bad.response.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'BadRequest', message: "Could not find a property named 'nope' on type 'microsoft.graph.signIn'." } });
  });

  it('applies risky-user actions through the hook and records history', async () => {
    const clock = { now: NOW };
    const source = new InMemoryGraphLogSource({ now: () => clock.now });
    const riskActions = new InMemoryRiskActions(source);
    const handler = createGraphHandler({ source, tenantId: TENANT, now: () => clock.now, riskActions });
    const userId = '41a31b00-3b3b-42d9-8f1c-6d4f14e74c69';
    const risky = {
      id: userId,
      isDeleted: false,
      isProcessing: false,
      riskLastUpdatedDateTime: graphTime(NOW - 60_000),
      riskLevel: 'high',
      riskState: 'atRisk',
      riskDetail: 'none',
      userDisplayName: 'Alex',
      userPrincipalName: 'alex@contoso.com',
    };
    source.append('riskyUsers', 'v1.0', { time: NOW - 60_000, id: userId, resource: risky });
    const call = (method: string, path: string, body = '') =>
      handler({ method, url: new URL(`https://graph.microsoft.com${path}`), headers: { 'content-type': 'application/json' }, body });
    const done = (await call('POST', '/v1.0/identityProtection/riskyUsers/confirmCompromised', JSON.stringify({ userIds: [userId] })))!;
    expect(done.status).toBe(204);
    expect(done.body).toBeUndefined();
    expect(riskActions.applied).toHaveLength(1);
    const user = JSON.parse((await call('GET', `/v1.0/identityProtection/riskyUsers/${userId}`))!.body!) as Record<string, unknown>;
    expect(user).toMatchObject({ riskState: 'confirmedCompromised', riskLevel: 'high', riskDetail: 'adminConfirmedUserCompromised' });
    const history = JSON.parse((await call('GET', `/v1.0/identityProtection/riskyUsers/${userId}/history`))!.body!) as Body;
    expect(history['@odata.context']).toBe(`https://graph.microsoft.com/v1.0/$metadata#identityProtection/riskyUsers('${userId}')/history`);
    expect(history.value[0]).toMatchObject({ userId, activity: { detail: 'adminConfirmedUserCompromised' } });
    expect(String(history.value[0]!.id).startsWith(userId)).toBe(true);
    const missingBody = (await call('POST', '/v1.0/identityProtection/riskyUsers/dismiss', '{}'))!;
    expect(missingBody.status).toBe(400);
    const unknownHistory = (await call('GET', '/v1.0/identityProtection/riskyUsers/nobody/history'))!;
    expect(unknownHistory.status).toBe(404);
  });

  it('fails unknown segments, versions and writes like Graph', async () => {
    const { get, handler } = setup();
    const segment = await get('/v1.0/networkAccess/logs/traffic');
    expect(segment.response.status).toBe(400);
    expect(segment.body).toMatchObject({ error: { code: 'BadRequest', message: "Resource not found for the segment 'networkAccess'." } });
    expect((await get('/beta/networkAccess/logs/traffic')).response.status).toBe(200);
    expect((await get('/v2/auditLogs/signIns')).body).toMatchObject({ error: { code: 'ResourceNotFound', message: 'Invalid version: v2' } });
    const write = (await handler({ method: 'PATCH', url: new URL('https://graph.microsoft.com/v1.0/auditLogs/signIns/x'), headers: {}, body: '{}' }))!;
    expect(write.status).toBe(405);
    expect((await handler({ method: 'GET', url: new URL('https://127.0.0.1:9/other'), headers: {}, body: '' }))).toBeUndefined();
    const top = await get('/beta/identityProtection/riskDetections?$top=501');
    expect(top.body).toMatchObject({ error: { code: 'BadRequest', message: "Invalid page size specified: '501'. Must be between 1 and 500 inclusive." } });
    const countNo = await get('/v1.0/identityProtection/riskDetections?$count=true');
    expect(countNo.response.status).toBe(400);
  });
});
