/**
 * ServicePrincipalRiskEvents in its three shapes.
 *
 * No public diagnostic sample (notes §A.3): the envelope mirrors UserRiskEvents and
 * `properties` are the beta servicePrincipalRiskDetection in the UserRiskEvents record's
 * order, with the service-principal fields where the user fields stand (no riskType:
 * servicePrincipalRiskDetection has none). operationName is a guess in the
 * "User Risk Detection" style.
 */
import type { DiagnosticRecord, GraphResource, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import { laTime } from '../../core/time.ts';
import { additionalInfoValue, encodeAdditionalInfo } from '../identity-protection/additional-info.ts';
import { detectionEnvelope, diagnosticDetectionHead, graphDetectionHead, graphDetectionTail } from '../identity-protection/detection.ts';
import { SOURCE_SYSTEM } from '../identity-protection/envelope.ts';
import { diagnosticLocation } from '../identity-protection/location.ts';
import type { ServicePrincipalRiskDetectionActivity } from './activity.ts';

export const SERVICE_PRINCIPAL_RISK_EVENTS_OPERATION = 'Service Principal Risk Detection';

export function servicePrincipalRiskDetectionToDiagnostic(a: ServicePrincipalRiskDetectionActivity, ctx: RenderContext): DiagnosticRecord {
  const p = diagnosticDetectionHead(a);
  p.servicePrincipalId = a.servicePrincipalId;
  p.servicePrincipalDisplayName = a.servicePrincipalDisplayName;
  p.appId = a.appId;
  p.keyIds = a.keyIds.slice();
  p.additionalInfo = encodeAdditionalInfo(a.additionalInfo);
  p.tokenIssuerType = a.tokenIssuerType;
  p.mitreTechniqueId = a.mitreTechniqueId;
  return detectionEnvelope(a, ctx, 'ServicePrincipalRiskEvents', SERVICE_PRINCIPAL_RISK_EVENTS_OPERATION, a.servicePrincipalDisplayName, p);
}

/** Graph `servicePrincipalRiskDetection`, order of Microsoft's v1.0 example; beta adds mitreTechniqueId. */
export function servicePrincipalRiskDetectionToGraph(a: ServicePrincipalRiskDetectionActivity, version: GraphVersion): GraphResource {
  const g = graphDetectionHead(a);
  g.servicePrincipalId = a.servicePrincipalId;
  g.servicePrincipalDisplayName = a.servicePrincipalDisplayName;
  g.appId = a.appId;
  g.keyIds = a.keyIds.slice();
  return graphDetectionTail(g, a, version);
}

/** AADServicePrincipalRiskEvents: every column; AdditionalInfo, KeyIds, Location dynamic. */
export function servicePrincipalRiskDetectionToLogAnalytics(a: ServicePrincipalRiskDetectionActivity, ctx: RenderContext): LogAnalyticsRow {
  return {
    TenantId: ctx.workspaceId,
    Activity: a.activity,
    ActivityDateTime: laTime(a.activityTime),
    AdditionalInfo: additionalInfoValue(a.additionalInfo),
    AppId: a.appId,
    CorrelationId: a.correlationId ?? '',
    DetectedDateTime: laTime(a.detectedTime),
    DetectionTimingType: a.detectionTimingType,
    Id: a.id,
    IpAddress: a.ipAddress ?? '',
    KeyIds: a.keyIds.slice(),
    LastUpdatedDateTime: laTime(a.time),
    Location: diagnosticLocation(a.location),
    OperationName: SERVICE_PRINCIPAL_RISK_EVENTS_OPERATION,
    RequestId: a.requestId ?? '',
    RiskDetail: a.riskDetail,
    RiskEventType: a.riskEventType,
    RiskLevel: a.riskLevel,
    RiskState: a.riskState,
    ServicePrincipalDisplayName: a.servicePrincipalDisplayName,
    ServicePrincipalId: a.servicePrincipalId,
    Source: a.source,
    SourceSystem: SOURCE_SYSTEM,
    TimeGenerated: laTime(a.envelopeTime),
    TokenIssuerType: a.tokenIssuerType,
    Type: 'AADServicePrincipalRiskEvents',
  };
}
