/**
 * Embedded Event Hubs endpoint: an AMQP 1.0 server on rhea that the Azure Event Hubs SDKs (and
 * other AMQP clients) can use through a `UseDevelopmentEmulator=true` connection string, with no
 * Azure subscription and no Docker.
 */
export { startEventHubsEndpoint } from './server.ts';
export { createSasToken, parseSasToken, verifySasToken } from './sas.ts';
export { partitionIndexForKey } from './partition-key.ts';
export type {
  EndpointEvent,
  EndpointStats,
  EventHubsEndpoint,
  EventHubsEndpointOptions,
  HubStats,
  PartitionStats,
  ReadEvent,
  ReadEventsOptions,
} from './types.ts';
export type { SasToken, SasVerification, SasPolicy } from './sas.ts';
export type { BodyType } from './message-codec.ts';
