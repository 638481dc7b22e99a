/**
 * Envelope and Log Analytics helpers shared by the Global Secure Access categories
 * (NetworkAccessTrafficLogs, RemoteNetworkHealthLogs, EnrichedOffice365AuditLogs).
 *
 * No public diagnostic-settings sample exists for them (notes §A.3). Best guess, as the
 * note recommends: the common Entra envelope of 2022+ records (§A.2: `time` with 7
 * digits, `resourceId` /tenants/<tid>/providers/Microsoft.aadiam, `operationVersion`
 * "1.0", `Level` 4) with `properties` mirroring the Log Analytics table (camelCased
 * columns; schemas/diagnostic/*.schema.json say the same, marked x-unverified).
 */
import type { DiagnosticRecord, JsonObject } from '../../core/activity.ts';
import type { Category } from '../../core/categories.ts';
import { envelopeTime } from '../../core/time.ts';

/**
 * `operationName` per category [unverified: no public sample; named after the log the
 * way "Microsoft Graph Activity" / "Sign-in activity" are].
 */
export const GSA_OPERATION_NAME = {
  NetworkAccessTrafficLogs: 'Network Access Traffic',
  RemoteNetworkHealthLogs: 'Remote Network Health',
  EnrichedOffice365AuditLogs: 'Enriched Microsoft 365 Audit',
} as const satisfies Partial<Record<Category, string>>;

export type GsaCategory = keyof typeof GSA_OPERATION_NAME;

const resourceIds = new Map<string, string>();

/** `/tenants/<tid>/providers/Microsoft.aadiam`, the common spelling (notes §A.2). */
export function aadiamResourceId(tenantId: string): string {
  let id = resourceIds.get(tenantId);
  if (!id) {
    id = `/tenants/${tenantId}/providers/Microsoft.aadiam`;
    resourceIds.set(tenantId, id);
  }
  return id;
}

/**
 * Envelope key order: time, resourceId, operationName, operationVersion, category,
 * tenantId, durationMs, [callerIpAddress], [correlationId], Level, properties.
 */
export function gsaEnvelope(
  category: GsaCategory,
  tenantId: string,
  ms: number,
  tick: number,
  callerIpAddress: string,
  correlationId: string,
  properties: JsonObject,
): DiagnosticRecord {
  const record: DiagnosticRecord = {
    time: envelopeTime(ms, tick),
    resourceId: aadiamResourceId(tenantId),
    operationName: GSA_OPERATION_NAME[category],
    operationVersion: '1.0',
    category,
    tenantId,
    durationMs: 0,
  };
  if (callerIpAddress) record.callerIpAddress = callerIpAddress;
  if (correlationId) record.correlationId = correlationId;
  record.Level = 4;
  record.properties = properties;
  return record;
}

/**
 * camelCase of a Log Analytics column, as the diagnostic schema names `properties` keys:
 * a leading run of capitals is lowered except the one starting the next word
 * (`AIAgentId` → `aiAgentId`, `DestinationFqdn` → `destinationFqdn`, `Token3PExpiry` →
 * `token3PExpiry`). Used once per table at load time, never per record.
 */
export function camelColumn(name: string): string {
  let i = 0;
  while (i < name.length && name[i]! >= 'A' && name[i]! <= 'Z') i++;
  if (i <= 1) return name.charAt(0).toLowerCase() + name.slice(1);
  if (i === name.length) return name.toLowerCase();
  return name.slice(0, i - 1).toLowerCase() + name.slice(i - 1);
}
