/**
 * The diagnostic-settings envelope the four risk categories share (notes §A.2–A.3, §D;
 * real RiskyUsers/UserRiskEvents records of 2022 and 2025):
 *
 *   time (US format), resourceId (lower-case `microsoft.aadiam`), operationName,
 *   operationVersion "1.0", category, tenantId, resultSignature "None", durationMs 0,
 *   [callerIpAddress], correlationId, identity (lower-cased name), Level, location,
 *   properties
 *
 * No `resultType`, no `resultDescription`. `Level` is the string "Information" in records
 * from late 2024 on (it was the number 4 in 2022); the current form is emitted.
 */
import type { DiagnosticRecord, JsonObject } from '../../core/activity.ts';
import type { Category } from '../../core/categories.ts';
import { usTime } from '../../core/time.ts';
import type { Tenant } from '../../tenant/types.ts';
import { DEFAULT_RISK_REGION, RISK_REGION_BY_COUNTRY } from '../../data/risk-detections.ts';

interface TenantEnvelope {
  readonly resourceId: string;
  readonly region: string;
}

const ENVELOPES = new WeakMap<Tenant, TenantEnvelope>();

/** Per-tenant constant parts, computed once. */
export function tenantEnvelope(tenant: Tenant): TenantEnvelope {
  let env = ENVELOPES.get(tenant);
  if (!env) {
    const country = tenant.namedLocations[0]?.network.geo.countryOrRegion ?? 'US';
    env = {
      // notes §A.2: risk records spell the provider in lower case.
      resourceId: `/tenants/${tenant.id}/providers/microsoft.aadiam`,
      region: RISK_REGION_BY_COUNTRY[country] ?? DEFAULT_RISK_REGION,
    };
    ENVELOPES.set(tenant, env);
  }
  return env;
}

export interface RiskEnvelopeFields {
  readonly category: Category;
  readonly operationName: string;
  /** Epoch ms of the envelope `time` (US format has whole seconds only). */
  readonly time: number;
  /** Only some records carry it (UserRiskEvents 2022: yes; 2025: no). */
  readonly callerIpAddress?: string | null;
  readonly correlationId: string;
  /** Display name; written lower-cased (notes §D.6). */
  readonly identity: string;
  readonly properties: JsonObject;
}

export function riskEnvelope(tenant: Tenant, f: RiskEnvelopeFields): DiagnosticRecord {
  const env = tenantEnvelope(tenant);
  const record: DiagnosticRecord = {
    time: usTime(f.time),
    resourceId: env.resourceId,
    operationName: f.operationName,
    operationVersion: '1.0',
    category: f.category,
    tenantId: tenant.id,
    resultSignature: 'None',
    durationMs: 0,
  };
  if (f.callerIpAddress) record.callerIpAddress = f.callerIpAddress;
  record.correlationId = f.correlationId;
  record.identity = f.identity.toLowerCase();
  record.Level = 'Information';
  record.location = env.region;
  record.properties = f.properties;
  return record;
}

/** The Log Analytics columns every row carries besides the table's own. */
export const SOURCE_SYSTEM = 'Azure AD';
