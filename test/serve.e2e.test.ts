/**
 * The whole path a SIEM pipeline sees, with the real SDKs and nothing stubbed between:
 * a token from entrasim's token service, a PUT of a diagnostic setting through the ARM
 * API, records arriving in an EventHubConsumerClient and in Azurite blobs (read back
 * with @azure/storage-blob), and the flow stopping when the setting is deleted.
 */
import { request } from 'node:https';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventHubConsumerClient, earliestEventPosition, type ReceivedEventData } from '@azure/event-hubs';
import { BlobServiceClient } from '@azure/storage-blob';
import { hubName, type Category } from '../src/core/categories.ts';
import { loadScenario } from '../src/scenarios/load.ts';
import { COLLECTOR_DEFAULT_SECRET, collectorClient } from '../src/api/token/clients.ts';
import { startServe, DEFAULT_EVENT_HUB_RULE_ID, type RunningServe } from '../src/server/serve.ts';
import { startAzurite, type Azurite } from './helpers/azurite.ts';

const STORAGE_ID = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/siem/providers/Microsoft.Storage/storageAccounts/siemarchive';
const ENABLED: Category[] = ['SignInLogs', 'AuditLogs', 'NonInteractiveUserSignInLogs'];

function call(server: RunningServe, method: string, path: string, body?: unknown, token?: string, form?: string): Promise<{ status: number; json: unknown }> {
  const url = new URL(path, server.url);
  const payload = form ?? (body === undefined ? undefined : JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca: caOf(server),
        headers: {
          ...(payload ? { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as unknown) : undefined }));
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

const caCache = new Map<string, string>();
function caOf(server: RunningServe): string {
  let ca = caCache.get(server.caFile);
  if (!ca) caCache.set(server.caFile, (ca = readFileSync(server.caFile, 'utf8')));
  return ca;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('serve: diagnostic settings → Event Hubs and storage, end to end', () => {
  let azurite: Azurite;
  let server: RunningServe;
  const generated: Array<{ seq: number; category: Category; id: string }> = [];
  let seqAtPut = 0;
  let seqAtDelete = 0;

  beforeAll(async () => {
    azurite = await startAzurite();
    const dir = mkdtempSync(join(tmpdir(), 'entrasim-serve-'));
    server = await startServe({
      scenario: loadScenario('enterprise-baseline').scenario,
      users: 150,
      backfillMs: 10 * 60_000,
      live: true,
      speed: 1200,
      port: 0,
      eventHubsPort: 0,
      dataDir: join(dir, 'data'),
      outDir: join(dir, 'out'),
      defaultSetting: false,
      destinations: { storageAccounts: { [STORAGE_ID]: { connectionString: azurite.connectionString } } },
    });
    server.onRecord((r) => generated.push(r));
    server.settings.onChange((change) => {
      if (change.kind === 'put') seqAtPut = server.generated();
      else seqAtDelete = server.generated();
    });
  });

  afterAll(async () => {
    await server?.close();
    await azurite?.stop();
  });

  it('routes exactly the enabled categories while the setting exists', async () => {
    await server.backfilled;
    // A token for ARM from entrasim's token service (client credentials).
    const collector = collectorClient(server.tenantId);
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: collector.clientId,
      client_secret: COLLECTOR_DEFAULT_SECRET,
      scope: 'https://management.azure.com/.default',
    }).toString();
    const tok = await call(server, 'POST', `/${server.tenantId}/oauth2/v2.0/token`, undefined, undefined, form);
    expect(tok.status).toBe(200);
    const token = (tok.json as { access_token: string }).access_token;

    const path = '/providers/Microsoft.aadiam/diagnosticSettings/siem-pipeline?api-version=2017-04-01';
    const unauth = await call(server, 'PUT', path, { properties: { logs: [] } });
    expect(unauth.status).toBe(401);
    const put = await call(
      server,
      'PUT',
      path,
      {
        properties: {
          eventHubAuthorizationRuleId: DEFAULT_EVENT_HUB_RULE_ID,
          storageAccountId: STORAGE_ID,
          logs: [
            ...ENABLED.map((category) => ({ category, enabled: true, retentionPolicy: { enabled: false, days: 0 } })),
            { category: 'RiskyUsers', enabled: false, retentionPolicy: { enabled: false, days: 0 } },
          ],
        },
      },
      token,
    );
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    // Let the live stream run for a while, then delete the setting.
    await sleep(4000);
    const del = await call(server, 'DELETE', path, undefined, token);
    expect([200, 204]).toContain(del.status);
    await sleep(1500);
    await server.router.flush();

    const expected = generated.filter((r) => r.seq > seqAtPut && r.seq <= seqAtDelete && ENABLED.includes(r.category));
    expect(expected.length).toBeGreaterThan(50);
    const expectedIds = new Map<Category, Set<string>>();
    for (const r of expected) {
      let s = expectedIds.get(r.category);
      if (!s) expectedIds.set(r.category, (s = new Set()));
      s.add(r.id);
    }

    // Event Hubs: one hub per category, every record exactly once, one category per body.
    for (const category of ENABLED) {
      const consumer = new EventHubConsumerClient('$Default', server.eventHubs!.connectionString(), hubName(category));
      const ids: string[] = [];
      const want = expectedIds.get(category)?.size ?? 0;
      // Every enabled category produced records while the setting existed, so the
      // comparisons below are not between two empty sets.
      expect(want, category).toBeGreaterThan(0);
      await new Promise<void>((resolve, reject) => {
        const sub = consumer.subscribe(
          {
            processEvents: async (events: ReceivedEventData[]) => {
              for (const e of events) {
                const body = (typeof e.body === 'string' ? JSON.parse(e.body) : e.body) as { records: Array<{ category: string; properties: { id: string } }> };
                expect(Object.keys(body)).toEqual(['records']);
                expect(e.partitionKey ?? undefined).toBeUndefined();
                for (const rec of body.records) {
                  expect(rec.category).toBe(category);
                  ids.push(rec.properties.id);
                }
              }
              if (ids.length >= want) void sub.close().then(() => resolve());
            },
            processError: async (err) => reject(err),
          },
          { startPosition: earliestEventPosition, maxWaitTimeInSeconds: 2 },
        );
        setTimeout(() => void sub.close().then(() => resolve()), 15_000);
      });
      await consumer.close();
      expect(ids.length, category).toBe(new Set(ids).size);
      expect(new Set(ids), category).toEqual(expectedIds.get(category) ?? new Set());
    }
    // Disabled and unlisted categories have no hub traffic.
    expect(server.eventHubs!.hubNames()).not.toContain(hubName('RiskyUsers'));

    // Storage: append blobs in the archive layout, JSON Lines, the same records.
    const blobs = BlobServiceClient.fromConnectionString(azurite.connectionString);
    for (const category of ENABLED) {
      const container = blobs.getContainerClient(hubName(category));
      const ids: string[] = [];
      for await (const b of container.listBlobsFlat()) {
        expect(b.name).toMatch(new RegExp(`^tenantId=${server.tenantId}/y=\\d{4}/m=\\d{2}/d=\\d{2}/h=\\d{2}/m=00/PT1H\\.json$`));
        expect(b.properties.blobType).toBe('AppendBlob');
        const text = (await container.getBlobClient(b.name).downloadToBuffer()).toString('utf8');
        for (const line of text.split('\n').filter(Boolean)) ids.push((JSON.parse(line) as { properties: { id: string } }).properties.id);
      }
      expect(ids.length, category).toBe(new Set(ids).size);
      expect(new Set(ids), category).toEqual(expectedIds.get(category) ?? new Set());
    }
  });

  it('a risk action posted to Graph changes the risky user and writes its records to every output', async () => {
    await server.backfilled;
    const user = server.run.tenant.user(7);
    server.graph.tokens.registerClient({
      clientId: '5f1c2b3a-0000-4000-8000-00000000c0de',
      displayName: 'SOC responder',
      servicePrincipalId: '5f1c2b3a-0000-4000-8000-0000000005ec',
      secrets: ['responder-secret'],
      graphRoles: ['IdentityRiskyUser.ReadWrite.All', 'IdentityRiskyUser.Read.All'],
    });
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: '5f1c2b3a-0000-4000-8000-00000000c0de',
      client_secret: 'responder-secret',
      scope: 'https://graph.microsoft.com/.default',
    }).toString();
    const tok = await call(server, 'POST', `/${server.tenantId}/oauth2/v2.0/token`, undefined, undefined, form);
    const token = (tok.json as { access_token: string }).access_token;
    const seen: Category[] = [];
    const off = server.onRecord((r) => seen.push(r.category));
    const post = await call(server, 'POST', '/v1.0/identityProtection/riskyUsers/confirmCompromised', { userIds: [user.id] }, token);
    expect(post.status).toBe(204);
    off();
    expect(seen).toEqual(expect.arrayContaining(['RiskyUsers', 'UserRiskEvents', 'AuditLogs']));
    const got = await call(server, 'GET', `/v1.0/identityProtection/riskyUsers/${user.id}`, undefined, token);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: user.id, riskState: 'confirmedCompromised', riskDetail: 'adminConfirmedUserCompromised', riskLevel: 'high' });
  });
});
