/**
 * The Event Hubs publisher against the embedded Event Hubs endpoint, read back with the real
 * EventHubConsumerClient: every record exactly once, one category per `{"records":[…]}` body,
 * bodies within the event size limit, no partition key (events spread over partitions), and
 * nothing accepted is lost across a close/restart or while the namespace is unreachable.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EventHubConsumerClient, earliestEventPosition, type ReceivedEventData, type Subscription } from '@azure/event-hubs';
import { startEventHubsEndpoint, type EndpointEvent, type EventHubsEndpoint } from '../src/transports/eventhubs-endpoint/index.ts';
import { createEventHubsPublisher, createRateLimiter, MAX_MESSAGE_BYTES, type EventHubsPublisher } from '../src/sinks/eventhubs-publisher.ts';
import { freePort } from './helpers/free-port.ts';
import { hubName, idOf, makeRecords } from './helpers/sink-records.ts';

let ep: EventHubsEndpoint;
const stored: EndpointEvent[] = [];
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  ep = await startEventHubsEndpoint({ port: 0, partitions: 4 });
  ep.onEvent((e) => stored.push(e));
});

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await ep.close();
});

interface Received {
  events: ReceivedEventData[];
  subscription: Subscription;
  client: EventHubConsumerClient;
}

/** Reads a hub from the start with raw (unparsed) bodies, to check bytes as sent. */
function consume(endpoint: EventHubsEndpoint, hub: string): Received {
  const client = new EventHubConsumerClient('$Default', endpoint.connectionString(hub), { retryOptions: { maxRetries: 2, timeoutInMs: 5000 } });
  const received: Received = { events: [], client, subscription: undefined as unknown as Subscription };
  received.subscription = client.subscribe(
    {
      processEvents: async (events) => {
        received.events.push(...events);
      },
      processError: async () => undefined,
    },
    { startPosition: earliestEventPosition, skipParsingBodyAsJson: true, maxBatchSize: 500, maxWaitTimeInSeconds: 0.2 },
  );
  closers.push(async () => {
    await received.subscription.close();
    await client.close();
  });
  return received;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Body {
  records: Array<{ category: string; properties: { id: string } }>;
}

function decode(events: ReceivedEventData[]): { bodies: Body[]; sizes: number[]; ids: string[] } {
  const bodies: Body[] = [];
  const sizes: number[] = [];
  for (const e of events) {
    const raw = e.body as Uint8Array;
    sizes.push(raw.length);
    bodies.push(JSON.parse(Buffer.from(raw).toString('utf8')) as Body);
  }
  return { bodies, sizes, ids: bodies.flatMap((b) => b.records.map((r) => r.properties.id)) };
}

function expectExactlyOnce(ids: string[], expected: string[]): void {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const dupes = [...counts].filter(([, n]) => n > 1);
  expect(dupes).toEqual([]);
  expect(new Set(ids)).toEqual(new Set(expected));
  expect(ids).toHaveLength(expected.length);
}

function publisher(options: Partial<Parameters<typeof createEventHubsPublisher>[0]> = {}): EventHubsPublisher {
  const p = createEventHubsPublisher({ connectionString: ep.connectionString(), lingerMs: 50, ...options });
  closers.push(() => p.close({ timeoutMs: 2000 }));
  return p;
}

describe('Event Hubs publisher', () => {
  test('per-category hubs: every record once, one category per body, no partition key, round-robin', async () => {
    const records = makeRecords(3000, { categories: ['SignInLogs', 'AuditLogs'], startMs: Date.UTC(2025, 3, 11, 8), spanMs: 3_600_000 });
    const pub = publisher({ maxRecordsPerEvent: 100, maxEventsPerBatch: 1 });
    let maxInflight = 0;
    const sampler = setInterval(() => (maxInflight = Math.max(maxInflight, pub.stats().inflightBatches)), 1);
    for (const r of records) await pub.write({ hub: hubName(r.category), category: r.category, record: r.diagnostic });
    await pub.flush();
    clearInterval(sampler);
    expect(maxInflight).toBeGreaterThan(1); // several batches in flight at once
    const s = pub.stats();
    expect(s.records).toBe(3000);
    expect(s.bufferedRecords).toBe(0);
    expect(s.droppedRecords).toBe(0);
    expect(s.events).toBeGreaterThanOrEqual(30);

    for (const category of ['SignInLogs', 'AuditLogs'] as const) {
      const hub = hubName(category);
      const got = consume(ep, hub);
      const expected = records.filter((r) => r.category === category).map((r) => idOf(r.diagnostic));
      await waitFor(() => decode(got.events).ids.length >= expected.length, `${hub} records`);
      const { bodies, ids } = decode(got.events);
      expectExactlyOnce(ids, expected);
      for (const body of bodies) {
        expect(Object.keys(body)).toEqual(['records']);
        expect(new Set(body.records.map((r) => r.category))).toEqual(new Set([category]));
        expect(body.records.length).toBeLessThanOrEqual(100);
      }
      for (const e of got.events) expect(e.partitionKey ?? undefined).toBeUndefined();
    }
    const ours = stored.filter((e) => e.hub.startsWith('insights-logs-'));
    expect(ours.every((e) => e.partitionKey === undefined)).toBe(true);
    // Without a key or id the service spreads batches round-robin: all four partitions of both hubs are used.
    expect(new Set(ours.map((e) => `${e.hub}/${e.partitionId}`)).size).toBe(8);
  });

  test('bodies fill up to the event size limit of the tier and never pass it (Basic: 256 KB)', async () => {
    const records = makeRecords(1500, { categories: ['NonInteractiveUserSignInLogs'], startMs: Date.UTC(2025, 3, 11, 9), spanMs: 60_000, padding: 1500, seed: 'big' });
    const hub = 'entra-basic';
    const pub = publisher({ tier: 'basic', maxRecordsPerEvent: 10_000, lingerMs: 1000 });
    for (const r of records) await pub.write({ hub, category: r.category, record: r.diagnostic });
    await pub.flush();
    const got = consume(ep, hub);
    await waitFor(() => decode(got.events).ids.length >= records.length, 'basic-tier records');
    const { sizes, ids } = decode(got.events);
    expectExactlyOnce(ids, records.map((r) => idOf(r.diagnostic)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES.basic);
    // Batching fills events: all but the last body are within 5 KB of the cap.
    const full = sizes.filter((s) => s > MAX_MESSAGE_BYTES.basic - 5 * 1024);
    expect(full.length).toBeGreaterThanOrEqual(sizes.length - 1);
    const storedBasic = stored.filter((e) => e.hub === hub);
    expect(storedBasic.length).toBe(sizes.length);
    expect(storedBasic.every((e) => e.size <= MAX_MESSAGE_BYTES.basic)).toBe(true);
  });

  test('a shared hub gets several categories, each body still holding one category', async () => {
    const records = makeRecords(900, { categories: ['SignInLogs', 'AuditLogs', 'MicrosoftGraphActivityLogs'], startMs: Date.UTC(2025, 3, 11, 10), spanMs: 60_000 });
    const hub = 'entra-shared';
    const pub = publisher({ maxRecordsPerEvent: 50 });
    await Promise.all(records.map((r) => pub.write({ hub, category: r.category, record: r.diagnostic })));
    await pub.close();
    const got = consume(ep, hub);
    await waitFor(() => decode(got.events).ids.length >= records.length, 'shared-hub records');
    const { bodies, ids } = decode(got.events);
    expectExactlyOnce(ids, records.map((r) => idOf(r.diagnostic)));
    for (const body of bodies) expect(new Set(body.records.map((r) => r.category)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.records[0]!.category)).size).toBe(3);
  });

  test('close mid-stream and restart: nothing accepted is lost or doubled', async () => {
    const records = makeRecords(2000, { categories: ['SignInLogs'], startMs: Date.UTC(2025, 3, 11, 11), spanMs: 60_000, seed: 'restart' });
    const hub = 'entra-restart';
    const first = publisher({ maxConcurrentSends: 8, maxRecordsPerEvent: 20 });
    // Writes race with sends: close arrives while batches are in flight.
    for (const r of records.slice(0, 1200)) await first.write({ hub, category: r.category, record: r.diagnostic });
    expect(first.stats().records).toBeLessThan(1200);
    await first.close();
    expect(first.stats().records).toBe(1200);
    await expect(first.write({ hub, category: 'SignInLogs', record: records[0]!.diagnostic })).rejects.toThrow(/closed/);
    const second = publisher({ maxRecordsPerEvent: 20 });
    for (const r of records.slice(1200)) await second.write({ hub, category: r.category, record: r.diagnostic });
    await second.close();
    const got = consume(ep, hub);
    await waitFor(() => decode(got.events).ids.length >= records.length, 'restart records');
    expectExactlyOnce(decode(got.events).ids, records.map((r) => idOf(r.diagnostic)));
  });

  test('backpressure: write waits while the buffer is full; the buffer never exceeds its bound', async () => {
    const records = makeRecords(1000, { categories: ['AuditLogs'], startMs: Date.UTC(2025, 3, 11, 12), spanMs: 60_000, padding: 800, seed: 'bp' });
    const bound = 32 * 1024;
    const pub = publisher({ maxBufferedBytes: bound, maxRecordsPerEvent: 10, maxConcurrentSends: 2 });
    let maxSeen = 0;
    let waited = 0;
    for (const r of records) {
      let resolved = false;
      const p = pub.write({ hub: 'entra-bp', category: r.category, record: r.diagnostic }).then(() => {
        resolved = true;
      });
      await Promise.resolve();
      if (!resolved) waited++;
      await p;
      maxSeen = Math.max(maxSeen, pub.stats().bufferedBytes);
    }
    await pub.flush();
    expect(waited).toBeGreaterThan(0);
    expect(maxSeen).toBeLessThanOrEqual(bound);
    expect(pub.stats().records).toBe(1000);
  });

  test('an unreachable namespace: sends are retried with backoff and everything arrives once it is up', async () => {
    const port = await freePort();
    const later = { endpoint: undefined as EventHubsEndpoint | undefined };
    closers.push(async () => later.endpoint?.close());
    const connectionString = `Endpoint=sb://127.0.0.1:${port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true`;
    const errors: string[] = [];
    const pub = createEventHubsPublisher({
      connectionString,
      lingerMs: 20,
      retryOptions: { maxRetries: 0, timeoutInMs: 1000 },
      backoff: { initialDelayMs: 100, maxDelayMs: 300 },
      onError: (e) => errors.push(e.message),
    });
    closers.push(() => pub.close({ timeoutMs: 2000 }));
    const records = makeRecords(300, { categories: ['ServicePrincipalSignInLogs'], startMs: Date.UTC(2025, 3, 11, 13), spanMs: 60_000, seed: 'down' });
    for (const r of records) await pub.write({ hub: 'entra-down', category: r.category, record: r.diagnostic });
    await new Promise((r) => setTimeout(r, 800));
    expect(pub.stats().records).toBe(0);
    expect(pub.stats().retries).toBeGreaterThan(0);
    expect(errors.length).toBeGreaterThan(0);
    later.endpoint = await startEventHubsEndpoint({ port });
    await pub.flush();
    expect(pub.stats()).toMatchObject({ records: 300, droppedRecords: 0, bufferedRecords: 0 });
    const got = consume(later.endpoint, 'entra-down');
    await waitFor(() => decode(got.events).ids.length >= records.length, 'records after the namespace came up');
    expectExactlyOnce(decode(got.events).ids, records.map((r) => idOf(r.diagnostic)));
  });

  test('close with a timeout gives up and reports what could not be sent', async () => {
    const port = await freePort(); // nothing listens there
    const pub = createEventHubsPublisher({
      connectionString: `Endpoint=sb://127.0.0.1:${port};SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true`,
      retryOptions: { maxRetries: 0, timeoutInMs: 500 },
      backoff: { initialDelayMs: 50, maxDelayMs: 100 },
    });
    const records = makeRecords(50, { categories: ['AuditLogs'], startMs: Date.UTC(2025, 3, 11, 14), spanMs: 1000, seed: 'lost' });
    for (const r of records) await pub.write({ hub: 'nowhere', category: r.category, record: r.diagnostic });
    await expect(pub.close({ timeoutMs: 300 })).rejects.toThrow(/50 record\(s\) were not delivered/);
    expect(pub.stats()).toMatchObject({ records: 0, droppedRecords: 50, bufferedRecords: 0 });
  });
});

describe('rate limiter', () => {
  test('token bucket paces takes to the rate after the initial burst', async () => {
    const limiter = createRateLimiter(200, { burst: 20 });
    const start = performance.now();
    for (let i = 0; i < 60; i++) await limiter.take();
    const elapsed = performance.now() - start;
    // 20 immediately, 40 more at 200/s ≈ 200 ms.
    expect(elapsed).toBeGreaterThanOrEqual(170);
    expect(elapsed).toBeLessThan(600);
    expect(limiter.tryTake(50)).toBe(false);
  });
});
