/**
 * RiskyServicePrincipals in its three shapes plus the Graph history item.
 *
 * No public diagnostic sample exists (notes §A.3): the envelope mirrors RiskyUsers (US
 * time, lower-case resourceId, correlationId = the subject's object id, lower-cased
 * name as identity) and `properties` are the beta riskyServicePrincipal in the
 * RiskyUsers record's order (id, names, riskLastUpdatedDateTime, state, detail, level,
 * flags). The operationName is a guess in the RiskyUsers style.
 */
import type { DiagnosticRecord, GraphResource, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import { graphTime, laTime, riskNestedTime } from '../../core/time.ts';
import { riskEnvelope, SOURCE_SYSTEM } from '../identity-protection/envelope.ts';
import { dotnetTicks } from '../identity-protection/ids.ts';
import { historyActivityDetail } from '../identity-protection/risky-subject.ts';
import type { RiskyServicePrincipalActivity } from './activity.ts';

export const RISKY_SERVICE_PRINCIPALS_OPERATION = 'Risky service principal';

export function riskyServicePrincipalToDiagnostic(a: RiskyServicePrincipalActivity, ctx: RenderContext): DiagnosticRecord {
  return riskEnvelope(ctx.tenant, {
    category: 'RiskyServicePrincipals',
    operationName: RISKY_SERVICE_PRINCIPALS_OPERATION,
    time: a.envelopeTime,
    correlationId: a.servicePrincipalId,
    identity: a.displayName,
    properties: {
      id: a.servicePrincipalId,
      displayName: a.displayName,
      appId: a.appId,
      servicePrincipalType: a.servicePrincipalType,
      riskLastUpdatedDateTime: riskNestedTime(a.time),
      riskState: a.riskState,
      riskDetail: a.riskDetail,
      riskLevel: a.riskLevel,
      accountEnabled: a.accountEnabled,
      isEnabled: a.isEnabled,
      isProcessing: a.isProcessing,
    },
  });
}

/** Graph `riskyServicePrincipal` in the order of Microsoft's v1.0 example; beta adds accountEnabled. */
export function riskyServicePrincipalToGraph(a: RiskyServicePrincipalActivity, version: GraphVersion): GraphResource {
  const g: GraphResource = { id: a.servicePrincipalId };
  if (version === 'beta') g.accountEnabled = a.accountEnabled;
  g.isEnabled = a.isEnabled;
  g.isProcessing = a.isProcessing;
  g.riskLastUpdatedDateTime = graphTime(a.time, a.tick);
  g.riskLevel = a.riskLevel;
  g.riskState = a.riskState;
  g.riskDetail = a.riskDetail;
  g.displayName = a.displayName;
  g.appId = a.appId;
  g.servicePrincipalType = a.servicePrincipalType;
  return g;
}

export interface ServicePrincipalHistoryItemOptions {
  /** The newest item carries the bare object id (as riskyUser history does; a guess for SPs). */
  readonly current?: boolean;
}

/**
 * Graph `riskyServicePrincipalHistoryItem`: the riskyServicePrincipal properties plus
 * initiatedBy and activity{detail, riskEventTypes}; beta also servicePrincipalId (CSDL).
 */
export function toRiskyServicePrincipalHistoryItem(
  a: RiskyServicePrincipalActivity,
  version: GraphVersion,
  options: ServicePrincipalHistoryItemOptions = {},
): GraphResource {
  const g = riskyServicePrincipalToGraph(a, version);
  g.id = options.current ? a.servicePrincipalId : a.servicePrincipalId + dotnetTicks(a.time, a.tick);
  if (version === 'beta') g.servicePrincipalId = a.servicePrincipalId;
  g.initiatedBy = a.initiatedBy;
  g.activity = {
    riskEventTypes: a.riskEventTypes.slice(),
    detail: historyActivityDetail(a),
  };
  return g;
}

/** AADRiskyServicePrincipals: every column (the table has AccountEnabled but no IsEnabled). */
export function riskyServicePrincipalToLogAnalytics(a: RiskyServicePrincipalActivity, ctx: RenderContext): LogAnalyticsRow {
  return {
    TenantId: ctx.workspaceId,
    AccountEnabled: a.accountEnabled,
    AppId: a.appId,
    CorrelationId: a.servicePrincipalId,
    DisplayName: a.displayName,
    Id: a.servicePrincipalId,
    IsProcessing: a.isProcessing,
    OperationName: RISKY_SERVICE_PRINCIPALS_OPERATION,
    RiskDetail: a.riskDetail,
    RiskLastUpdatedDateTime: laTime(a.time),
    RiskLevel: a.riskLevel,
    RiskState: a.riskState,
    ServicePrincipalType: a.servicePrincipalType,
    SourceSystem: SOURCE_SYSTEM,
    TimeGenerated: laTime(a.envelopeTime),
    Type: 'AADRiskyServicePrincipals',
  };
}
