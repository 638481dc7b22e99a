/**
 * EnrichedOffice365AuditLogs renderings: the EnrichedMicrosoft365AuditLogs table and the
 * diagnostic record (properties mirror the table, notes §A.3 best guess). No Graph API
 * serves these logs.
 */
import type { DiagnosticRecord, JsonObject, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import { laTime } from '../../core/time.ts';
import { camelColumn, gsaEnvelope } from '../gsa-shared/envelope.ts';
import type { EnrichedM365AuditActivity } from './activity.ts';

/**
 * Row of EnrichedMicrosoft365AuditLogs in the table's column order (Sentinel's
 * definition). Its `antId` column is a truncated duplicate of `TenantId` in that file
 * (log-analytics README §5) and is not emitted. The traffic columns (Action, PolicyId…)
 * stay empty: the audit event is not a filtered transaction.
 */
export function enrichedToLogAnalytics(a: EnrichedM365AuditActivity, ctx: RenderContext): LogAnalyticsRow {
  return {
    TenantId: ctx.workspaceId,
    TimeGenerated: laTime(a.time),
    Id: a.id,
    RecordType: a.recordType,
    Operation: a.operation,
    OrganizationId: a.organizationId,
    UserType: a.userType,
    ActorUserType: a.actorUserType,
    UserKey: a.userKey,
    Workload: a.workload,
    ResultStatus: a.resultStatus,
    ObjectId: a.objectId,
    UserId: a.userId,
    ClientIp: a.clientIp,
    UniqueTokenId: a.uniqueTokenId,
    DeviceId: a.deviceId,
    DeviceOperatingSystem: a.deviceOperatingSystem,
    DeviceOperatingSystemVersion: a.deviceOperatingSystemVersion,
    SourceIp: a.sourceIp,
    // dynamic: a JSON object.
    AdditionalProperties: a.additionalProperties,
    SourceSystem: 'Azure AD',
    Type: 'EnrichedMicrosoft365AuditLogs',
    Action: '',
    PolicyRuleId: '',
    PolicyId: '',
    SentBytes: null,
    ReceivedBytes: null,
    ReferrerHeader: '',
    OriginHeader: '',
    XForwardedFor: '',
    DestinationWebCategories: '',
    FilteringProfileId: '',
    FilteringProfileName: '',
    PolicyName: '',
    RuleName: '',
    InitiatingProcessName: '',
    ResourceTenantId: a.organizationId,
    ThreatType: '',
    DestinationUrl: '',
    Description: '',
    AppId: '',
    ConnectorId: '',
    ConnectorName: '',
    ConnectorIp: '',
    ConnectionStatus: '',
    AccessType: '',
    ProcessingRegion: '',
  };
}

const BOOKKEEPING = new Set(['TenantId', 'TimeGenerated', 'SourceSystem', 'Type']);
let diagKeys: ReadonlyArray<readonly [string, string]> | undefined;

function propertyKeys(row: LogAnalyticsRow): ReadonlyArray<readonly [string, string]> {
  if (!diagKeys) diagKeys = Object.keys(row).filter((k) => !BOOKKEEPING.has(k)).map((k) => [k, camelColumn(k)] as const);
  return diagKeys;
}

/** Envelope: gsa-shared/envelope.ts; `callerIpAddress` is the client IP. */
export function enrichedToDiagnostic(a: EnrichedM365AuditActivity, ctx: RenderContext): DiagnosticRecord {
  const row = enrichedToLogAnalytics(a, ctx);
  const properties: JsonObject = {};
  for (const [column, key] of propertyKeys(row)) properties[key] = row[column]!;
  return gsaEnvelope('EnrichedOffice365AuditLogs', ctx.tenant.id, a.envelopeTime, a.envelopeTick, a.clientIp, '', properties);
}
