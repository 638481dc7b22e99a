/**
 * The embedded Event Hubs endpoint against the real @azure/event-hubs v6 clients (nothing
 * stubbed), plus a raw rhea client for what the SDK never does (credit control, refused links).
 */
import { createServer, connect as netConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import rhea from 'rhea';
import {
  EventHubConsumerClient,
  EventHubProducerClient,
  earliestEventPosition,
  latestEventPosition,
  type EventData,
  type EventPosition,
  type PartitionContext,
  type ReceivedEventData,
  type SubscribeOptions,
  type Subscription,
} from '@azure/event-hubs';
import { mapPartitionKeyToId } from '../node_modules/@azure/event-hubs/dist/esm/impl/partitionKeyToIdMapper.js';
import {
  createSasToken,
  partitionIndexForKey,
  startEventHubsEndpoint,
  verifySasToken,
  type EventHubsEndpoint,
} from '../src/transports/eventhubs-endpoint/index.ts';

const KEY_NAME = 'RootManageSharedAccessKey';
const KEY = 'SAS_KEY_VALUE';
const FAST = { retryOptions: { maxRetries: 0, timeoutInMs: 4000 } };

let ep: EventHubsEndpoint;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  ep = await startEventHubsEndpoint({ port: 0, consumerGroups: ['analytics'] });
});

afterAll(async () => {
  // Clients first, then the endpoint: the run must exit with no open handles.
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await ep.close();
});

function producer(hub: string, connectionString = ep.connectionString(hub)): EventHubProducerClient {
  const client = new EventHubProducerClient(connectionString, FAST);
  closers.push(() => client.close());
  return client;
}

function consumer(hub: string, consumerGroup = '$Default'): EventHubConsumerClient {
  const client = new EventHubConsumerClient(consumerGroup, ep.connectionString(hub), FAST);
  closers.push(() => client.close());
  return client;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Collector {
  events: ReceivedEventData[];
  errors: (Error & { code?: string })[];
  contexts: PartitionContext[];
  subscription: Subscription;
}

/** Subscribes (to one partition or all) and records what arrives. */
function collect(client: EventHubConsumerClient, options: SubscribeOptions & { partitionId?: string }): Collector {
  const collector = { events: [], errors: [], contexts: [] } as unknown as Collector;
  const handlers = {
    processEvents: async (events: ReceivedEventData[], context: PartitionContext) => {
      collector.events.push(...events);
      if (events.length) collector.contexts.push(context);
    },
    processError: async (err: Error) => {
      collector.errors.push(err);
    },
  };
  const subscribeOptions: SubscribeOptions = { maxWaitTimeInSeconds: 1, ...options };
  collector.subscription =
    options.partitionId === undefined
      ? client.subscribe(handlers, subscribeOptions)
      : client.subscribe(options.partitionId, handlers, subscribeOptions);
  closers.push(() => collector.subscription.close());
  return collector;
}

function receiversOn(hub: string, partitionId?: string): number {
  const stats = ep.stats().hubs.find((h) => h.name === hub);
  return (stats?.partitions ?? [])
    .filter((p) => partitionId === undefined || p.id === partitionId)
    .reduce((sum, p) => sum + p.receivers, 0);
}

const ids = (events: ReceivedEventData[]) => events.map((e) => (e.properties as { id: number }).id);

describe('management and producer', () => {
  test('hub and partition properties before and after sends', async () => {
    const p = producer('props');
    const hub = await p.getEventHubProperties();
    expect(hub.name).toBe('props');
    expect(hub.partitionIds).toEqual(['0', '1', '2', '3']);
    expect(hub.createdOn).toBeInstanceOf(Date);
    expect(await p.getPartitionIds()).toEqual(['0', '1', '2', '3']);

    const before = await p.getPartitionProperties('2');
    expect(before).toMatchObject({
      partitionId: '2',
      eventHubName: 'props',
      isEmpty: true,
      beginningSequenceNumber: -1,
      lastEnqueuedSequenceNumber: -1,
      lastEnqueuedOffset: '-1',
    });

    const batch = await p.createBatch({ partitionId: '2' });
    for (let i = 0; i < 5; i++) expect(batch.tryAdd({ body: { i }, properties: { id: i } })).toBe(true);
    const sentAt = Date.now();
    await p.sendBatch(batch);

    const after = await p.getPartitionProperties('2');
    const stored = ep.readEvents('props', '2');
    expect(stored.map((e) => e.sequenceNumber)).toEqual([0, 1, 2, 3, 4]);
    expect(after).toMatchObject({ isEmpty: false, beginningSequenceNumber: 0, lastEnqueuedSequenceNumber: 4 });
    expect(after.lastEnqueuedOffset).toBe(stored[4].offset);
    expect(typeof after.lastEnqueuedOffset).toBe('string');
    expect(Math.abs(after.lastEnqueuedOnUtc.getTime() - sentAt)).toBeLessThan(2000);
    expect((await p.getPartitionProperties('0')).isEmpty).toBe(true);
    await expect(p.getPartitionProperties('9')).rejects.toMatchObject({ code: 'ArgumentOutOfRangeError' });
  });

  test('1,000 events across partitions are stored and consumed exactly once', async () => {
    const p = producer('bulk');
    let next = 0;
    for (let b = 0; b < 10; b++) {
      const batch = await p.createBatch(); // no partition: the endpoint round-robins whole batches
      for (let i = 0; i < 100; i++, next++) {
        expect(batch.tryAdd({ body: { id: next, text: `event ${next}` }, properties: { id: next } })).toBe(true);
      }
      await p.sendBatch(batch);
    }
    const partitions = ep.stats().hubs.find((h) => h.name === 'bulk')!.partitions;
    expect(partitions.reduce((s, x) => s + x.totalEvents, 0)).toBe(1000);
    expect(partitions.every((x) => x.totalEvents >= 200)).toBe(true);
    for (const x of partitions) {
      expect((await p.getPartitionProperties(x.id)).lastEnqueuedSequenceNumber).toBe(x.totalEvents - 1);
    }

    const c = collect(consumer('bulk'), { startPosition: earliestEventPosition, maxBatchSize: 100 });
    await waitFor(() => c.events.length >= 1000, '1000 events');
    await sleep(100); // nothing beyond the 1000 may trickle in
    expect(c.errors).toEqual([]);
    expect(c.events).toHaveLength(1000);
    expect(new Set(ids(c.events)).size).toBe(1000);
    for (const e of c.events) {
      const id = (e.properties as { id: number }).id;
      expect(e.body).toEqual({ id, text: `event ${id}` });
      expect(typeof e.offset).toBe('string');
      expect(e.enqueuedTimeUtc).toBeInstanceOf(Date);
    }
  }, 15_000);

  test('partition keys route stably, with the same hash as the SDK', async () => {
    const p = producer('keys');
    const keys = ['tenant-a', 'tenant-b', 'user-42', 'ü-unicode-key', 'x'];
    for (let round = 0; round < 3; round++) {
      for (const key of keys) {
        const batch = await p.createBatch({ partitionKey: key });
        batch.tryAdd({ body: { key, round }, properties: { id: round } });
        await p.sendBatch(batch);
      }
      await p.sendBatch([{ body: 'array-send' }], { partitionKey: 'user-42' });
    }
    for (const key of keys) {
      const expected = String(partitionIndexForKey(key, 4));
      expect(expected).toBe(String(mapPartitionKeyToId(key, 4)));
      const stored = ep.readEvents('keys', expected).filter((e) => e.partitionKey === key);
      expect(stored.length).toBe(key === 'user-42' ? 6 : 3);
    }
    const total = ep.stats().hubs.find((h) => h.name === 'keys')!.partitions.reduce((s, x) => s + x.totalEvents, 0);
    expect(total).toBe(18);

    const c = collect(consumer('keys'), { startPosition: earliestEventPosition });
    await waitFor(() => c.events.length >= 18, '18 keyed events');
    // toBeDefined() would let a null key through: each event carries one of the keys sent.
    for (const e of c.events) expect(keys).toContain(e.partitionKey);
  });

  test('an oversize event fails with MessageTooLargeError; the batch limit is advertised', async () => {
    const p = producer('big');
    const batch = await p.createBatch();
    expect(batch.maxSizeInBytes).toBe(1024 * 1024);
    expect(batch.tryAdd({ body: Buffer.alloc(1_100_000) })).toBe(false);
    await expect(p.sendBatch([{ body: Buffer.alloc(1_100_000) }])).rejects.toMatchObject({ code: 'MessageTooLargeError' });
    await p.sendBatch([{ body: Buffer.alloc(900_000) }]); // under the limit still goes through
    expect(ep.stats().hubs.find((h) => h.name === 'big')!.partitions.reduce((s, x) => s + x.totalEvents, 0)).toBe(1);
  });

  test('a wrong SAS key fails fast with UnauthorizedError and creates nothing', async () => {
    const bad = producer('secret', ep.connectionString('secret').replace(`SharedAccessKey=${KEY}`, 'SharedAccessKey=wrong'));
    await expect(bad.getEventHubProperties()).rejects.toMatchObject({ code: 'UnauthorizedError' });
    await expect(bad.sendBatch([{ body: 1 }])).rejects.toMatchObject({ code: 'UnauthorizedError' });
    expect(ep.hubNames()).not.toContain('secret');
  });
});

describe('consumer', () => {
  test('latest receives only events sent after the receiver attached', async () => {
    const p = producer('live');
    await p.sendBatch([{ body: 'old', properties: { id: -1 } }, { body: 'old', properties: { id: -2 } }]);
    const c = collect(consumer('live'), { startPosition: latestEventPosition });
    await waitFor(() => receiversOn('live') === 4, 'receivers on all partitions');
    const fresh: EventData[] = [0, 1, 2, 3, 4].map((id) => ({ body: { id }, properties: { id } }));
    for (const e of fresh) await p.sendBatch([e]);
    await waitFor(() => c.events.length >= 5, '5 live events');
    await sleep(100);
    expect(ids(c.events).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test('start positions by sequence number, offset and enqueued time', async () => {
    const p = producer('positions');
    const send = (from: number, to: number) =>
      p.sendBatch(
        Array.from({ length: to - from }, (_, k) => ({ body: { id: from + k }, properties: { id: from + k } })),
        { partitionId: '0' },
      );
    await send(0, 5);
    await sleep(30);
    const middle = new Date();
    await sleep(30);
    await send(5, 10);
    const stored = ep.readEvents('positions', '0');
    expect(stored.map((e) => e.sequenceNumber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const cases: [EventPosition, number[]][] = [
      [{ sequenceNumber: 3 }, [4, 5, 6, 7, 8, 9]],
      [{ sequenceNumber: 3, isInclusive: true }, [3, 4, 5, 6, 7, 8, 9]],
      [{ offset: stored[6].offset }, [7, 8, 9]],
      [{ offset: stored[6].offset, isInclusive: true }, [6, 7, 8, 9]],
      [{ enqueuedOn: middle }, [5, 6, 7, 8, 9]],
      [earliestEventPosition, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ];
    // One at a time: the SDK allows one subscriber per partition per client, the service five per group.
    const client = consumer('positions');
    for (const [startPosition, expected] of cases) {
      const run = collect(client, { partitionId: '0', startPosition });
      await waitFor(() => run.events.some((e) => e.sequenceNumber === 9), `events from ${JSON.stringify(startPosition)}`);
      expect(ids(run.events), JSON.stringify(startPosition)).toEqual(expected);
      await run.subscription.close();
    }
  });

  test('two consumer groups each see every event; runtime metrics are reported', async () => {
    const p = producer('groups');
    await p.sendBatch(Array.from({ length: 20 }, (_, id) => ({ body: { id }, properties: { id } })));
    const a = collect(consumer('groups', '$Default'), { startPosition: earliestEventPosition, trackLastEnqueuedEventProperties: true });
    const b = collect(consumer('groups', 'analytics'), { startPosition: earliestEventPosition });
    await waitFor(() => a.events.length >= 20 && b.events.length >= 20, 'both groups');
    expect(ids(a.events).sort((x, y) => x - y)).toEqual(ids(b.events).sort((x, y) => x - y));
    expect(a.events).toHaveLength(20);
    const tracked = a.contexts[0].lastEnqueuedEventProperties;
    expect(tracked?.sequenceNumber).toBe(19);
    expect(typeof tracked?.offset).toBe('string');
    expect(tracked?.enqueuedOn).toBeInstanceOf(Date);

    const unknown = collect(consumer('groups', 'no-such-group'), { startPosition: earliestEventPosition, partitionId: '0' });
    await waitFor(() => unknown.errors.length > 0, 'unknown consumer group error');
    expect(unknown.errors[0].code).toBe('MessagingEntityNotFoundError');
  });

  test('a higher owner level takes the partition over; a lower one is refused', async () => {
    const p = producer('owners');
    await p.sendBatch([{ body: 1, properties: { id: 1 } }, { body: 2, properties: { id: 2 } }], { partitionId: '0' });
    const first = collect(consumer('owners'), { partitionId: '0', ownerLevel: 1, startPosition: earliestEventPosition });
    await waitFor(() => first.events.length >= 2, 'first owner events');

    const second = collect(consumer('owners'), { partitionId: '0', ownerLevel: 2, startPosition: earliestEventPosition });
    await waitFor(() => first.errors.length > 0, 'first owner disconnected');
    expect(first.errors[0].code).toBe('ReceiverDisconnectedError');
    await waitFor(() => second.events.length >= 2, 'second owner events');

    const lower = collect(consumer('owners'), { partitionId: '0', ownerLevel: 1, startPosition: earliestEventPosition });
    await waitFor(() => lower.errors.length > 0, 'lower owner refused');
    expect(lower.errors[0].code).toBe('ReceiverDisconnectedError');

    await p.sendBatch([{ body: 3, properties: { id: 3 } }], { partitionId: '0' });
    await waitFor(() => second.events.length >= 3, 'second owner keeps receiving');
    expect(second.errors).toEqual([]);
    expect(first.events).toHaveLength(2);
  });
});

describe('raw AMQP clients', () => {
  interface RawConnection {
    connection: rhea.Connection;
    close(): Promise<void>;
  }

  async function rawConnect(options: { plain?: boolean } = {}): Promise<RawConnection> {
    const container = rhea.create_container();
    const connection = container.connect({
      host: '127.0.0.1',
      port: ep.port,
      reconnect: false,
      ...(options.plain ? { username: KEY_NAME, password: KEY } : {}),
    });
    container.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      connection.once('connection_open', () => resolve());
      connection.once('connection_error', () => reject(new Error('connection refused')));
      connection.once('disconnected', () => reject(new Error('disconnected')));
    });
    const close = () =>
      new Promise<void>((resolve) => {
        if (!connection.is_open()) return resolve();
        connection.once('connection_close', () => resolve());
        connection.once('disconnected', () => resolve());
        connection.close();
      });
    closers.push(close);
    return { connection, close };
  }

  function linkError(link: rhea.Sender | rhea.Receiver): Promise<string | undefined> {
    return new Promise((resolve) => {
      link.once(link.is_sender() ? 'sender_close' : 'receiver_close', (ctx: rhea.EventContext) => {
        const l = ctx.sender ?? ctx.receiver;
        resolve((l?.error as { condition?: string } | undefined)?.condition);
      });
    });
  }

  test('credit is honoured: never more deliveries than granted', async () => {
    const p = producer('flow');
    await p.sendBatch(Array.from({ length: 20 }, (_, id) => ({ body: { id }, properties: { id } })), { partitionId: '0' });
    const { connection } = await rawConnect({ plain: true }); // SASL PLAIN with the key: no CBS needed
    const received: rhea.Message[] = [];
    const receiver = connection.open_receiver({
      source: {
        address: 'flow/ConsumerGroups/$Default/Partitions/0',
        filter: {
          'apache.org:selector-filter:string': rhea.types.wrap_described("amqp.annotation.x-opt-offset > '-1'", 0x468c00000004),
        },
      },
      credit_window: 0,
    });
    receiver.on('message', (ctx: rhea.EventContext) => received.push(ctx.message!));
    await new Promise((r) => receiver.once('receiver_open', r));
    receiver.add_credit(5);
    await sleep(200);
    expect(received).toHaveLength(5);
    receiver.add_credit(7);
    await sleep(200);
    expect(received).toHaveLength(12);
    const last = received[11].message_annotations as Record<string, unknown>;
    expect(last['x-opt-sequence-number']).toBe(11);
    expect(typeof last['x-opt-offset']).toBe('string');
    expect(last['x-opt-enqueued-time']).toBeInstanceOf(Date);
  });

  test('unknown addresses and links without a put-token are refused with AMQP errors', async () => {
    const { connection } = await rawConnect(); // no SASL credentials: anonymous
    const unknown = connection.open_sender('no/such/path/here');
    expect(await linkError(unknown)).toBe('amqp:not-found');
    const unauthorized = connection.open_sender('flow');
    expect(await linkError(unauthorized)).toBe('amqp:unauthorized-access');
    const receiverWithoutToken = connection.open_receiver('flow/ConsumerGroups/$Default/Partitions/0');
    expect(await linkError(receiverWithoutToken)).toBe('amqp:unauthorized-access');
    const wrongDirection = connection.open_receiver('flow');
    expect(await linkError(wrongDirection)).toBe('amqp:not-allowed');
  });

  test('at most five receivers without owner level per partition and consumer group', async () => {
    const { connection } = await rawConnect({ plain: true });
    const address = 'quota/ConsumerGroups/$Default/Partitions/1';
    for (let i = 0; i < 5; i++) {
      const ok = connection.open_receiver({ source: { address }, credit_window: 0 });
      await new Promise((r) => ok.once('receiver_open', r));
    }
    await sleep(50);
    expect(receiversOn('quota', '1')).toBe(5);
    const sixth = connection.open_receiver({ source: { address }, credit_window: 0 });
    expect(await linkError(sixth)).toBe('amqp:resource-limit-exceeded');
  });

  test('$cbs put-token from a non-SDK client: expired tokens are rejected, valid ones open the link', async () => {
    const { connection } = await rawConnect();
    const replyTo = 'cbs-raw-client';
    const cbsSender = connection.open_sender('$cbs');
    const cbsReceiver = connection.open_receiver({ source: { address: '$cbs' }, name: replyTo, target: { address: replyTo } });
    await new Promise((r) => cbsReceiver.once('receiver_open', r));
    const putToken = (token: string, audience: string, id: string) =>
      new Promise<number>((resolve) => {
        cbsReceiver.on('message', (ctx: rhea.EventContext) => {
          if (ctx.message?.correlation_id === id) resolve(Number(ctx.message.application_properties?.['status-code']));
        });
        cbsSender.send({
          message_id: id,
          reply_to: replyTo,
          to: '$cbs',
          body: token,
          application_properties: { operation: 'put-token', type: 'servicebus.windows.net:sastoken', name: audience },
        });
      });
    const audience = `sb://127.0.0.1:${ep.port}/flow`;
    expect(await putToken(createSasToken(audience, KEY_NAME, KEY, -10), audience, 'expired')).toBe(401);
    expect(await putToken(createSasToken(audience, KEY_NAME, 'nope'), audience, 'bad-key')).toBe(401);
    expect(await putToken(createSasToken(audience, KEY_NAME, KEY), audience, 'good')).toBe(202);
    const sender = connection.open_sender('flow');
    await new Promise((r) => sender.once('sendable', r));
    // A plain (non-batch) message is one event too.
    const accepted = new Promise((r) => sender.once('accepted', r));
    sender.send({ body: 'plain message', application_properties: { id: 77 }, message_annotations: { 'x-opt-partition-key': 'k77' } });
    await accepted;
    const partition = String(partitionIndexForKey('k77', 4));
    const stored = ep.readEvents('flow', partition).find((e) => e.properties?.id === 77);
    expect(stored).toMatchObject({ bodyType: 'value', body: 'plain message', partitionKey: 'k77' });
  });

  test('garbage on the socket does not disturb the endpoint', async () => {
    for (const junk of [
      Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'),
      Buffer.concat([Buffer.from('AMQP\x00\x01\x00\x00', 'latin1'), Buffer.from([0, 0, 0, 12, 2, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef])]),
      Buffer.concat([Buffer.from('AMQP\x03\x01\x00\x00', 'latin1'), Buffer.alloc(64, 0xff)]),
    ]) {
      await new Promise<void>((resolve) => {
        const socket = netConnect(ep.port, '127.0.0.1', () => socket.end(junk));
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
        socket.resume();
      });
    }
    expect(await producer('flow').getPartitionIds()).toEqual(['0', '1', '2', '3']);
  });
});

describe('configuration', () => {
  test('no on-demand hubs, per-hub partitions, bounded retention, and close frees the port', async () => {
    const local = await startEventHubsEndpoint({
      port: 0,
      createHubsOnDemand: false,
      hubs: ['known'],
      partitions: { default: 2, perHub: { known: 3 } },
      retention: { maxEventsPerPartition: 5 },
    });
    const missing = new EventHubProducerClient(local.connectionString('missing'), FAST);
    const known = new EventHubProducerClient(local.connectionString('known'), FAST);
    try {
      await expect(missing.getEventHubProperties()).rejects.toMatchObject({ code: 'MessagingEntityNotFoundError' });
      expect(await known.getPartitionIds()).toEqual(['0', '1', '2']);
      await known.sendBatch(Array.from({ length: 8 }, (_, id) => ({ body: { id }, properties: { id } })), { partitionId: '1' });
      const props = await known.getPartitionProperties('1');
      expect(props).toMatchObject({ beginningSequenceNumber: 3, lastEnqueuedSequenceNumber: 7, isEmpty: false });
      expect(local.readEvents('known', '1').map((e) => e.sequenceNumber)).toEqual([3, 4, 5, 6, 7]);
      expect(local.hubNames()).toEqual(['known']);
    } finally {
      await missing.close();
      await known.close();
      await local.close();
    }
    await new Promise<void>((resolve, reject) => {
      const probe = createServer().once('error', reject).listen(local.port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });

  test('SAS verification: signature, key name, expiry and audience', () => {
    const policy = { keyName: KEY_NAME, key: KEY };
    const audience = 'sb://localhost:5672/hub/Partitions/0';
    expect(verifySasToken(createSasToken('sb://localhost:5672/hub', KEY_NAME, KEY), policy, audience).ok).toBe(true);
    expect(verifySasToken(createSasToken('sb://other-host/', KEY_NAME, KEY), policy, audience).ok).toBe(true); // namespace-wide
    expect(verifySasToken(createSasToken('sb://localhost:5672/other', KEY_NAME, KEY), policy, audience).ok).toBe(false);
    expect(verifySasToken(createSasToken(audience, 'SomeOtherPolicy', KEY), policy, audience).ok).toBe(false);
    expect(verifySasToken(createSasToken(audience, KEY_NAME, KEY, -1), policy, audience).ok).toBe(false);
    const tampered = createSasToken(audience, KEY_NAME, KEY).replace(/sig=[^&]+/, 'sig=AAAA');
    expect(verifySasToken(tampered, policy, audience).ok).toBe(false);
    expect(verifySasToken('Bearer xyz', policy, audience).ok).toBe(false);
  });
});
