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
import { laTime } from '../../core/time.ts';
import { additionalInfoValue, encodeAdditionalInfo } from '../identity-protection/additional-info.ts';
import { detectionEnvelope, diagnosticDetectionHead, graphDetectionHead, graphDetectionTail } from '../identity-protection/detection.ts';
import { SOURCE_SYSTEM } from '../identity-protection/envelope.ts';
import { diagnosticLocation } from '../identity-protection/location.ts';
import type { UserRiskDetectionActivity } from './activity.ts';

export const USER_RISK_EVENTS_OPERATION = 'User Risk Detection';

export function userRiskDetectionToDiagnostic(a: UserRiskDetectionActivity, ctx: RenderContext): DiagnosticRecord {
  const p = diagnosticDetectionHead(a, a.riskType);
  p.userId = a.userId;
  p.userDisplayName = a.userDisplayName;
  p.userPrincipalName = a.userPrincipalName;
  p.additionalInfo = encodeAdditionalInfo(a.additionalInfo);
  p.tokenIssuerType = a.tokenIssuerType;
  p.resourceTenantId = null;
  p.homeTenantId = a.homeTenantId;
  p.userType = a.userType;
  p.crossTenantAccessType = a.crossTenantAccessType;
  p.mitreTechniqueId = a.mitreTechniqueId;
  return detectionEnvelope(a, ctx, 'UserRiskEvents', USER_RISK_EVENTS_OPERATION, a.userDisplayName, p);
}

/**
 * Graph `riskDetection`, key order of Microsoft's v1.0 example. beta adds the deprecated
 * `riskType` and `mitreTechniqueId` (CSDL-beta); no diagnostic-only keys.
 */
export function userRiskDetectionToGraph(a: UserRiskDetectionActivity, version: GraphVersion): GraphResource {
  const g = graphDetectionHead(a, version === 'beta' ? a.riskType : undefined);
  g.userId = a.userId;
  g.userDisplayName = a.userDisplayName;
  g.userPrincipalName = a.userPrincipalName;
  return graphDetectionTail(g, a, version);
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
