/**
 * On-disk destinations: the storage layout in a folder (PT1H.json per category and arrival
 * hour, appended), the workspace tables, and event-hub bodies in a folder — with a bounded
 * number of open file handles however many files are written.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEventHubsFolderSink } from '../src/sinks/eventhubs-sink.ts';
import { createFolderSink } from '../src/sinks/folder-sink.ts';
import { createWorkspaceSink } from '../src/sinks/workspace-sink.ts';
import { idOf, makeRecords, TENANT_ID } from './helpers/sink-records.ts';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'entrasim-folder-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

describe('folder sink', () => {
  test('same layout as the storage account, each record once, at most maxOpenFiles handles', async () => {
    const dir = join(root, 'storage');
    // 24 hours × 2 categories = 48 files, through at most 3 open handles.
    const records = makeRecords(4800, { categories: ['SignInLogs', 'NonInteractiveUserSignInLogs'], startMs: Date.UTC(2025, 0, 31, 0), spanMs: 24 * 3_600_000 });
    const sink = createFolderSink({ root: dir, tenantId: TENANT_ID, maxOpenFiles: 3, lingerMs: 20, maxChunkBytes: 16 * 1024 });
    await Promise.all(records.map((r) => sink.write(r)));
    await sink.close();
    expect(sink.stats().peakOpenFiles).toBeLessThanOrEqual(3);
    expect(sink.stats().openFiles).toBe(0);
    const files = (await walk(dir)).map((p) => relative(dir, p).split('\\').join('/')).sort();
    expect(files).toHaveLength(48);
    expect(files[0]).toBe(`insights-logs-noninteractiveusersigninlogs/tenantId=${TENANT_ID}/y=2025/m=01/d=31/h=00/m=00/PT1H.json`);
    expect(files).toContain(`insights-logs-signinlogs/tenantId=${TENANT_ID}/y=2025/m=01/d=31/h=23/m=00/PT1H.json`);
    const ids = new Map<string, number>();
    for (const file of files) {
      const text = await readFile(join(dir, file), 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      for (const line of text.slice(0, -1).split('\n')) ids.set(idOf(line), (ids.get(idOf(line)) ?? 0) + 1);
    }
    expect(ids.size).toBe(4800);
    expect([...ids.values()].every((n) => n === 1)).toBe(true);
  });

  test('appends to files of an earlier run', async () => {
    const dir = join(root, 'append');
    const records = makeRecords(20, { categories: ['AuditLogs'], startMs: Date.UTC(2025, 1, 1, 3), spanMs: 1000, seed: 'append' });
    for (const part of [records.slice(0, 10), records.slice(10)]) {
      const sink = createFolderSink({ root: dir, tenantId: TENANT_ID, lingerMs: 10 });
      for (const r of part) await sink.write(r);
      await sink.close();
    }
    const text = await readFile(sinkPath(dir, 'insights-logs-auditlogs', Date.UTC(2025, 1, 1, 3)), 'utf8');
    expect(text.slice(0, -1).split('\n').map(idOf)).toEqual(records.map((r) => idOf(r.diagnostic)));
  });
});

function sinkPath(dir: string, container: string, hourMs: number): string {
  const d = new Date(hourMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return join(dir, container, `tenantId=${TENANT_ID}`, `y=${d.getUTCFullYear()}`, `m=${p(d.getUTCMonth() + 1)}`, `d=${p(d.getUTCDate())}`, `h=${p(d.getUTCHours())}`, 'm=00', 'PT1H.json');
}

describe('workspace sink', () => {
  test('rows appended per table as NDJSON; records without a row are counted, not written', async () => {
    const dir = join(root, 'workspaces', 'viruela2');
    const records = makeRecords(300, { categories: ['SignInLogs', 'AuditLogs', 'ManagedIdentitySignInLogs'], startMs: Date.UTC(2025, 2, 1), spanMs: 60_000, seed: 'ws' });
    const sink = createWorkspaceSink({ directory: dir, lingerMs: 10 });
    for (const r of records) await sink.write(r);
    await sink.write({ ...records[0]!, logAnalytics: undefined });
    await sink.close();
    expect(sink.stats().skippedRecords).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['AADManagedIdentitySignInLogs.ndjson', 'AuditLogs.ndjson', 'SigninLogs.ndjson']);
    const rows = (await readFile(join(dir, 'SigninLogs.ndjson'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { Type: string; Id: string });
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.Type === 'SigninLogs')).toBe(true);
  });
});

describe('event hub folder sink', () => {
  test('one {"records":[…]} body per line, one category per body, per-category hub files', async () => {
    const dir = join(root, 'eventhubs');
    const records = makeRecords(1000, { categories: ['SignInLogs', 'AuditLogs'], startMs: Date.UTC(2025, 2, 2), spanMs: 60_000, seed: 'ehf' });
    const sink = createEventHubsFolderSink({ root: dir, maxRecordsPerEvent: 40, lingerMs: 10 });
    for (const r of records) await sink.write(r);
    await sink.close();
    expect((await readdir(dir)).sort()).toEqual(['insights-logs-auditlogs.ndjson', 'insights-logs-signinlogs.ndjson']);
    const bodies = (await readFile(join(dir, 'insights-logs-signinlogs.ndjson'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { records: Array<{ category: string }> });
    expect(bodies.length).toBeGreaterThanOrEqual(13);
    expect(bodies.every((b) => Object.keys(b).join() === 'records' && b.records.length <= 40 && b.records.every((r) => r.category === 'SignInLogs'))).toBe(true);
    expect(bodies.reduce((n, b) => n + b.records.length, 0)).toBe(500);
  });
});
