/**
 * The storage-account sink against Azurite (started from the npm package), read back with
 * @azure/storage-blob: exact container/blob layout, AppendBlob type, JSON Lines, every record
 * exactly once — also when a restarted sink appends to existing blobs and when two sinks race
 * to create and append to the same blob.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BlobServiceClient } from '@azure/storage-blob';
import { createBlobSink } from '../src/sinks/blob-sink.ts';
import { hourBlobName } from '../src/sinks/blob-layout.ts';
import type { RoutedRecord } from '../src/sinks/routed-record.ts';
import { startAzurite, type Azurite } from './helpers/azurite.ts';
import { idOf, makeRecords, TENANT_ID } from './helpers/sink-records.ts';

let azurite: Azurite;
let service: BlobServiceClient;

beforeAll(async () => {
  azurite = await startAzurite();
  service = BlobServiceClient.fromConnectionString(azurite.connectionString);
}, 20_000);

afterAll(async () => {
  await azurite?.stop();
});

async function readContainer(container: string): Promise<Map<string, { text: string; type: string | undefined; blocks: number | undefined }>> {
  const out = new Map<string, { text: string; type: string | undefined; blocks: number | undefined }>();
  const client = service.getContainerClient(container);
  for await (const item of client.listBlobsFlat({ prefix: `tenantId=${TENANT_ID}/` })) {
    const blob = client.getBlobClient(item.name);
    const text = (await blob.downloadToBuffer()).toString('utf8');
    const props = await blob.getProperties();
    out.set(item.name, { text, type: item.properties.blobType, blocks: props.blobCommittedBlockCount });
  }
  return out;
}

function countIds(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const id = idOf(line);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

describe('blob sink', () => {
  test('thousands of records, 3 categories, two hours: exact PT1H layout, append blobs, JSON Lines, each record once', async () => {
    // 10:00–11:59 UTC on 2025-04-11, arrival = envelope time.
    const start = Date.UTC(2025, 3, 11, 10, 0, 0);
    const records = makeRecords(3000, { categories: ['SignInLogs', 'AuditLogs', 'ManagedIdentitySignInLogs'], startMs: start, spanMs: 2 * 3_600_000 });
    // Small blocks so every blob takes several appends.
    const sink = createBlobSink({ connectionString: azurite.connectionString, tenantId: TENANT_ID, maxBlockBytes: 128 * 1024, lingerMs: 50 });
    await Promise.all(records.map((r) => sink.write(r)));
    await sink.close();
    const stats = sink.stats();
    expect(stats).toMatchObject({ records: 3000, droppedRecords: 0, bufferedRecords: 0, blobs: 6 });
    expect(stats.blocks).toBeGreaterThan(6);

    for (const [category, container] of [
      ['SignInLogs', 'insights-logs-signinlogs'],
      ['AuditLogs', 'insights-logs-auditlogs'],
      ['ManagedIdentitySignInLogs', 'insights-logs-managedidentitysigninlogs'],
    ] as const) {
      const blobs = await readContainer(container);
      expect([...blobs.keys()].sort()).toEqual([
        `tenantId=${TENANT_ID}/y=2025/m=04/d=11/h=10/m=00/PT1H.json`,
        `tenantId=${TENANT_ID}/y=2025/m=04/d=11/h=11/m=00/PT1H.json`,
      ]);
      for (const [name, blob] of blobs) {
        expect(blob.type).toBe('AppendBlob');
        expect(blob.blocks).toBeGreaterThan(1);
        // JSON Lines: every line one JSON record, LF-terminated, no wrapper, no commas between.
        expect(blob.text.endsWith('\n')).toBe(true);
        const lines = blob.text.slice(0, -1).split('\n');
        const hour = Number(/h=(\d\d)/.exec(name)![1]);
        for (const line of lines) {
          expect(line.startsWith('{ "time": "2025-04-11T')).toBe(true);
          const parsed = JSON.parse(line) as { category: string; time: string };
          expect(parsed.category).toBe(category);
          expect(new Date(parsed.time).getUTCHours()).toBe(hour);
        }
      }
      const expected = records.filter((r) => r.category === category).map((r) => idOf(r.diagnostic));
      const counts = countIds([...blobs.values()].map((b) => b.text));
      expect(counts.size).toBe(expected.length);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(new Set(counts.keys())).toEqual(new Set(expected));
    }
  });

  test('late arrivals land in the blob of their arrival hour', async () => {
    const [rec] = makeRecords(1, { categories: ['UserRiskEvents'], startMs: Date.UTC(2025, 3, 12, 7, 59, 30), spanMs: 0, seed: 'late' });
    const late: RoutedRecord = { ...rec!, arrivalTime: Date.UTC(2025, 3, 12, 8, 3, 0) };
    const sink = createBlobSink({ connectionString: azurite.connectionString, tenantId: TENANT_ID, lingerMs: 20 });
    await sink.write(late);
    await sink.close();
    const blobs = await readContainer('insights-logs-userriskevents');
    expect([...blobs.keys()]).toEqual([hourBlobName(TENANT_ID, Date.UTC(2025, 3, 12, 8))]);
  });

  test('a restarted sink appends to existing blobs; two sinks racing on one new blob both land, once each', async () => {
    const start = Date.UTC(2025, 3, 13, 5, 0, 0);
    const records = makeRecords(2000, { categories: ['ServicePrincipalSignInLogs'], startMs: start, spanMs: 30 * 60_000, seed: 'race' });
    const first = createBlobSink({ connectionString: azurite.connectionString, tenantId: TENANT_ID, maxBlockBytes: 64 * 1024, lingerMs: 20 });
    for (const r of records.slice(0, 1000)) await first.write(r);
    await first.close();
    // Restart: a new sink knows nothing about the blob it continues.
    const second = createBlobSink({ connectionString: azurite.connectionString, tenantId: TENANT_ID, maxBlockBytes: 64 * 1024, lingerMs: 20 });
    for (const r of records.slice(1000, 1500)) await second.write(r);
    await second.close();
    // Race: two sinks create and append to the same (new) hour blob at once.
    const racing = records.slice(1500).map((r) => ({ ...r, arrivalTime: Date.UTC(2025, 3, 13, 6, 10) }));
    const a = createBlobSink({ connectionString: azurite.connectionString, tenantId: TENANT_ID, maxBlockBytes: 32 * 1024, lingerMs: 10 });
    const b = createBlobSink({ connectionString: azurite.connectionString, tenantId: TENANT_ID, maxBlockBytes: 32 * 1024, lingerMs: 10 });
    await Promise.all(racing.map((r, i) => (i % 2 === 0 ? a : b).write(r)));
    await Promise.all([a.close(), b.close()]);
    expect(a.stats().retries + b.stats().retries).toBeGreaterThan(0); // they really collided

    const blobs = await readContainer('insights-logs-serviceprincipalsigninlogs');
    expect([...blobs.keys()].sort()).toEqual([hourBlobName(TENANT_ID, start), hourBlobName(TENANT_ID, Date.UTC(2025, 3, 13, 6))]);
    const counts = countIds([...blobs.values()].map((x) => x.text));
    expect(counts.size).toBe(2000);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const blob of blobs.values()) expect(blob.text.split('\n').slice(0, -1).every((l) => l.startsWith('{ "time"'))).toBe(true);
  });

  test('an unreachable account: close with a timeout gives up and says how many records were lost', async () => {
    const dead = azurite.connectionString.replace(`:${azurite.port}/`, ':1/');
    const errors: string[] = [];
    const sink = createBlobSink({ connectionString: dead, tenantId: TENANT_ID, lingerMs: 10, backoff: { initialDelayMs: 20, maxDelayMs: 50 }, onError: (e) => errors.push(e.message) });
    for (const r of makeRecords(20, { categories: ['AuditLogs'], startMs: Date.UTC(2025, 3, 15), spanMs: 1000, seed: 'dead' })) await sink.write(r);
    await expect(sink.close({ timeoutMs: 500 })).rejects.toThrow(/20 record\(s\) were not delivered/);
    expect(sink.stats()).toMatchObject({ records: 0, droppedRecords: 20, bufferedRecords: 0 });
    expect(errors.length).toBeGreaterThan(0);
  });

  test('CRLF line endings on request', async () => {
    const records = makeRecords(10, { categories: ['ProvisioningLogs'], startMs: Date.UTC(2025, 3, 14, 1), spanMs: 1000, seed: 'crlf' });
    const sink = createBlobSink({ connectionString: azurite.connectionString, tenantId: TENANT_ID, lineEnding: '\r\n', lingerMs: 10 });
    for (const r of records) await sink.write(r);
    await sink.close();
    const [blob] = [...(await readContainer('insights-logs-provisioninglogs')).values()];
    expect(blob!.text.split('\r\n')).toHaveLength(11);
  });
});
