/**
 * Routing by diagnostic settings, end to end: settings PUT/DELETEd through the ARM API
 * (fastify + fetch), records routed to a storage account (Azurite), an Event Hubs namespace
 * (embedded endpoint), a workspace folder and a plain-folder storage account. Only enabled
 * categories flow; DELETE and disabling a category stop the flow while records already
 * accepted are still delivered.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BlobServiceClient } from '@azure/storage-blob';
import { createArmHandler, DiagnosticSettingsStore } from '../src/api/arm/index.ts';
import type { Category } from '../src/core/categories.ts';
import { startEventHubsEndpoint, type EventHubsEndpoint } from '../src/transports/eventhubs-endpoint/index.ts';
import { createRouter, type Router } from '../src/sinks/router.ts';
import type { RoutedRecord } from '../src/sinks/routed-record.ts';
import { serveHandler, type TestHttpServer } from './helpers/arm-http-server.ts';
import { startAzurite, type Azurite } from './helpers/azurite.ts';
import { idOf, makeRecords, TENANT_ID } from './helpers/sink-records.ts';

const STORAGE_A = '/subscriptions/1a66ce04-b633-4a0b-b2bc-a912ec8986a6/resourceGroups/siem/providers/Microsoft.Storage/storageAccounts/entralogs';
const STORAGE_B = '/subscriptions/1a66ce04-b633-4a0b-b2bc-a912ec8986a6/resourceGroups/siem/providers/Microsoft.Storage/storageAccounts/archive';
const RULE = '/subscriptions/1a66ce04-b633-4a0b-b2bc-a912ec8986a6/resourceGroups/siem/providers/Microsoft.EventHub/namespaces/entra-ns/authorizationRules/RootManageSharedAccessKey';
const NAMESPACE = '/subscriptions/1a66ce04-b633-4a0b-b2bc-a912ec8986a6/resourceGroups/siem/providers/Microsoft.EventHub/namespaces/entra-ns';
const WORKSPACE = '/subscriptions/1a66ce04-b633-4a0b-b2bc-a912ec8986a6/resourceGroups/siem/providers/Microsoft.OperationalInsights/workspaces/sentinel-ws';

let dataDir: string;
let azurite: Azurite;
let ep: EventHubsEndpoint;
let server: TestHttpServer;
let store: DiagnosticSettingsStore;
let router: Router;
const warnings: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'entrasim-router-'));
  [azurite, ep] = await Promise.all([startAzurite(), startEventHubsEndpoint({ port: 0, partitions: 2 })]);
  store = await DiagnosticSettingsStore.open({ dataDir });
  server = await serveHandler(createArmHandler({ store }));
  router = createRouter({
    settings: store,
    dataDir,
    tenantId: TENANT_ID,
    registry: {
      // By namespace id: covers any rule of the namespace.
      eventHubs: { [NAMESPACE.toLowerCase()]: { connectionString: ep.connectionString() } },
      storageAccounts: { [STORAGE_A]: { connectionString: azurite.connectionString }, [STORAGE_B]: { folder: join(dataDir, 'archive') } },
    },
    eventHubs: { lingerMs: 20 },
    storage: { lingerMs: 20 },
    files: { lingerMs: 20 },
    onWarning: (m) => warnings.push(m),
  });
}, 30_000);

afterAll(async () => {
  await router?.close();
  await server?.close();
  await ep?.close();
  await azurite?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function arm(method: string, name: string, body?: unknown): Promise<number> {
  const res = await fetch(`${server.baseUrl}/providers/Microsoft.aadiam/diagnosticSettings/${name}?api-version=2017-04-01`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  await res.arrayBuffer();
  return res.status;
}

const logs = (enabled: Category[], disabled: Category[] = []) => [
  ...enabled.map((category) => ({ category, enabled: true })),
  ...disabled.map((category) => ({ category, enabled: false })),
];

const CATS: Category[] = ['AuditLogs', 'SignInLogs', 'NonInteractiveUserSignInLogs', 'ManagedIdentitySignInLogs'];
const batch = (hour: number, seed: string): RoutedRecord[] => makeRecords(400, { categories: CATS, startMs: Date.UTC(2025, 4, 6, hour), spanMs: 30 * 60_000, seed });
const ids = (records: RoutedRecord[], ...categories: Category[]) => records.filter((r) => categories.includes(r.category)).map((r) => idOf(r.diagnostic)).sort();

async function blobIds(): Promise<Map<string, string[]>> {
  const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
  const out = new Map<string, string[]>();
  for await (const c of service.listContainers()) {
    const client = service.getContainerClient(c.name);
    for await (const b of client.listBlobsFlat()) {
      const text = (await client.getBlobClient(b.name).downloadToBuffer()).toString('utf8');
      out.set(`${c.name}/${b.name}`, text.trim().split('\n').map(idOf));
    }
  }
  return out;
}

function hubIds(hub: string): string[] {
  if (!ep.hubNames().includes(hub)) return [];
  const out: string[] = [];
  for (const partition of ['0', '1']) {
    for (const e of ep.readEvents(hub, partition, { maxCount: 100_000 })) {
      const body = JSON.parse((e.body as Buffer).toString('utf8')) as { records: Array<{ properties: { id: string } }> };
      out.push(...body.records.map((r) => r.properties.id));
    }
  }
  return out.sort();
}

async function folderIds(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
    out.push(...text.trim().split('\n').map(idOf));
  }
  return out.sort();
}

describe('router', () => {
  test('only the enabled categories flow to each destination; DELETE and disabling stop the flow', async () => {
    const b0 = batch(9, 'b0');
    for (const r of b0) await router.write(r);
    expect(router.stats().unrouted).toBe(400); // no settings yet

    expect(
      await arm('PUT', 'siem', {
        properties: {
          storageAccountId: STORAGE_A,
          eventHubAuthorizationRuleId: RULE,
          workspaceId: WORKSPACE,
          logs: logs(['AuditLogs', 'SignInLogs'], ['NonInteractiveUserSignInLogs']),
        },
      }),
    ).toBe(200);
    expect(await arm('PUT', 'archive', { properties: { storageAccountId: STORAGE_B, logs: logs(['SignInLogs', 'ManagedIdentitySignInLogs']) } })).toBe(200);
    expect(router.routesFor('SignInLogs').map((r) => `${r.setting}:${r.kind}`).sort()).toEqual(['archive:storage-folder', 'siem:eventhubs', 'siem:storage', 'siem:workspace']);
    expect(router.routesFor('NonInteractiveUserSignInLogs')).toEqual([]);

    // Phase 1: everything routed as configured.
    const b1 = batch(10, 'b1');
    for (const r of b1) await router.write(r);
    await router.flush();

    const blobs = await blobIds();
    expect([...blobs.keys()].sort()).toEqual([
      `insights-logs-auditlogs/tenantId=${TENANT_ID}/y=2025/m=05/d=06/h=10/m=00/PT1H.json`,
      `insights-logs-signinlogs/tenantId=${TENANT_ID}/y=2025/m=05/d=06/h=10/m=00/PT1H.json`,
    ]);
    expect([...blobs.values()].flat().sort()).toEqual(ids(b1, 'AuditLogs', 'SignInLogs'));
    expect(hubIds('insights-logs-auditlogs')).toEqual(ids(b1, 'AuditLogs'));
    expect(hubIds('insights-logs-signinlogs')).toEqual(ids(b1, 'SignInLogs'));
    expect(ep.hubNames().filter((h) => h.startsWith('insights-logs-')).sort()).toEqual(['insights-logs-auditlogs', 'insights-logs-signinlogs']);
    const wsDir = join(dataDir, 'workspaces', 'sentinel-ws');
    expect((await readdir(wsDir)).sort()).toEqual(['AuditLogs.ndjson', 'SigninLogs.ndjson']);
    expect(await folderIds(join(dataDir, 'archive'))).toEqual(ids(b1, 'SignInLogs', 'ManagedIdentitySignInLogs'));

    // Phase 2: records written just before the DELETE are still delivered; after it, nothing more.
    const b2 = batch(11, 'b2');
    for (const r of b2) await router.write(r);
    expect(await arm('DELETE', 'siem')).toBe(200);
    expect(router.routesFor('AuditLogs')).toEqual([]);
    const b3 = batch(12, 'b3');
    for (const r of b3) await router.write(r);
    await router.flush();
    expect([...(await blobIds()).values()].flat().sort()).toEqual(ids([...b1, ...b2], 'AuditLogs', 'SignInLogs').sort());
    expect(hubIds('insights-logs-signinlogs')).toEqual(ids([...b1, ...b2], 'SignInLogs').sort());
    expect(await folderIds(join(dataDir, 'archive'))).toEqual(ids([...b1, ...b2, ...b3], 'SignInLogs', 'ManagedIdentitySignInLogs').sort());

    // Phase 3: disabling a category in the remaining setting stops just that category.
    expect(await arm('PUT', 'archive', { properties: { storageAccountId: STORAGE_B, logs: logs(['ManagedIdentitySignInLogs'], ['SignInLogs']) } })).toBe(200);
    const b4 = batch(13, 'b4');
    for (const r of b4) await router.write(r);
    await router.flush();
    expect(await folderIds(join(dataDir, 'archive'))).toEqual(ids([...b1, ...b2, ...b3, ...b4], 'ManagedIdentitySignInLogs').concat(ids([...b1, ...b2, ...b3], 'SignInLogs')).sort());
    expect(router.stats().activeDestinations).toBe(1);
    expect(warnings).toEqual([]);
  });

  test('a destination id without a registry entry is reported once and skipped', async () => {
    const other = '/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/unknown';
    expect(await arm('PUT', 'unmapped', { properties: { storageAccountId: other, logs: logs(['RiskyUsers']) } })).toBe(200);
    const records = makeRecords(5, { categories: ['RiskyUsers'], startMs: Date.UTC(2025, 4, 7), spanMs: 1000, seed: 'unmapped' });
    const before = router.stats().unresolved;
    for (const r of records) await router.write(r);
    expect(router.stats().unresolved - before).toBe(5);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(other);
    expect(await arm('DELETE', 'unmapped')).toBe(200);
  });
});
