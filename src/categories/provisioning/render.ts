/**
 * Renderings of a provisioning activity.
 *
 * Diagnostic (notes §A.2–A.4, Elastic raw samples): envelope time, resourceId,
 * operationName "Provisioning activity", operationVersion, category, tenantId, resultType
 * Success/Skipped/Failure, [resultDescription], durationMs (real ms), correlationId (= changeId),
 * identity (= the record id), Level 4 — no resultSignature, callerIpAddress or location.
 * properties: id, activityDateTime (…Z), tenantId, jobId, cycleId, changeId, action,
 * provisioningAction, servicePrincipal{Id,Name}, sourceSystem{details,Id,Name},
 * targetSystem{…}, initiatedBy{Type,Id,Name}, sourceIdentity{identityType,details,Id,Name},
 * targetIdentity{…}, provisioningStatusInfo{Status,errorInformation}, statusInfo{Status: n},
 * provisioningSteps[{name, provisioningStepType: n, status: n, description, details}],
 * modifiedProperties, durationInMilliseconds.
 * Graph: provisioningObjectSummary in camelCase with enum member names (beta adds action, statusInfo).
 * Log Analytics: AADProvisioningLogs, object-valued columns as JSON strings (README §3).
 */
import type { DiagnosticRecord, GraphResource, Json, JsonObject, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import type { GraphVersion } from '../../core/categories.ts';
import { envelopeTime, graphTime, laTime } from '../../core/time.ts';
import { STATUS_INFO_NUMBER, STEP_STATUS_NUMBER, STEP_TYPE_NUMBER } from '../../data/provisioning-values.ts';
import type { ProvisionedIdentity, ProvisioningActivity, ProvisioningErrorInfo, ProvisioningSystem } from './model.ts';

const RESULT_TYPE = { success: 'Success', failure: 'Failure', skipped: 'Skipped', warning: 'Success' } as const;

function errorJson(e: ProvisioningErrorInfo | null): Json {
  if (e === null) return null;
  return { errorCode: e.errorCode, reason: e.reason, additionalDetails: e.additionalDetails, errorCategory: e.errorCategory, recommendedAction: e.recommendedAction };
}

const diagSystem = (s: ProvisioningSystem): JsonObject => ({ details: { ...s.details }, Id: s.id, Name: s.name });
const diagIdentity = (i: ProvisionedIdentity): JsonObject => ({ identityType: i.identityType, details: { ...i.details }, Id: i.id, Name: i.name });
const diagInitiator = (a: ProvisioningActivity): JsonObject => ({ Type: a.initiatedBy.type, Id: a.initiatedBy.id, Name: a.initiatedBy.name });
const diagServicePrincipal = (a: ProvisioningActivity): JsonObject => ({ Id: a.servicePrincipal.id, Name: a.servicePrincipal.name });
const diagStatus = (a: ProvisioningActivity): JsonObject => ({ Status: a.status, errorInformation: errorJson(a.error) });
const diagStatusInfo = (a: ProvisioningActivity): JsonObject => ({ Status: STATUS_INFO_NUMBER[a.status] });

function diagSteps(a: ProvisioningActivity): Json[] {
  return a.steps.map((s) => ({
    name: s.name,
    // Numeric enums in the diagnostic stream [obs, Elastic raw sample].
    provisioningStepType: STEP_TYPE_NUMBER[s.type],
    status: STEP_STATUS_NUMBER[s.status],
    description: s.description,
    details: { ...s.details },
  }));
}

function mods(a: ProvisioningActivity): Json[] {
  return a.modifiedProperties.map((m) => ({ displayName: m.displayName, oldValue: m.oldValue, newValue: m.newValue }));
}

export function toProvisioningDiagnostic(a: ProvisioningActivity, ctx: RenderContext): DiagnosticRecord {
  const tenantId = ctx.tenant.id;
  const rec: JsonObject = {
    time: envelopeTime(a.envelopeTime, a.envelopeTick),
    resourceId: `/tenants/${tenantId}/providers/Microsoft.aadiam`,
    operationName: 'Provisioning activity',
    operationVersion: '1.0',
    category: 'ProvisioningLogs',
    tenantId,
    resultType: RESULT_TYPE[a.status],
  };
  // Failures carry the error text, as the table's ResultDescription does [guess: no failure sample].
  if (a.error) rec.resultDescription = a.error.reason;
  rec.durationMs = a.durationMs;
  rec.correlationId = a.changeId;
  rec.identity = a.id;
  rec.Level = 4;
  rec.properties = {
    id: a.id,
    activityDateTime: graphTime(a.time, a.tick),
    tenantId,
    jobId: a.jobId,
    cycleId: a.cycleId,
    changeId: a.changeId,
    action: a.action,
    provisioningAction: a.provisioningAction,
    servicePrincipal: diagServicePrincipal(a),
    sourceSystem: diagSystem(a.sourceSystem),
    targetSystem: diagSystem(a.targetSystem),
    initiatedBy: diagInitiator(a),
    sourceIdentity: diagIdentity(a.sourceIdentity),
    targetIdentity: diagIdentity(a.targetIdentity),
    provisioningStatusInfo: diagStatus(a),
    statusInfo: diagStatusInfo(a),
    provisioningSteps: diagSteps(a),
    modifiedProperties: mods(a),
    durationInMilliseconds: a.durationMs,
  };
  return rec;
}

const graphSystem = (s: ProvisioningSystem): JsonObject => ({ id: s.id, displayName: s.name, details: { ...s.details } });
const graphIdentity = (i: ProvisionedIdentity): JsonObject => ({ id: i.id, displayName: i.name, identityType: i.identityType, details: { ...i.details } });

export function toProvisioningGraph(a: ProvisioningActivity, version: GraphVersion, ctx: RenderContext): GraphResource {
  const g: JsonObject = {
    id: a.id,
    activityDateTime: graphTime(a.time, a.tick),
    tenantId: ctx.tenant.id,
    jobId: a.jobId,
    cycleId: a.cycleId,
    changeId: a.changeId,
  };
  if (version === 'beta') g.action = a.action;
  g.provisioningAction = a.provisioningAction;
  g.durationInMilliseconds = a.durationMs;
  g.provisioningStatusInfo = { status: a.status, errorInformation: errorJson(a.error) };
  if (version === 'beta') {
    g.statusInfo = a.error
      ? { '@odata.type': '#microsoft.graph.statusDetails', status: a.status, ...(errorJson(a.error) as JsonObject) }
      : { '@odata.type': '#microsoft.graph.statusBase', status: a.status };
  }
  g.provisioningSteps = a.steps.map((s) => ({ name: s.name, provisioningStepType: s.type, status: s.status, description: s.description, details: { ...s.details } }));
  g.modifiedProperties = mods(a);
  g.servicePrincipal = { id: a.servicePrincipal.id, displayName: a.servicePrincipal.name };
  g.sourceSystem = graphSystem(a.sourceSystem);
  g.targetSystem = graphSystem(a.targetSystem);
  g.initiatedBy = { id: a.initiatedBy.id, displayName: a.initiatedBy.name, initiatorType: a.initiatedBy.type };
  g.sourceIdentity = graphIdentity(a.sourceIdentity);
  g.targetIdentity = graphIdentity(a.targetIdentity);
  return g;
}

export function toProvisioningRow(a: ProvisioningActivity, ctx: RenderContext): LogAnalyticsRow {
  const s = JSON.stringify;
  return {
    TenantId: ctx.workspaceId,
    AADTenantId: ctx.tenant.id,
    TimeGenerated: laTime(a.envelopeTime),
    OperationName: 'Provisioning activity',
    OperationVersion: '1.0',
    Category: 'ProvisioningLogs',
    ResultType: RESULT_TYPE[a.status],
    // "summarize count() by ErrorCode = ResultSignature" (Entra docs): the error code lives here.
    ResultSignature: a.error?.errorCode ?? '',
    ResultDescription: a.error?.reason ?? '',
    DurationMs: a.durationMs,
    CorrelationId: a.changeId,
    Action: a.action,
    ChangeId: a.changeId,
    CycleId: a.cycleId,
    Id: a.id,
    InitiatedBy: s(diagInitiator(a)),
    JobId: a.jobId,
    ModifiedProperties: s(mods(a)),
    ProvisioningSteps: s(diagSteps(a)),
    ServicePrincipal: s(diagServicePrincipal(a)),
    SourceIdentity: s(diagIdentity(a.sourceIdentity)),
    // The table's SourceSystem is Azure Monitor's agent column ("Azure AD"), not the provisioning source.
    SourceSystem: 'Azure AD',
    StatusInfo: s(diagStatusInfo(a)),
    TargetIdentity: s(diagIdentity(a.targetIdentity)),
    TargetSystem: s(diagSystem(a.targetSystem)),
    ProvisioningAction: a.provisioningAction,
    ProvisioningStatusInfo: s(diagStatus(a)),
    Type: 'AADProvisioningLogs',
  };
}
