/**
 * The three renderings of a directory-audit activity, shared by AuditLogs and
 * CustomSecurityAttributeAuditLogs.
 *
 * Diagnostic record (notes §A.2–A.4, real 2025 records in the Datadog storage fixtures):
 *   envelope  time, resourceId, operationName, operationVersion, category, tenantId,
 *             resultSignature "None", [resultDescription], durationMs 0, [callerIpAddress],
 *             correlationId, [identity], Level 4, properties — no resultType, no location;
 *   properties tenantId, resultType "", resultDescription, operationName, identity, tenantGeo,
 *             id, category, correlationId, result, resultReason, activityDisplayName,
 *             activityDateTime (+00:00), loggedByService, operationType, userAgent,
 *             initiatedBy {user|app}, targetResources[… administrativeUnits], additionalDetails.
 * Graph: directoryAudit / customSecurityAttributeAudit per CSDL (v1.0 fewer properties).
 * Log Analytics: AuditLogs / AADCustomSecurityAttributeAuditLogs, dynamic InitiatedBy,
 *   TargetResources, AdditionalDetails (log-analytics README §3, OTRF sample row).
 */
import type { DiagnosticRecord, GraphResource, Json, JsonObject, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import { envelopeTime, graphTime, laTime, nestedTime } from '../../core/time.ts';
import type { AuditInitiator, AuditTarget, DirectoryAuditActivity } from './model.ts';

export function resourceIdOf(tenantId: string): string {
  return `/tenants/${tenantId}/providers/Microsoft.aadiam`;
}

/** `initiatedBy` as the diagnostic record and LA write it: only the side that acted [obs]. */
export function diagnosticInitiator(i: AuditInitiator | null): JsonObject {
  if (i === null) return {};
  if (i.kind === 'user') {
    return { user: { id: i.id, displayName: i.displayName, userPrincipalName: i.userPrincipalName, ipAddress: i.ipAddress, roles: [] } };
  }
  return { app: { appId: i.appId, displayName: i.displayName, servicePrincipalId: i.servicePrincipalId, servicePrincipalName: i.servicePrincipalName } };
}

function modified(t: AuditTarget): Json[] {
  const out: Json[] = new Array(t.modifiedProperties.length);
  for (let i = 0; i < t.modifiedProperties.length; i++) {
    const p = t.modifiedProperties[i]!;
    out[i] = { displayName: p.displayName, oldValue: p.oldValue, newValue: p.newValue };
  }
  return out;
}

/** Diagnostic/LA target: optional keys only where Entra writes them, plus `administrativeUnits` [obs]. */
export function diagnosticTargets(targets: ReadonlyArray<AuditTarget>): Json[] {
  const out: Json[] = new Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    const o: JsonObject = { id: t.id, displayName: t.displayName };
    if (t.type !== undefined) o.type = t.type;
    if (t.userPrincipalName !== undefined) o.userPrincipalName = t.userPrincipalName;
    if (t.groupType !== undefined) o.groupType = t.groupType;
    o.modifiedProperties = modified(t);
    o.administrativeUnits = [];
    out[i] = o;
  }
  return out;
}

export function details(a: DirectoryAuditActivity): Json[] {
  const out: Json[] = new Array(a.additionalDetails.length);
  for (let i = 0; i < a.additionalDetails.length; i++) {
    const d = a.additionalDetails[i]!;
    out[i] = { key: d.key, value: d.value };
  }
  return out;
}

export function toAuditDiagnostic(a: DirectoryAuditActivity, ctx: RenderContext): DiagnosticRecord {
  const tenantId = ctx.tenant.id;
  const rec: JsonObject = {
    time: envelopeTime(a.envelopeTime, a.envelopeTick),
    resourceId: resourceIdOf(tenantId),
    operationName: a.activityDisplayName,
    operationVersion: '1.0',
    category: a.category,
    tenantId,
    resultSignature: 'None',
  };
  // resultDescription only when there is one [obs: "None", "NoContent" present; "" absent].
  if (a.resultReason) rec.resultDescription = a.resultReason;
  rec.durationMs = 0;
  if (a.callerIpAddress) rec.callerIpAddress = a.callerIpAddress;
  rec.correlationId = a.correlationId;
  if (a.identity) rec.identity = a.identity;
  rec.Level = 4;
  rec.properties = {
    // Since 2025 properties repeat envelope fields and add tenantGeo (notes §A.4).
    tenantId,
    resultType: '',
    resultDescription: a.resultReason,
    operationName: a.activityDisplayName,
    identity: a.identity ?? '',
    tenantGeo: a.tenantGeo,
    id: a.id,
    category: a.auditCategory,
    correlationId: a.correlationId,
    result: a.result,
    resultReason: a.resultReason,
    activityDisplayName: a.activityDisplayName,
    activityDateTime: nestedTime(a.time, a.tick),
    loggedByService: a.loggedByService,
    operationType: a.operationType,
    userAgent: a.userAgent,
    initiatedBy: diagnosticInitiator(a.initiatedBy),
    targetResources: diagnosticTargets(a.targetResources),
    additionalDetails: details(a),
  };
  return rec;
}

function graphInitiator(i: AuditInitiator | null, version: GraphVersion): JsonObject {
  let app: Json = null;
  let user: Json = null;
  if (i?.kind === 'app') {
    app = { appId: i.appId, displayName: i.displayName, servicePrincipalId: i.servicePrincipalId, servicePrincipalName: i.servicePrincipalName };
  } else if (i?.kind === 'user') {
    const u: JsonObject = { id: i.id, displayName: i.displayName, userPrincipalName: i.userPrincipalName, ipAddress: i.ipAddress };
    if (version === 'beta') {
      // beta auditUserIdentity adds the home tenant (set for guests only).
      const guest = i.homeTenantId !== null && i.userPrincipalName !== null && i.userPrincipalName.includes('#EXT#');
      u.homeTenantId = guest ? i.homeTenantId : null;
      u.homeTenantName = guest ? i.homeTenantName : null;
    }
    user = u;
  }
  return { app, user };
}

function graphTargets(targets: ReadonlyArray<AuditTarget>): Json[] {
  const out: Json[] = new Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    out[i] = {
      id: t.id,
      displayName: t.displayName,
      type: t.type ?? null,
      userPrincipalName: t.userPrincipalName ?? null,
      groupType: t.groupType ?? null,
      modifiedProperties: modified(t),
    };
  }
  return out;
}

/**
 * Graph `directoryAudit` (v1.0, beta) or `customSecurityAttributeAudit` (beta only). beta adds
 * `userAgent` (and `performedBy` on directoryAudit); no diagnostic-only extras.
 */
export function toAuditGraph(
  a: DirectoryAuditActivity,
  version: GraphVersion,
  entity: 'directoryAudit' | 'customSecurityAttributeAudit',
): GraphResource | undefined {
  if (entity === 'customSecurityAttributeAudit' && version !== 'beta') return undefined;
  const g: JsonObject = {
    id: a.id,
    category: a.auditCategory,
    correlationId: a.correlationId,
    result: a.result,
    resultReason: a.resultReason,
    activityDisplayName: a.activityDisplayName,
    activityDateTime: graphTime(a.time, a.tick),
    loggedByService: a.loggedByService,
    operationType: a.operationType,
  };
  if (version === 'beta') g.userAgent = a.userAgent;
  g.initiatedBy = graphInitiator(a.initiatedBy, version);
  g.targetResources = graphTargets(a.targetResources);
  g.additionalDetails = details(a);
  if (version === 'beta' && entity === 'directoryAudit') g.performedBy = null;
  return g;
}

/** AuditLogs row, columns in the table's order (OTRF query-API row). */
export function toAuditLogsRow(a: DirectoryAuditActivity, ctx: RenderContext): LogAnalyticsRow {
  const tenantId = ctx.tenant.id;
  return {
    TenantId: ctx.workspaceId,
    SourceSystem: 'Azure AD',
    TimeGenerated: laTime(a.envelopeTime),
    ResourceId: resourceIdOf(tenantId),
    OperationName: a.activityDisplayName,
    OperationVersion: '1.0',
    Category: a.auditCategory,
    ResultType: '',
    ResultSignature: 'None',
    ResultDescription: a.resultReason,
    DurationMs: 0,
    CorrelationId: a.correlationId,
    Resource: 'Microsoft.aadiam',
    ResourceGroup: 'Microsoft.aadiam',
    ResourceProvider: '',
    Identity: a.identity ?? '',
    // Real rows carry Level as the string "4" (README §3).
    Level: '4',
    Location: '',
    AdditionalDetails: details(a),
    Id: a.id,
    InitiatedBy: diagnosticInitiator(a.initiatedBy),
    LoggedByService: a.loggedByService,
    Result: a.result,
    ResultReason: a.resultReason,
    TargetResources: diagnosticTargets(a.targetResources),
    AADTenantId: tenantId,
    ActivityDisplayName: a.activityDisplayName,
    ActivityDateTime: laTime(a.time),
    AADOperationType: a.operationType,
    Type: 'AuditLogs',
  };
}

/** AADCustomSecurityAttributeAuditLogs row (its own column set: no Category, adds CallerIpAddress/UserAgent). */
export function toCustomSecurityAttributeRow(a: DirectoryAuditActivity, ctx: RenderContext): LogAnalyticsRow {
  return {
    TenantId: ctx.workspaceId,
    SourceSystem: 'Azure AD',
    TimeGenerated: laTime(a.envelopeTime),
    OperationName: a.activityDisplayName,
    OperationVersion: '1.0',
    ResultType: '',
    ResultSignature: 'None',
    ResultDescription: a.resultReason,
    DurationMs: 0,
    CallerIpAddress: a.callerIpAddress ?? '',
    CorrelationId: a.correlationId,
    Identity: a.identity ?? '',
    Level: '4',
    Location: '',
    AADTenantId: ctx.tenant.id,
    ActivityDateTime: laTime(a.time),
    ActivityDisplayName: a.activityDisplayName,
    AdditionalDetails: details(a),
    AADOperationType: a.operationType,
    Id: a.id,
    InitiatedBy: diagnosticInitiator(a.initiatedBy),
    LoggedByService: a.loggedByService,
    Result: a.result,
    ResultReason: a.resultReason,
    TargetResources: diagnosticTargets(a.targetResources),
    UserAgent: a.userAgent ?? '',
    Type: 'AADCustomSecurityAttributeAuditLogs',
  };
}
