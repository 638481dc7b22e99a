/**
 * RemoteNetworkHealthLogs renderings: Graph beta `networkaccess.remoteNetworkHealthEvent`,
 * the RemoteNetworkHealthLogs table, and the diagnostic record (properties mirror the
 * table, notes §A.3 best guess).
 */
import type { DiagnosticRecord, GraphResource, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import { graphTime, laTime, nestedTime } from '../../core/time.ts';
import { gsaEnvelope } from '../gsa-shared/envelope.ts';
import type { RemoteNetworkHealthActivity } from './activity.ts';

/** Row of RemoteNetworkHealthLogs in the table's column order. */
export function healthToLogAnalytics(a: RemoteNetworkHealthActivity, ctx: RenderContext): LogAnalyticsRow {
  return {
    TenantId: ctx.workspaceId,
    TimeGenerated: laTime(a.time),
    CreatedDateTime: laTime(a.time),
    Id: a.id,
    RemoteNetworkId: a.remoteNetworkId,
    SourceIp: a.sourceIp,
    DestinationIp: a.destinationIp,
    Description: a.description,
    BgpRoutesAdvertisedCount: a.bgpRoutesAdvertisedCount,
    SentBytes: a.sentBytes,
    ReceivedBytes: a.receivedBytes,
    Status: a.status,
    SourceSystem: 'Azure AD',
    Type: 'RemoteNetworkHealthLogs',
  };
}

/** Envelope: gsa-shared/envelope.ts; `callerIpAddress` is the branch's public IP. */
export function healthToDiagnostic(a: RemoteNetworkHealthActivity, ctx: RenderContext): DiagnosticRecord {
  return gsaEnvelope('RemoteNetworkHealthLogs', ctx.tenant.id, a.envelopeTime, a.envelopeTick, a.sourceIp, '', {
    id: a.id,
    // Nested datetimes of diagnostic records: trimmed fraction and +00:00 (notes §D.3).
    createdDateTime: nestedTime(a.time, a.tick),
    remoteNetworkId: a.remoteNetworkId,
    sourceIp: a.sourceIp,
    destinationIp: a.destinationIp,
    description: a.description,
    bgpRoutesAdvertisedCount: a.bgpRoutesAdvertisedCount,
    sentBytes: a.sentBytes,
    receivedBytes: a.receivedBytes,
    status: a.status,
  });
}

/**
 * Graph beta only. The type is abstract with no derived types in the current CSDL, so
 * the instance carries the base type's `@odata.type` (graph-api.md §10 recommendation).
 */
export function healthToGraph(a: RemoteNetworkHealthActivity, version: GraphVersion): GraphResource | undefined {
  if (version !== 'beta') return undefined;
  return {
    '@odata.type': '#microsoft.graph.networkaccess.remoteNetworkHealthEvent',
    id: a.id,
    remoteNetworkId: a.remoteNetworkId,
    createdDateTime: graphTime(a.time, a.tick),
    status: a.status,
    sourceIp: a.sourceIp,
    destinationIp: a.destinationIp,
    sentBytes: a.sentBytes,
    receivedBytes: a.receivedBytes,
    description: a.description,
    bgpRoutesAdvertisedCount: a.bgpRoutesAdvertisedCount,
  };
}
