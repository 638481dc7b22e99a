/** Delivery destinations: routing by diagnostic settings, Event Hubs, storage, folders, workspaces. */
export type { CloseOptions, RecordSink, RoutedRecord } from './routed-record.ts';
export { createRouter, type DestinationKind, type RouteInfo, type Router, type RouterOptions, type RouterStats } from './router.ts';
export {
  hubOfRule,
  namespaceIdOf,
  workspaceDirName,
  type DestinationRegistry,
  type EventHubsDestination,
  type StorageDestination,
  type WorkspaceDestination,
} from './destinations.ts';
export {
  createEventHubsPublisher,
  createRateLimiter,
  MAX_MESSAGE_BYTES,
  type EventHubsPublisher,
  type EventHubsPublisherOptions,
  type EventHubsTier,
  type PublishItem,
  type PublisherStats,
  type RateLimiter,
  type RateLimiterOptions,
} from './eventhubs-publisher.ts';
export { createEventHubsSink, createEventHubsFolderSink, hubFor, type EventHubsSink, type EventHubsFolderSink, type EventHubsFolderSinkOptions } from './eventhubs-sink.ts';
export { createBlobSink, type BlobSink, type BlobSinkOptions, type BlobSinkStats } from './blob-sink.ts';
export { containerFor, hourBlobName } from './blob-layout.ts';
export { createFolderSink, type FolderSink, type FolderSinkOptions } from './folder-sink.ts';
export { createWorkspaceSink, type WorkspaceSink, type WorkspaceSinkOptions } from './workspace-sink.ts';
export { FileAppender, type FileAppenderOptions, type FileAppenderStats } from './file-appender.ts';
export {
  createDeliveryRealism,
  withEnvelopeTime,
  type DeliveryCounters,
  type DeliveryRealism,
  type DeliveryRealismOptions,
} from './delivery-realism.ts';
