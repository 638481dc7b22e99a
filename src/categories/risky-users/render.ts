/**
 * RiskyUsers in its three shapes plus the Graph history item.
 *
 * Diagnostic `properties` key order is that of real records (Datadog fixture 2025-04,
 * graph2otel capture 2026-07): id, userDisplayName, userPrincipalName,
 * riskLastUpdatedDateTime, riskState, riskDetail, riskLevel, isDeleted, isProcessing.
 */
import type { DiagnosticRecord, GraphResource, JsonObject, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import { graphTime, laTime, riskNestedTime } from '../../core/time.ts';
import { legacyRiskType } from '../../data/risk-detections.ts';
import { riskEnvelope, SOURCE_SYSTEM } from '../identity-protection/envelope.ts';
import { dotnetTicks } from '../identity-protection/ids.ts';
import { historyActivityDetail } from '../identity-protection/risky-subject.ts';
import type { RiskyUserActivity } from './activity.ts';

export const RISKY_USERS_OPERATION = 'Risky user';

export function riskyUserToDiagnostic(a: RiskyUserActivity, ctx: RenderContext): DiagnosticRecord {
  return riskEnvelope(ctx.tenant, {
    category: 'RiskyUsers',
    operationName: RISKY_USERS_OPERATION,
    time: a.envelopeTime,
    // Real records: correlationId = the user's object id, identity = lower-cased name.
    correlationId: a.userId,
    identity: a.userDisplayName,
    properties: {
      id: a.userId,
      userDisplayName: a.userDisplayName,
      userPrincipalName: a.userPrincipalName,
      // notes §A.4: risk datetimes have milliseconds, Z, and unpadded hours.
      riskLastUpdatedDateTime: riskNestedTime(a.time),
      riskState: a.riskState,
      riskDetail: a.riskDetail,
      riskLevel: a.riskLevel,
      isDeleted: a.isDeleted,
      isProcessing: a.isProcessing,
    },
  });
}

/** Graph `riskyUser` (same properties in v1.0 and beta), order as Microsoft's docs. */
export function riskyUserToGraph(a: RiskyUserActivity, _version: GraphVersion): GraphResource {
  return {
    id: a.userId,
    isDeleted: a.isDeleted,
    isProcessing: a.isProcessing,
    riskLastUpdatedDateTime: graphTime(a.time, a.tick),
    riskLevel: a.riskLevel,
    riskState: a.riskState,
    riskDetail: a.riskDetail,
    userDisplayName: a.userDisplayName,
    userPrincipalName: a.userPrincipalName,
  };
}

export interface HistoryItemOptions {
  /**
   * The newest history item carries the bare user id; older ones append the .NET ticks
   * of their change (example-beta-riskyUsers-history-list.json).
   */
  readonly current?: boolean;
}

/**
 * Graph `riskyUserHistoryItem` (GET /identityProtection/riskyUsers/{id}/history): the
 * riskyUser properties plus userId, initiatedBy and activity{detail, riskEventTypes;
 * beta also the deprecated eventTypes}. `activity.detail` is null when Identity
 * Protection raised the risk itself (Microsoft's example).
 */
export function toRiskyUserHistoryItem(a: RiskyUserActivity, version: GraphVersion, options: HistoryItemOptions = {}): GraphResource {
  const detail = historyActivityDetail(a);
  const activity: JsonObject =
    version === 'beta'
      ? { eventTypes: a.riskEventTypes.map(legacyRiskType), riskEventTypes: a.riskEventTypes.slice(), detail }
      : { riskEventTypes: a.riskEventTypes.slice(), detail };
  return {
    id: options.current ? a.userId : a.userId + dotnetTicks(a.time, a.tick),
    isDeleted: a.isDeleted,
    isProcessing: a.isProcessing,
    riskLevel: a.riskLevel,
    riskState: a.riskState,
    riskDetail: a.riskDetail,
    riskLastUpdatedDateTime: graphTime(a.time, a.tick),
    userDisplayName: a.userDisplayName,
    userPrincipalName: a.userPrincipalName,
    userId: a.userId,
    initiatedBy: a.initiatedBy,
    activity,
  };
}

/** AADRiskyUsers: every column of the table (entra-tables-compared.json), no hidden ones. */
export function riskyUserToLogAnalytics(a: RiskyUserActivity, ctx: RenderContext): LogAnalyticsRow {
  return {
    TenantId: ctx.workspaceId,
    // The diagnostic envelope's correlationId (the user id) lands here.
    CorrelationId: a.userId,
    Id: a.userId,
    IsDeleted: a.isDeleted,
    IsProcessing: a.isProcessing,
    OperationName: RISKY_USERS_OPERATION,
    RiskDetail: a.riskDetail,
    RiskLastUpdatedDateTime: laTime(a.time),
    RiskLevel: a.riskLevel,
    RiskState: a.riskState,
    SourceSystem: SOURCE_SYSTEM,
    TimeGenerated: laTime(a.envelopeTime),
    Type: 'AADRiskyUsers',
    UserDisplayName: a.userDisplayName,
    UserPrincipalName: a.userPrincipalName,
  };
}
