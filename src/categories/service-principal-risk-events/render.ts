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
import { graphTime, laTime, riskNestedTime } from '../../core/time.ts';
import { additionalInfoValue, encodeAdditionalInfo } from '../identity-protection/additional-info.ts';
import { riskEnvelope, SOURCE_SYSTEM } from '../identity-protection/envelope.ts';
import { diagnosticLocation, graphLocation } from '../identity-protection/location.ts';
import type { ServicePrincipalRiskDetectionActivity } from './activity.ts';

export const SERVICE_PRINCIPAL_RISK_EVENTS_OPERATION = 'Service Principal Risk Detection';

export function servicePrincipalRiskDetectionToDiagnostic(a: ServicePrincipalRiskDetectionActivity, ctx: RenderContext): DiagnosticRecord {
  return riskEnvelope(ctx.tenant, {
    category: 'ServicePrincipalRiskEvents',
    operationName: SERVICE_PRINCIPAL_RISK_EVENTS_OPERATION,
    time: a.envelopeTime,
    callerIpAddress: a.envelopeCallerIp ? a.ipAddress : null,
    correlationId: a.id,
    identity: a.servicePrincipalDisplayName,
    properties: {
      id: a.id,
      requestId: a.requestId,
      correlationId: a.correlationId,
      riskEventType: a.riskEventType,
      riskState: a.riskState,
      riskLevel: a.riskLevel,
      riskDetail: a.riskDetail,
      source: a.source,
      detectionTimingType: a.detectionTimingType,
      activity: a.activity,
      ipAddress: a.ipAddress,
      location: diagnosticLocation(a.location),
      activityDateTime: riskNestedTime(a.activityTime),
      detectedDateTime: riskNestedTime(a.detectedTime),
      lastUpdatedDateTime: riskNestedTime(a.time),
      servicePrincipalId: a.servicePrincipalId,
      servicePrincipalDisplayName: a.servicePrincipalDisplayName,
      appId: a.appId,
      keyIds: a.keyIds.slice(),
      additionalInfo: encodeAdditionalInfo(a.additionalInfo),
      tokenIssuerType: a.tokenIssuerType,
      mitreTechniqueId: a.mitreTechniqueId,
    },
  });
}

/** Graph `servicePrincipalRiskDetection`, order of Microsoft's v1.0 example; beta adds mitreTechniqueId. */
export function servicePrincipalRiskDetectionToGraph(a: ServicePrincipalRiskDetectionActivity, version: GraphVersion): GraphResource {
  const g: GraphResource = {
    id: a.id,
    requestId: a.requestId,
    correlationId: a.correlationId,
    riskEventType: a.riskEventType,
    riskState: a.riskState,
    riskLevel: a.riskLevel,
    riskDetail: a.riskDetail,
    source: a.source,
    detectionTimingType: a.detectionTimingType,
    activity: a.activity,
    tokenIssuerType: a.tokenIssuerType,
    ipAddress: a.ipAddress,
    location: graphLocation(a.location),
    activityDateTime: graphTime(a.activityTime, a.activityTick),
    detectedDateTime: graphTime(a.detectedTime, a.detectedTick),
    lastUpdatedDateTime: graphTime(a.time, a.tick),
    servicePrincipalId: a.servicePrincipalId,
    servicePrincipalDisplayName: a.servicePrincipalDisplayName,
    appId: a.appId,
    keyIds: a.keyIds.slice(),
    additionalInfo: encodeAdditionalInfo(a.additionalInfo),
  };
  if (version === 'beta') g.mitreTechniqueId = a.mitreTechniqueId;
  return g;
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
