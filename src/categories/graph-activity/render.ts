/**
 * MicrosoftGraphActivityLogs renderings. No Graph read API exists for these logs
 * (graph-api.md §11), so only the diagnostic record and the Log Analytics row.
 */
import type { DiagnosticRecord, LogAnalyticsRow, RenderContext } from '../../core/activity.ts';
import { envelopeTime, graphTime, laTime } from '../../core/time.ts';
import type { GraphActivity } from './activity.ts';
import { dotNetTicks } from './build.ts';

const upperResourceIds = new Map<string, string>();

/** `/TENANTS/<TID>/PROVIDERS/MICROSOFT.AADIAM`: all capitals for this category (notes §A.2). */
function upperResourceId(tenantId: string): string {
  let id = upperResourceIds.get(tenantId);
  if (!id) {
    id = `/TENANTS/${tenantId.toUpperCase()}/PROVIDERS/MICROSOFT.AADIAM`;
    upperResourceIds.set(tenantId, id);
  }
  return id;
}

/** `tokenIssuedAt` is written with seven zero digits: `2025-04-11T06:15:56.0000000Z`. */
function tokenTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + '.0000000Z';
}

const AUTH_METHOD = ['0', '1', '2'] as const;

/**
 * Envelope key order (observed): time, resourceId, operationName, operationVersion,
 * category, resultSignature, durationMs, callerIpAddress, correlationId, level, location,
 * properties, tenantId. No resultType, identity or Level.
 */
export function graphActivityToDiagnostic(a: GraphActivity, ctx: RenderContext): DiagnosticRecord {
  const tenantId = ctx.tenant.id;
  // `properties` keys in the order real records carry them (DataDog / SEKOIA fixtures,
  // 2025): the __UDI_* block, then request, token and client fields; servicePrincipalId
  // (app-only) or userId (delegated) just before tokenIssuedAt.
  const properties: Record<string, string | number> = {
    __UDI_RequiredFields_TenantId: tenantId,
    __UDI_RequiredFields_UniqueId: a.requestId,
    // .NET ticks; above 2^53, so the last digits are those of the nearest double.
    __UDI_RequiredFields_EventTime: dotNetTicks(a.time, a.tick),
    __UDI_RequiredFields_RegionScope: a.regionScope,
    timeGenerated: graphTime(a.time, a.tick),
    location: a.location,
    requestId: a.requestId,
    operationId: a.operationId,
    clientRequestId: a.clientRequestId,
    apiVersion: a.apiVersion,
    requestMethod: a.requestMethod,
    responseStatusCode: a.responseStatusCode,
    tenantId,
    durationMs: a.durationMs,
    responseSizeBytes: a.responseSizeBytes,
    signInActivityId: a.signInActivityId,
    roles: a.roles,
    appId: a.appId,
    UserPrincipalObjectID: a.principalObjectId,
    scopes: a.scopes,
    identityProvider: a.identityProvider,
    // A string here ("2"), an int in Log Analytics (observed in every 2025 record).
    clientAuthMethod: AUTH_METHOD[a.clientAuthMethod],
    wids: a.wids,
    C_Idtyp: a.idtyp,
    C_Iat: String(Math.floor(a.tokenIssuedAt / 1000)),
    ipAddress: a.ipAddress,
    userAgent: a.userAgent,
    requestUri: a.requestUri,
    atContentP: '',
    atContentH: '',
    C_Sid: a.sessionId,
    C_DeviceId: a.deviceId,
  };
  if (a.idtyp === 'app') properties.servicePrincipalId = a.servicePrincipalId;
  else properties.userId = a.userId;
  properties.tokenIssuedAt = tokenTime(a.tokenIssuedAt);
  return {
    time: envelopeTime(a.envelopeTime, a.envelopeTick),
    resourceId: upperResourceId(tenantId),
    operationName: 'Microsoft Graph Activity',
    operationVersion: a.apiVersion,
    category: 'MicrosoftGraphActivityLogs',
    resultSignature: String(a.responseStatusCode),
    // A string at the top level, a number in properties (observed).
    durationMs: String(a.durationMs),
    callerIpAddress: a.ipAddress,
    correlationId: a.operationId,
    level: 'Informational',
    location: a.location,
    properties,
    tenantId,
  };
}

/** Row of MicrosoftGraphActivityLogs, columns in the table's order (note `AadTenantId`). */
export function graphActivityToLogAnalytics(a: GraphActivity, ctx: RenderContext): LogAnalyticsRow {
  return {
    AadTenantId: ctx.tenant.id,
    ApiVersion: a.apiVersion,
    AppId: a.appId,
    ATContent: '',
    ATContentH: '',
    ATContentP: '',
    ClientAuthMethod: a.clientAuthMethod,
    ClientRequestId: a.clientRequestId,
    DurationMs: a.durationMs,
    IdentityProvider: a.identityProvider,
    IPAddress: a.ipAddress,
    Location: a.location,
    OperationId: a.operationId,
    RequestId: a.requestId,
    RequestMethod: a.requestMethod,
    RequestUri: a.requestUri,
    ResponseSizeBytes: a.responseSizeBytes,
    ResponseStatusCode: a.responseStatusCode,
    Roles: a.roles,
    Scopes: a.scopes,
    ServicePrincipalId: a.servicePrincipalId,
    SignInActivityId: a.signInActivityId,
    SourceSystem: 'Azure AD',
    TenantId: ctx.workspaceId,
    TimeGenerated: laTime(a.envelopeTime),
    TokenIssuedAt: laTime(a.tokenIssuedAt),
    Type: 'MicrosoftGraphActivityLogs',
    UserAgent: a.userAgent,
    UserId: a.userId,
    Wids: a.wids,
  };
}
