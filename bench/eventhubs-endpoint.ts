/**
 * Throughput of the embedded Event Hubs endpoint with the real SDK producer (and a consumer
 * reading concurrently), using diagnostic-settings shaped bodies: {"records":[…]} of ~100 records,
 * ~400 KB each. Not a test: `npx tsx bench/eventhubs-endpoint.ts [seconds] [concurrency]`.
 */
import { EventHubConsumerClient, EventHubProducerClient, latestEventPosition } from '@azure/event-hubs';
import { startEventHubsEndpoint } from '../src/transports/eventhubs-endpoint/index.ts';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 4);
const HUB = 'insights-logs-signinlogs';

function record(i: number): Record<string, unknown> {
  return {
    time: new Date().toISOString(),
    resourceId: '/tenants/00000000-0000-0000-0000-000000000000/providers/Microsoft.aadiam',
    operationName: 'Sign-in activity',
    category: 'SignInLogs',
    resultType: '0',
    callerIpAddress: `203.0.113.${i % 255}`,
    correlationId: crypto.randomUUID(),
    identity: `User ${i}`,
    properties: {
      id: crypto.randomUUID(),
      userPrincipalName: `user${i}@contoso.example`,
      appDisplayName: 'Office 365 Exchange Online',
      clientAppUsed: 'Browser',
      conditionalAccessStatus: 'success',
      deviceDetail: { operatingSystem: 'Windows10', browser: 'Edge 120.0.0' },
      location: { city: 'Redmond', state: 'Washington', countryOrRegion: 'US' },
      // Padding to the ~4 KB a real sign-in record with CA policy details weighs.
      appliedConditionalAccessPolicies: Array.from({ length: 16 }, (_, k) => ({
        id: crypto.randomUUID(),
        displayName: `Policy ${k}: require MFA for admins and risky sign-ins`,
        enforcedGrantControls: ['Mfa'],
        enforcedSessionControls: [],
        result: k % 3 === 0 ? 'success' : 'notApplied',
      })),
    },
  };
}

// Serialized once, as a publisher would: the SDK sends Buffer bodies as they are.
const body = Buffer.from(JSON.stringify({ records: Array.from({ length: 100 }, (_, i) => record(i)) }));
const bodyBytes = body.length;

const endpoint = await startEventHubsEndpoint({ port: 0, partitions: 4 });
const producer = new EventHubProducerClient(endpoint.connectionString(HUB));
const consumer = new EventHubConsumerClient('$Default', endpoint.connectionString(HUB));
let consumed = 0;
const subscription = consumer.subscribe(
  {
    processEvents: async (events) => {
      consumed += events.length;
    },
    processError: async (err) => console.error('consumer error:', err.message),
  },
  // Bodies stay Buffers: this measures transport, not the consumer's JSON.parse of 400 KB.
  { startPosition: latestEventPosition, maxBatchSize: 50, maxWaitTimeInSeconds: 1, skipParsingBodyAsJson: true },
);
await producer.getPartitionIds();
await new Promise((r) => setTimeout(r, 300)); // let the consumer attach

let sent = 0;
const started = performance.now();
const deadline = started + seconds * 1000;
async function worker(partitionId: string): Promise<void> {
  while (performance.now() < deadline) {
    const batch = await producer.createBatch({ partitionId });
    while (batch.tryAdd({ body })) {
      // fill to the 1 MB limit: two events of ~400 KB
    }
    await producer.sendBatch(batch);
    sent += batch.count;
  }
}
await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(String(i % 4))));
const elapsed = (performance.now() - started) / 1000;
const drainStart = performance.now();
while (consumed < sent && performance.now() - drainStart < 10_000) await new Promise((r) => setTimeout(r, 20));

const mb = (sent * bodyBytes) / 1024 / 1024;
console.log(`body: ${(bodyBytes / 1024).toFixed(0)} KB ({"records":[100]}), ${concurrency} concurrent senders, ${elapsed.toFixed(1)} s`);
console.log(`produced: ${sent} events, ${(sent / elapsed).toFixed(0)} events/s, ${(mb / elapsed).toFixed(1)} MB/s`);
console.log(`consumed concurrently: ${consumed} events (${consumed === sent ? 'all' : 'missing ' + (sent - consumed)})`);
const totals = endpoint.stats().hubs[0].partitions;
console.log(`retained per partition: ${totals.map((p) => `${p.id}:${p.retainedEvents}`).join(' ')}`);

await subscription.close();
await consumer.close();
await producer.close();
await endpoint.close();
