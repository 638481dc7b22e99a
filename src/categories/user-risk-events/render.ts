/**
 * UserRiskEvents in its three shapes.
 *
 * Diagnostic `properties` follow the real 2025 record (Datadog fixture) key for key:
 * id, requestId, correlationId, riskType, riskEventType, riskState, riskLevel,
 * riskDetail, source, detectionTimingType, activity, ipAddress, location,
 * activityDateTime, detectedDateTime, lastUpdatedDateTime, userId, userDisplayName,
 * userPrincipalName, additionalInfo (JSON string), tokenIssuerType, resourceTenantId,
 * homeTenantId, userType, crossTenantAccessType, mitreTechniqueId.
 */
import type { DiagnosticRecord, GraphResource, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import { graphTime, laTime, riskNestedTime } from '../../core/time.ts';
import { additionalInfoValue, encodeAdditionalInfo } from '../identity-protection/additional-info.ts';
import { riskEnvelope, SOURCE_SYSTEM } from '../identity-protection/envelope.ts';
import { diagnosticLocation, graphLocation } from '../identity-protection/location.ts';
import type { UserRiskDetectionActivity } from './activity.ts';

export const USER_RISK_EVENTS_OPERATION = 'User Risk Detection';

export function userRiskDetectionToDiagnostic(a: UserRiskDetectionActivity, ctx: RenderContext): DiagnosticRecord {
  return riskEnvelope(ctx.tenant, {
    category: 'UserRiskEvents',
    operationName: USER_RISK_EVENTS_OPERATION,
    time: a.envelopeTime,
    callerIpAddress: a.envelopeCallerIp ? a.ipAddress : null,
    // notes §A.2: the envelope correlationId is the 64-hex detection id.
    correlationId: a.id,
    identity: a.userDisplayName,
    properties: {
      id: a.id,
      requestId: a.requestId,
      correlationId: a.correlationId,
      riskType: a.riskType,
      riskEventType: a.riskEventType,
      riskState: a.riskState,
      riskLevel: a.riskLevel,
      riskDetail: a.riskDetail,
      source: a.source,
      detectionTimingType: a.detectionTimingType,
      activity: a.activity,
      ipAddress: a.ipAddress,
      location: diagnosticLocation(a.location),
      // notes §A.4: milliseconds, Z, unpadded hour (`2025-04-14T3:15:37.008Z`).
      activityDateTime: riskNestedTime(a.activityTime),
      detectedDateTime: riskNestedTime(a.detectedTime),
      lastUpdatedDateTime: riskNestedTime(a.time),
      userId: a.userId,
      userDisplayName: a.userDisplayName,
      userPrincipalName: a.userPrincipalName,
      additionalInfo: encodeAdditionalInfo(a.additionalInfo),
      tokenIssuerType: a.tokenIssuerType,
      resourceTenantId: null,
      homeTenantId: a.homeTenantId,
      userType: a.userType,
      crossTenantAccessType: a.crossTenantAccessType,
      mitreTechniqueId: a.mitreTechniqueId,
    },
  });
}

/**
 * Graph `riskDetection`, key order of Microsoft's v1.0 example. beta adds the deprecated
 * `riskType` and `mitreTechniqueId` (CSDL-beta); no diagnostic-only keys.
 */
export function userRiskDetectionToGraph(a: UserRiskDetectionActivity, version: GraphVersion): GraphResource {
  const g: GraphResource = { id: a.id, requestId: a.requestId, correlationId: a.correlationId };
  if (version === 'beta') g.riskType = a.riskType;
  g.riskEventType = a.riskEventType;
  g.riskState = a.riskState;
  g.riskLevel = a.riskLevel;
  g.riskDetail = a.riskDetail;
  g.source = a.source;
  g.detectionTimingType = a.detectionTimingType;
  g.activity = a.activity;
  g.tokenIssuerType = a.tokenIssuerType;
  g.ipAddress = a.ipAddress;
  g.location = graphLocation(a.location);
  g.activityDateTime = graphTime(a.activityTime, a.activityTick);
  g.detectedDateTime = graphTime(a.detectedTime, a.detectedTick);
  g.lastUpdatedDateTime = graphTime(a.time, a.tick);
  g.userId = a.userId;
  g.userDisplayName = a.userDisplayName;
  g.userPrincipalName = a.userPrincipalName;
  g.additionalInfo = encodeAdditionalInfo(a.additionalInfo);
  if (version === 'beta') g.mitreTechniqueId = a.mitreTechniqueId;
  return g;
}

/**
 * AADUserRiskEvents: every column. `AdditionalInfo` and `Location` are dynamic (JSON
 * values); the IP column is `IpAddress`; Kusto strings have no null, so absent values
 * are "" (the dynamic Location stays null).
 */
export function userRiskDetectionToLogAnalytics(a: UserRiskDetectionActivity, ctx: RenderContext): LogAnalyticsRow {
  return {
    TenantId: ctx.workspaceId,
    Activity: a.activity,
    ActivityDateTime: laTime(a.activityTime),
    AdditionalInfo: additionalInfoValue(a.additionalInfo),
    CorrelationId: a.correlationId ?? '',
    DetectedDateTime: laTime(a.detectedTime),
    DetectionTimingType: a.detectionTimingType,
    Id: a.id,
    IpAddress: a.ipAddress ?? '',
    LastUpdatedDateTime: laTime(a.time),
    Location: diagnosticLocation(a.location),
    OperationName: USER_RISK_EVENTS_OPERATION,
    RequestId: a.requestId ?? '',
    RiskDetail: a.riskDetail,
    RiskEventType: a.riskEventType,
    RiskLevel: a.riskLevel,
    RiskState: a.riskState,
    Source: a.source,
    SourceSystem: SOURCE_SYSTEM,
    TimeGenerated: laTime(a.envelopeTime),
    TokenIssuerType: a.tokenIssuerType,
    Type: 'AADUserRiskEvents',
    UserDisplayName: a.userDisplayName,
    UserId: a.userId,
    UserPrincipalName: a.userPrincipalName,
  };
}
