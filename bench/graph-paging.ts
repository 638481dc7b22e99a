/**
 * Graph paging throughput: 200,000 sign-ins in an InMemoryGraphLogSource, paged with
 * `$top=1000` (a) by calling the HttpHandler directly and (b) over HTTP through fastify,
 * following `@odata.nextLink` like a collector. Prints records/s for each, plus the raw
 * keyset scan of the source. Narrow pages (`$select`) show the paging machinery; full
 * beta sign-ins (~7 KB of JSON each) are bound by serialisation and memory bandwidth.
 *
 *   npx tsx bench/graph-paging.ts [records] [--cache-json]
 *
 * Records are 1,000 sign-ins rendered by the sign-in category modules (or the tests'
 * local factory when those are unavailable), cloned with fresh ids and times.
 */
import { request as httpRequest } from 'node:http';
import type { GraphResource } from '../src/core/activity.ts';
import { graphTime } from '../src/core/time.ts';
import { Rng } from '../src/core/random.ts';
import { createGraphHandler } from '../src/api/graph/graph-handler.ts';
import { InMemoryGraphLogSource } from '../src/api/graph/in-memory-source.ts';
import type { HttpHandler } from '../src/http/types.ts';
import { startHttpServer } from '../src/http/fastify-adapter.ts';
import { makeSignIns } from '../test/graph-api.fixtures.ts';

const TOTAL = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 200_000);
const CACHE_JSON = process.argv.includes('--cache-json');
const PAGE = 1000;
const TENANT = '6f0a8b0e-2c1d-4e5f-8a9b-0c1d2e3f4a5b';

async function fill(): Promise<InMemoryGraphLogSource> {
  const now = Date.now();
  const start = now - 6 * 3_600_000;
  const span = 5 * 3_600_000;
  const { records: templates, source: kind } = await makeSignIns(1000, start, span, 'bench');
  const interactive = templates.map((t) => t.beta).filter((r) => Array.isArray(r.signInEventTypes) && r.signInEventTypes.includes('interactiveUser'));
  const source = new InMemoryGraphLogSource({ cacheJson: CACHE_JSON });
  const rng = new Rng('bench-ids');
  const t0 = performance.now();
  for (let i = 0; i < TOTAL; i++) {
    const time = Math.floor(start + (i * span) / TOTAL);
    const id = rng.uuid();
    const resource: GraphResource = { ...interactive[i % interactive.length]!, id, createdDateTime: graphTime(time, i % 10000) };
    source.append('signIns', 'beta', { time, id, resource, visibleAt: time });
  }
  console.log(`filled ${TOTAL.toLocaleString()} records (${kind} templates) in ${(performance.now() - t0).toFixed(0)} ms${CACHE_JSON ? ', JSON cached' : ''}`);
  return source;
}

interface Run {
  records: number;
  pages: number;
  bytes: number;
  /** Time spent inside the handler (server side only), ms. */
  serverMs?: number;
}

async function pageDirect(handler: HttpHandler, firstUrl: string): Promise<Run> {
  let url: string | undefined = firstUrl;
  let records = 0;
  let pages = 0;
  let bytes = 0;
  let serverMs = 0;
  while (url) {
    const started = performance.now();
    const response = await handler({ method: 'GET', url: new URL(url), headers: {}, body: '' });
    serverMs += performance.now() - started;
    if (!response || response.status !== 200) throw new Error(`HTTP ${response?.status}: ${response?.body}`);
    const body = JSON.parse(response.body!) as { value: unknown[]; '@odata.nextLink'?: string };
    records += body.value.length;
    bytes += response.body!.length;
    pages++;
    url = body['@odata.nextLink'];
  }
  return { records, pages, bytes, serverMs };
}

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`HTTP ${res.statusCode}`))));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

async function pageHttp(firstUrl: string): Promise<Run> {
  let url: string | undefined = firstUrl;
  let records = 0;
  let pages = 0;
  let bytes = 0;
  while (url) {
    const text = await get(url);
    const body = JSON.parse(text) as { value: unknown[]; '@odata.nextLink'?: string };
    records += body.value.length;
    bytes += text.length;
    pages++;
    url = body['@odata.nextLink'];
  }
  return { records, pages, bytes };
}

/** End-to-end rate (client parsing included) and, for direct runs, the handler's own rate. */
function report(label: string, r: Run, ms: number): void {
  const rate = Math.round((r.records / ms) * 1000);
  const mib = r.bytes / 1048576;
  const server = r.serverMs !== undefined ? `  handler alone ${Math.round((r.records / r.serverMs) * 1000).toLocaleString()} records/s` : '';
  console.log(
    `${label.padEnd(38)} ${r.records.toLocaleString().padStart(8)} records ${String(r.pages).padStart(4)} pages ${mib.toFixed(0).padStart(5)} MiB ${ms.toFixed(0).padStart(7)} ms  ${rate.toLocaleString().padStart(10)} records/s  ${((mib / ms) * 1000).toFixed(1)} MiB/s${server}`,
  );
}

async function main(): Promise<void> {
  const source = await fill();
  const now = Date.now();

  // The source alone: keyset scan, newest first (what every page walks).
  let t = performance.now();
  let scanned = 0;
  for (const _ of source.scan('signIns', 'beta', { now, order: 'desc' })) scanned++;
  report('source scan (keyset, desc)', { records: scanned, pages: 1, bytes: 0 }, performance.now() - t);

  const handler = createGraphHandler({ source, tenantId: TENANT });
  const narrow = `/beta/auditLogs/signIns?$top=${PAGE}&$select=id,createdDateTime,userPrincipalName,status`;
  const full = `/beta/auditLogs/signIns?$top=${PAGE}`;
  const since = graphTime(now - 3 * 3_600_000);
  const filtered = `/beta/auditLogs/signIns?$filter=${encodeURIComponent(`createdDateTime ge ${since} and status/errorCode eq 0`)}&$top=${PAGE}`;

  t = performance.now();
  report('HttpHandler, $select 4 properties', await pageDirect(handler, `https://graph.microsoft.com${narrow}`), performance.now() - t);
  t = performance.now();
  report('HttpHandler, full records', await pageDirect(handler, `https://graph.microsoft.com${full}`), performance.now() - t);
  t = performance.now();
  report('HttpHandler, time + errorCode filter', await pageDirect(handler, `https://graph.microsoft.com${filtered}`), performance.now() - t);

  const server = await startHttpServer(handler);
  try {
    t = performance.now();
    report('fastify, $select 4 properties', await pageHttp(`${server.url}${narrow}`), performance.now() - t);
    t = performance.now();
    report('fastify, full records', await pageHttp(`${server.url}${full}`), performance.now() - t);
  } finally {
    await server.close();
  }
}

await main();
